package cn.minzheng.bureau.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.RuleViolation;

/** The streaming reader: cell values as the validator needs them, the row count for the progress display. */
class XlsxRowsTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @CsvSource({"A1,0", "P12,15", "Z3,25", "AA7,26", "$B$2,1"})
    void columnOfAReference(String reference, int column) {
        assertThat(XlsxRows.columnOf(reference)).isEqualTo(column);
    }

    @Test
    void numbersArePlainDecimalsDatesAsShownStringsAsTheyAre() throws Exception {
        Path file = folder.resolve("cells.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm"));
            Row row = workbook.createSheet().createRow(0);
            row.createCell(0).setCellValue(640.5);
            row.createCell(1).setCellValue(1234567.0);
            row.createCell(2).setCellValue("  东岳村  ");
            row.createCell(3).setCellValue(LocalDate.of(2024, 3, 1));
            row.getCell(3).setCellStyle(date);
            row.createCell(5).setCellValue("ignored: beyond the columns asked for");
            workbook.getSheetAt(0).createRow(2).createCell(1).setCellValue("第三行");
            workbook.write(out);
        }
        List<String[]> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        XlsxRows.read(file, 5, (n, cells) -> {
            numbers.add(n);
            rows.add(cells);
        });
        assertThat(numbers).containsExactly(1, 3); // the empty row 2 is skipped
        assertThat(rows.get(0)).containsExactly("640.5", "1234567", "东岳村", "2024-03", null);
        assertThat(rows.get(1)).containsExactly(null, "第三行", null, null, null);
        assertThat(XlsxRows.declaredRows(file)).isEqualTo(3);
    }

    @Test
    void aStreamedWorkbookWithoutDimensionIsCountedForTheProgress() throws Exception {
        Path file = folder.resolve("streamed.xlsx");
        List<String[]> rows = new ArrayList<>();
        RosterSheets.Ids ids = new RosterSheets.Ids();
        for (int i = 0; i < 50; i++) {
            rows.addAll(RosterSheets.household("k" + i, ids, "640"));
        }
        Files.write(file, RosterSheets.workbook(rows));
        assertThat(XlsxRows.declaredRows(file)).isEqualTo(101);
    }

    @Test
    void somethingElseIsRefusedInChinese() throws Exception {
        Path file = folder.resolve("not.xlsx");
        Files.writeString(file, "姓名,身份证号\n");
        assertThatThrownBy(() -> XlsxRows.read(file, 16, (n, cells) -> { }))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("无法读取该文件");
        assertThat(XlsxRows.declaredRows(file)).isEqualTo(-1);
    }
}

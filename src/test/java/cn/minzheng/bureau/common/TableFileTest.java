package cn.minzheng.bureau.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableFileTest {

    @Test
    void csvFieldsMayBeQuotedWithCommasQuotesAndLineBreaks() {
        List<TableFile.Line> lines = TableFile.csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\r\n x , \"two\nlines\",\n");
        assertThat(lines).extracting(TableFile.Line::number).containsExactly(1, 3);
        assertThat(lines.get(0).cells()).containsExactly("a", "b,c", "say \"hi\"");
        assertThat(lines.get(1).cells()).containsExactly("x", "two\nlines", "");
        assertThat(lines.get(1).cell(7)).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsRefusedWithItsRow() {
        assertThatThrownBy(() -> TableFile.csv("a,b\n\"c,d\n"))
                .isInstanceOf(RuleViolation.class).hasMessage("第2行：引号没有闭合");
    }

    @Test
    void csvInUtf8WithBomOrInGb18030ReadsTheSame() {
        String text = "编码,名称\nyuecun,岳村乡\n";
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        byte[] gbk = text.getBytes(Charset.forName("GB18030"));
        assertThat(TableFile.read("a.csv", bom)).isEqualTo(TableFile.read("b.CSV", gbk));
        assertThat(TableFile.read("a.csv", gbk).get(1).cells()).containsExactly("yuecun", "岳村乡");
    }

    @Test
    void xlsxCellsAsTextAndDatesAsIsoDates() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet();
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            XSSFRow header = sheet.createRow(0);
            header.createCell(0).setCellValue("日期");
            header.createCell(1).setCellValue("天数");
            XSSFRow row = sheet.createRow(2);
            row.createCell(0).setCellValue(LocalDate.of(2027, 2, 6));
            row.getCell(0).setCellStyle(date);
            row.createCell(1).setCellValue(3);
            book.write(out);
            List<TableFile.Line> lines = TableFile.read("x.xlsx", out.toByteArray());
            assertThat(lines).extracting(TableFile.Line::number).containsExactly(1, 3);
            assertThat(lines.get(1).cells()).containsExactly("2027-02-06", "3");
        }
    }

    @Test
    void otherFilesAndBrokenWorkbooksAreRefusedInChinese() {
        assertThatThrownBy(() -> TableFile.read("a.xls", new byte[1])).hasMessageContaining("请上传 .xlsx 或 .csv 文件");
        assertThatThrownBy(() -> TableFile.read("a.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("无法读取该 Excel 文件");
    }
}

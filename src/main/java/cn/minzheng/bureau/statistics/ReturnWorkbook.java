package cn.minzheng.bureau.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.minzheng.bureau.program.Program;

/**
 * A month's return as an .xlsx: a sheet per program in the layout of a 民政统计月报 (title, 表号, 填报单位,
 * 统计月份, the table, 单位负责人 / 统计负责人 / 填表人 / 报出日期), numbers as numeric cells, money with two places.
 */
public final class ReturnWorkbook {

    /** Who signs and when; {@code reportedOn} null until submitted (the sheet then says 未报出). */
    public record Signatures(String returnNumber, int version, String unitHead, String statisticsHead,
                             String preparer, LocalDate reportedOn) {
    }

    /** Table number and title per program. */
    static String tableNumber(String programCode) {
        return switch (programCode) {
            case Program.DIBAO -> "民统月1表";
            case Program.TEKUN -> "民统月2表";
            case Program.LINSHI -> "民统月3表";
            default -> "民统月表";
        };
    }

    static String title(MonthlyFigures.Sheet sheet) {
        return switch (sheet.programCode()) {
            case Program.DIBAO -> "城乡最低生活保障情况（月报）";
            case Program.TEKUN -> "特困人员救助供养情况（月报）";
            case Program.LINSHI -> "临时救助情况（月报）";
            default -> sheet.programName() + "情况（月报）";
        };
    }

    static List<String> headers(MonthlyFigures.Sheet sheet) {
        if (sheet.oneOff()) {
            return List.of("乡镇（街道）", "城乡类别", "本月救助户数（户）", "本月救助人数（人）", "本月支出金额（元）",
                    "人均救助金额（元）");
        }
        return List.of("乡镇（街道）", "城乡类别", "月末户数（户）", "月末人数（人）", "本月新增户数（户）", "本月新增人数（人）",
                "本月减少户数（户）", "本月减少人数（人）", "本月支出金额（元）", "月人均支出（元）");
    }

    /** The row's cells in the order of {@link #headers}. */
    static List<Object> values(MonthlyFigures.Sheet sheet, MonthlyFigures.Row row) {
        List<Object> values = new ArrayList<>(List.of(row.areaName(), row.areaType(), row.households(), row.persons()));
        if (!sheet.oneOff()) {
            values.addAll(List.of(row.addedHouseholds(), row.addedPersons(), row.endedHouseholds(), row.endedPersons()));
        }
        values.add(row.paid());
        values.add(row.averagePerPerson());
        return values;
    }

    private ReturnWorkbook() {
    }

    public static byte[] render(MonthlyFigures figures, Signatures signatures) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            for (MonthlyFigures.Sheet sheet : figures.sheets()) {
                write(workbook.createSheet(sheet.programName()), figures, sheet, signatures, styles);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Sheet out, MonthlyFigures figures, MonthlyFigures.Sheet sheet, Signatures signatures,
                              Styles styles) {
        List<String> headers = headers(sheet);
        int last = headers.size() - 1;
        YearMonth month = YearMonth.parse(figures.month());
        Row title = out.createRow(0);
        text(title, 0, title(sheet), styles.title);
        out.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
        Row number = out.createRow(1);
        text(number, 0, "表号", null);
        text(number, 1, tableNumber(sheet.programCode()), null);
        text(number, last - 1, "编号", null);
        text(number, last, signatures.returnNumber() == null ? "（未报出）" : signatures.returnNumber(), null);
        Row unit = out.createRow(2);
        text(unit, 0, "填报单位", null);
        text(unit, 1, figures.districtName() + "民政局", null);
        text(unit, last - 3, "统计月份", null);
        text(unit, last - 2, month.getYear() + "年" + month.getMonthValue() + "月", null);
        text(unit, last - 1, "版本", null);
        number(unit, last, signatures.version(), null);
        Row header = out.createRow(4);
        for (int i = 0; i < headers.size(); i++) {
            text(header, i, headers.get(i), styles.header);
        }
        int r = 5;
        List<MonthlyFigures.Row> rows = new ArrayList<>(sheet.rows());
        rows.add(sheet.urban());
        rows.add(sheet.rural());
        rows.add(sheet.total());
        for (MonthlyFigures.Row line : rows) {
            Row row = out.createRow(r++);
            List<Object> values = values(sheet, line);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof BigDecimal amount) {
                    Cell cell = row.createCell(i);
                    cell.setCellValue(amount.doubleValue());
                    cell.setCellStyle(styles.money);
                } else if (value instanceof Long count) {
                    number(row, i, count, styles.count);
                } else {
                    text(row, i, value.toString(), styles.cell);
                }
            }
        }
        Row footer = out.createRow(r + 1);
        text(footer, 0, "单位负责人", null);
        text(footer, 1, blankIfNull(signatures.unitHead()), null);
        text(footer, 2, "统计负责人", null);
        text(footer, 3, blankIfNull(signatures.statisticsHead()), null);
        text(footer, 4, "填表人", null);
        text(footer, 5, blankIfNull(signatures.preparer()), null);
        Row date = out.createRow(r + 2);
        text(date, 0, "报出日期", null);
        LocalDate on = signatures.reportedOn();
        text(date, 1, on == null ? "（未报出）" : on.getYear() + "年" + on.getMonthValue() + "月" + on.getDayOfMonth() + "日", null);
        for (int i = 0; i <= last; i++) {
            out.setColumnWidth(i, (i == 0 ? 16 : 13) * 256 + 200);
        }
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text;
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle cell;
        final CellStyle count;
        final CellStyle money;

        Styles(XSSFWorkbook workbook) {
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = bordered(workbook);
            header.setFont(bold);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            cell = bordered(workbook);
            count = bordered(workbook);
            count.setDataFormat(workbook.createDataFormat().getFormat("0"));
            money = bordered(workbook);
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        }

        private static CellStyle bordered(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}

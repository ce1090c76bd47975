package cn.minzheng.bureau.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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

    /** A column of the table: its header and its cell of a row (null: left blank). */
    record Column(String header, Function<MonthlyFigures.Row, Object> value) {
    }

    /**
     * The table's columns. The breakdown, the year-to-date columns and the average standard appear when the version's
     * figures have them: a version stored before them renders in the layout it was checked and submitted in.
     */
    static List<Column> columns(MonthlyFigures.Sheet sheet) {
        MonthlyFigures.Row total = sheet.total();
        boolean oneOff = sheet.oneOff();
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("乡镇（街道）", MonthlyFigures.Row::areaName));
        columns.add(new Column("城乡类别", MonthlyFigures.Row::areaType));
        columns.add(new Column(oneOff ? "本月救助户数（户）" : "月末户数（户）", MonthlyFigures.Row::households));
        columns.add(new Column(oneOff ? "本月救助人数（人）" : "月末人数（人）", MonthlyFigures.Row::persons));
        if (total.breakdown() != null) {
            columns.add(breakdown("其中：老年人（人）", MonthlyFigures.Breakdown::elderly));
            columns.add(breakdown("成年人（人）", MonthlyFigures.Breakdown::adults));
            columns.add(breakdown("成年人中：在业（人）", MonthlyFigures.Breakdown::adultsWorking));
            columns.add(breakdown("成年人中：失业（人）", MonthlyFigures.Breakdown::adultsUnemployed));
            columns.add(breakdown("成年人中：丧失劳动能力（人）", MonthlyFigures.Breakdown::adultsUnableToWork));
            columns.add(breakdown("成年人中：其他（人）", MonthlyFigures.Breakdown::adultsOther));
            columns.add(breakdown("未成年人（人）", MonthlyFigures.Breakdown::minors));
            columns.add(breakdown("其中：残疾人（人）", MonthlyFigures.Breakdown::disabled));
        }
        if (!oneOff) {
            columns.add(new Column("本月新增户数（户）", MonthlyFigures.Row::addedHouseholds));
            columns.add(new Column("本月新增人数（人）", MonthlyFigures.Row::addedPersons));
            columns.add(new Column("本月减少户数（户）", MonthlyFigures.Row::endedHouseholds));
            columns.add(new Column("本月减少人数（人）", MonthlyFigures.Row::endedPersons));
        }
        columns.add(new Column("本月支出金额（元）", MonthlyFigures.Row::paid));
        if (total.yearToDate() != null) {
            columns.add(new Column("本年累计支出金额（元）", r -> r.yearToDate() == null ? null : r.yearToDate().paid()));
            columns.add(new Column(oneOff ? "本年累计救助人次（人次）" : "本年累计保障人次（人次）",
                    r -> r.yearToDate() == null ? null : r.yearToDate().personTimes()));
        }
        if (total.averageStandard() != null) {
            columns.add(new Column("平均保障标准（元/人·月）", MonthlyFigures.Row::averageStandard));
        }
        columns.add(new Column(oneOff ? "人均救助金额（元）" : "月人均支出（元）", MonthlyFigures.Row::averagePerPerson));
        return columns;
    }

    private static Column breakdown(String header, Function<MonthlyFigures.Breakdown, Long> count) {
        return new Column(header, r -> r.breakdown() == null ? null : count.apply(r.breakdown()));
    }

    static List<String> headers(MonthlyFigures.Sheet sheet) {
        return columns(sheet).stream().map(Column::header).toList();
    }

    /** The row's cells in the order of {@link #headers}. */
    static List<Object> values(MonthlyFigures.Sheet sheet, MonthlyFigures.Row row) {
        List<Object> values = new ArrayList<>();
        for (Column column : columns(sheet)) {
            values.add(column.value().apply(row));
        }
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
                if (value == null) {
                    text(row, i, "", styles.cell);
                } else if (value instanceof BigDecimal amount) {
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

package cn.minzheng.bureau.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A small table an administrator prepares in Excel (the district's regions, a year's holidays): the first sheet
 * of an .xlsx, or a .csv in UTF-8 (with or without BOM) or GB 18030 (what Excel on Chinese Windows writes).
 * Each non-empty row as the cells' text, trimmed; a date cell as ISO {@code yyyy-MM-dd}.
 */
public final class TableFile {

    /** One non-empty row, numbered as Excel shows it (1 = the first row). */
    public record Line(int number, List<String> cells) {

        /** The cell's text, "" when the row is shorter. */
        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    private TableFile() {
    }

    public static List<Line> read(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return xlsx(content);
        }
        if (name.endsWith(".csv")) {
            return csv(TextFileCharset.decode(content));
        }
        throw new RuleViolation("FILE_TYPE", "请上传 .xlsx 或 .csv 文件（“" + fileName + "”不是）");
    }

    private static List<Line> xlsx(byte[] content) {
        DataFormatter formatter = new DataFormatter(Locale.CHINA);
        List<Line> lines = new ArrayList<>();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            if (book.getNumberOfSheets() == 0) {
                return lines;
            }
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(text(row.getCell(c), formatter));
                }
                add(lines, row.getRowNum() + 1, cells);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuleViolation violation) {
                throw violation;
            }
            throw new RuleViolation("FILE_UNREADABLE", "无法读取该 Excel 文件，请用 Excel 另存为 .xlsx 后重试");
        }
        return lines;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        return formatter.formatCellValue(cell).trim();
    }

    /** RFC 4180 (Apache Commons CSV): quoted fields may hold commas, quotes ("") and line breaks. */
    static List<Line> csv(String text) {
        List<Line> lines = new ArrayList<>();
        LineNumbers numbers = new LineNumbers(text);
        long lastStart = -1;
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true).get())) {
            for (CSVRecord record : parser) {
                lastStart = record.getCharacterPosition();
                add(lines, numbers.at(record.getCharacterPosition()), record.stream().map(String::trim).toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException unclosedQuote) {
            throw new RuleViolation("CSV_UNCLOSED_QUOTE", "第" + (lastStart < 0 ? 1 : numbers.after(lastStart)) + "行：引号没有闭合");
        }
        return lines;
    }

    /** Line numbers of character positions, as a text editor counts them (1 = the first line). */
    private static final class LineNumbers {

        private final String text;
        private final int[] lineBreaks;

        LineNumbers(String text) {
            this.text = text;
            this.lineBreaks = IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').toArray();
        }

        int at(long position) {
            int index = Arrays.binarySearch(lineBreaks, (int) Math.min(position, Integer.MAX_VALUE));
            int breaksBefore = index >= 0 ? index : -index - 1;
            return breaksBefore + 1;
        }

        /** The line where the record after the one starting at this position starts. */
        int after(long position) {
            int i = (int) position;
            boolean quoted = false;
            for (; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == '\n' && !quoted) {
                    return at(i + 1);
                }
            }
            return at(position);
        }
    }

    private static void add(List<Line> lines, int number, List<String> cells) {
        if (cells.stream().anyMatch(c -> !c.isEmpty())) {
            lines.add(new Line(number, List.copyOf(cells)));
        }
    }
}

package cn.minzheng.bureau.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TableFile() {
    }

    public static List<Line> read(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return xlsx(content);
        }
        if (name.endsWith(".csv")) {
            return csv(decode(content));
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

    /** UTF-8 when the bytes are valid UTF-8, GB 18030 otherwise. */
    static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            return new String(content, GB18030);
        }
    }

    /** RFC 4180: fields separated by commas, quoted fields may hold commas, quotes ("") and line breaks. */
    static List<Line> csv(String text) {
        List<Line> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int lineNumber = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        lineNumber++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(field.toString().trim());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(field.toString().trim());
                field.setLength(0);
                add(lines, rowStart, cells);
                cells = new ArrayList<>();
                lineNumber++;
                rowStart = lineNumber;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new RuleViolation("CSV_UNCLOSED_QUOTE", "第" + rowStart + "行：引号没有闭合");
        }
        if (field.length() > 0 || !cells.isEmpty()) {
            cells.add(field.toString().trim());
            add(lines, rowStart, cells);
        }
        return lines;
    }

    private static void add(List<Line> lines, int number, List<String> cells) {
        if (cells.stream().anyMatch(c -> !c.isEmpty())) {
            lines.add(new Line(number, List.copyOf(cells)));
        }
    }
}

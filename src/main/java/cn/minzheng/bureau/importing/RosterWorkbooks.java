package cn.minzheng.bureau.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.importing.kind.RosterKind;

/**
 * The roster workbooks, all written streaming (SXSSF): the import template with an example row, the
 * active cases exported in the template's own layout (so an export can be imported again), and the
 * validation report: the uploaded rows with their result, offending cells filled red with a comment.
 */
@Component
public class RosterWorkbooks {

    private final ImportRepository batches;
    private final RosterKinds kinds;
    private final ImportFiles files;

    public RosterWorkbooks(ImportRepository batches, RosterKinds kinds, ImportFiles files) {
        this.batches = batches;
        this.kinds = kinds;
        this.files = files;
    }

    private static final class Book implements AutoCloseable {
        final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        final SXSSFSheet sheet;
        final CellStyle bold;
        final CellStyle text;
        int next;

        Book(String name, List<String> headers) {
            sheet = workbook.createSheet(name);
            bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row header = sheet.createRow(next++);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, 16 * 256);
            }
        }

        /** A row; text cells as text, amounts as numbers. */
        Row row(Object... values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                Cell cell = row.createCell(i);
                if (v instanceof BigDecimal amount) {
                    cell.setCellValue(amount.doubleValue());
                } else if (v != null) {
                    cell.setCellValue(v.toString());
                    cell.setCellStyle(text);
                }
            }
            return row;
        }

        void write(OutputStream out) throws IOException {
            workbook.write(out);
        }

        @Override
        public void close() throws IOException {
            workbook.dispose();
            workbook.close();
        }
    }

    /** The template of a kind: the columns, an example, and a sheet explaining each column. */
    public void template(RosterKind kind, OutputStream out) throws IOException {
        try (Book book = new Book(kind.label(), kind.headers())) {
            kind.exampleRows().forEach(book::row);
            SXSSFSheet notes = book.workbook.createSheet("填写说明");
            for (int i = 0; i < kind.headers().size(); i++) {
                Row row = notes.createRow(i);
                row.createCell(0).setCellValue(kind.headers().get(i));
                row.createCell(1).setCellValue(kind.notes().get(i));
            }
            notes.setColumnWidth(0, 20 * 256);
            notes.setColumnWidth(1, 90 * 256);
            book.write(out);
        }
    }

    /**
     * The records of a kind in its template's own layout (what a later import takes in again): {@code importBatchId}
     * limits it to what one import brought in, {@code township} to one township (null: all).
     */
    public void export(RosterKind kind, Long importBatchId, String township, OutputStream out) throws IOException {
        try (Book book = new Book(kind.label(), kind.headers())) {
            if (!kind.export(importBatchId, township, book::row)) {
                throw new cn.minzheng.bureau.common.RuleViolation("NO_EXPORT", kind.label() + "没有导出", 404);
            }
            book.write(out);
        }
    }

    /** 校验报告: every row of the upload with its result; offending cells red, with the reason as a comment. */
    public void report(ImportBatch batch, OutputStream out) throws IOException {
        RosterKind kind = kinds.of(batch.kind());
        int count = kind.headers().size();
        List<String> headers = new java.util.ArrayList<>(kind.headers());
        headers.add("校验结果");
        headers.add("说明");
        try (Book book = new Book("校验报告", headers)) {
            Marker marker = new Marker(book);
            StagedResults results = new StagedResults(batch.id());
            boolean[] header = {false};
            XlsxRows.read(storedFile(batch), count, (rowNumber, cells) -> {
                if (!header[0]) {
                    header[0] = true;
                    return;
                }
                ImportRepository.ReportRow result = results.of(rowNumber);
                Object[] values = Arrays.copyOf(cells, count + 2, Object[].class);
                values[count] = result == null ? "未校验" : result.statusLabel();
                values[count + 1] = result == null ? null : result.messages();
                Row row = book.row(values);
                if (result != null && result.badColumns() != null) {
                    marker.mark(row, result, count);
                }
            });
            book.write(out);
        }
    }

    /** The staged results in file order, read a thousand at a time as the file's rows come. */
    private final class StagedResults {

        private final long batchId;
        private final Deque<ImportRepository.ReportRow> staged = new ArrayDeque<>();
        private int nextFrom;

        StagedResults(long batchId) {
            this.batchId = batchId;
        }

        ImportRepository.ReportRow of(int rowNumber) {
            while ((staged.isEmpty() || staged.peekLast().rowNumber() < rowNumber) && nextFrom >= 0) {
                List<ImportRepository.ReportRow> page = batches.reportRows(batchId, Math.max(nextFrom, rowNumber), 1000, false);
                staged.addAll(page);
                nextFrom = page.size() < 1000 ? -1 : page.get(page.size() - 1).rowNumber() + 1;
            }
            while (!staged.isEmpty() && staged.peekFirst().rowNumber() < rowNumber) {
                staged.pollFirst();
            }
            return !staged.isEmpty() && staged.peekFirst().rowNumber() == rowNumber ? staged.pollFirst() : null;
        }
    }

    /** Fills the offending cells of a row red (warnings yellow), each with the reasons as a comment. */
    private static final class Marker {

        private final Book book;
        private final CellStyle red;
        private final CellStyle yellow;
        private final Drawing<?> drawing;

        Marker(Book book) {
            this.book = book;
            red = book.workbook.createCellStyle();
            red.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            red.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            yellow = book.workbook.createCellStyle();
            yellow.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            yellow.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            drawing = book.sheet.createDrawingPatriarch();
        }

        void mark(Row row, ImportRepository.ReportRow result, int resultColumn) {
            CellStyle style = "WARNING".equals(result.status()) ? yellow : red;
            for (String column : result.badColumns().split(",")) {
                int c = Integer.parseInt(column);
                Cell cell = row.getCell(c) != null ? row.getCell(c) : row.createCell(c);
                cell.setCellStyle(style);
                ClientAnchor anchor = book.workbook.getCreationHelper().createClientAnchor();
                anchor.setCol1(c);
                anchor.setCol2(c + 4);
                anchor.setRow1(row.getRowNum());
                anchor.setRow2(row.getRowNum() + 3);
                Comment comment = drawing.createCellComment(anchor);
                comment.setString(new XSSFRichTextString(result.messages()));
                comment.setAuthor("校验");
                cell.setCellComment(comment);
            }
            row.getCell(resultColumn).setCellStyle(style);
        }
    }

    private java.nio.file.Path storedFile(ImportBatch batch) {
        return files.of(batch);
    }
}

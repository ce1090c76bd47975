package cn.minzheng.bureau.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.household.Relation;

/**
 * The roster workbooks, all written streaming (SXSSF): the import template with an example row, the
 * active cases exported in the template's own layout (so an export can be imported again), and the
 * validation report: the uploaded rows with their result, offending cells filled red with a comment.
 */
@Component
public class RosterWorkbooks {

    private final JdbcClient jdbc;
    private final ImportRepository batches;

    public RosterWorkbooks(JdbcClient jdbc, ImportRepository batches) {
        this.jdbc = jdbc;
        this.batches = batches;
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
    public void template(ImportKind kind, OutputStream out) throws IOException {
        if (kind == ImportKind.DIBAO) {
            template(out);
            return;
        }
        try (Book book = new Book("受灾户名册", DisasterRosterColumns.HEADERS)) {
            book.row("岳村乡", "东岳村", "王建设", "11010519491231002X", "东岳村5号", "3", "重灾户", "否",
                    new BigDecimal("4.50"), "倒塌", "2", "0", null, "3", "口粮、被褥", "3000");
            notes(book, ImportKind.DISASTER);
            book.write(out);
        }
    }

    private static void notes(Book book, ImportKind kind) {
        SXSSFSheet notes = book.workbook.createSheet("填写说明");
        for (int i = 0; i < kind.columns(); i++) {
            Row row = notes.createRow(i);
            row.createCell(0).setCellValue(kind.headers().get(i));
            row.createCell(1).setCellValue(kind.notes().get(i));
        }
        notes.setColumnWidth(0, 20 * 256);
        notes.setColumnWidth(1, 90 * 256);
    }

    /** 导入模板: the columns, an example household of two, and a sheet explaining each column. */
    public void template(OutputStream out) throws IOException {
        try (Book book = new Book("低保在保家庭", RosterColumns.HEADERS)) {
            book.row("1", "岳村乡", "东岳村", "东岳村5号", "中国农业银行", "6228480012345678901", "王建设",
                    "11010519491231002X", "户主", "灵活就业", "无", new BigDecimal("300.00"), new BigDecimal("0.00"),
                    "一般困难家庭", new BigDecimal("650.00"), "2024-01");
            book.row("1", null, null, null, null, null, "李秀英", "110105195001010029", "配偶", "丧失劳动能力",
                    "重度（一、二级）", new BigDecimal("0.00"), new BigDecimal("100.00"), null, null, null);
            SXSSFSheet notes = book.workbook.createSheet("填写说明");
            for (int i = 0; i < RosterColumns.COUNT; i++) {
                Row row = notes.createRow(i);
                row.createCell(0).setCellValue(RosterColumns.HEADERS.get(i));
                row.createCell(1).setCellValue(RosterColumns.NOTES.get(i));
            }
            notes.setColumnWidth(0, 20 * 256);
            notes.setColumnWidth(1, 90 * 256);
            book.write(out);
        }
    }

    /**
     * The active (在保) cases in the template's layout, one row per member; {@code importBatchId} limits it
     * to what one import brought in, {@code township} to one township (null: all).
     */
    public void exportActive(Long importBatchId, String township, OutputStream out) throws IOException {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select code, name from region").query(rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        Map<Long, BigDecimal[]> incomes = new HashMap<>();
        String filter = " where c.status = 'APPROVED'" + (importBatchId != null ? " and c.import_batch_id = :batch" : "")
                + (township != null ? " and c.township_code = :township" : "");
        Map<String, Object> params = new HashMap<>();
        if (importBatchId != null) {
            params.put("batch", importBatchId);
        }
        if (township != null) {
            params.put("township", township);
        }
        jdbc.sql("""
                select i.member_id, i.income_type, i.monthly_amount from income_item i
                join household_member m on m.id = i.member_id join dibao_case c on c.household_id = m.household_id"""
                + filter + " and i.income_type <> 'EXEMPT'")
                .params(params)
                .query(rs -> {
                    BigDecimal[] pair = incomes.computeIfAbsent(rs.getLong(1), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    int slot = "WAGE".equals(rs.getString(2)) ? 0 : 1;
                    pair[slot] = pair[slot].add(rs.getBigDecimal(3));
                });
        try (Book book = new Book("低保在保家庭", RosterColumns.HEADERS)) {
            long[] lastCase = {-1};
            int[] key = {0};
            jdbc.sql("""
                    select c.id as case_id, c.category, c.monthly_amount, c.start_month, h.township_code, h.community_code,
                           h.address, h.bank_name, h.bank_account, m.id as member_id, m.name, m.id_number, m.relation,
                           m.employment_status, m.disability_level
                    from dibao_case c join household h on h.id = c.household_id
                    join household_member m on m.household_id = h.id""" + filter
                    + " and m.id_number in (select p.id_number from dibao_case_person p where p.case_id = c.id)"
                    + " order by c.id, case when m.relation = 'HEAD' then 0 else 1 end, m.id")
                    .params(params)
                    .query(rs -> {
                        long caseId = rs.getLong("case_id");
                        boolean head = caseId != lastCase[0];
                        if (head) {
                            key[0]++;
                            lastCase[0] = caseId;
                        }
                        BigDecimal[] income = incomes.getOrDefault(rs.getLong("member_id"),
                                new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                        book.row(String.valueOf(key[0]),
                                head ? names.get(rs.getString("township_code")) : null,
                                head ? names.get(rs.getString("community_code")) : null,
                                head ? rs.getString("address") : null,
                                head ? rs.getString("bank_name") : null,
                                head ? rs.getString("bank_account") : null,
                                rs.getString("name"), rs.getString("id_number"),
                                Relation.valueOf(rs.getString("relation")).label(),
                                EmploymentStatus.valueOf(rs.getString("employment_status")).label(),
                                DisabilityLevel.valueOf(rs.getString("disability_level")).label(),
                                income[0].setScale(2), income[1].setScale(2),
                                head ? CaseCategory.valueOf(rs.getString("category")).label() : null,
                                head ? rs.getBigDecimal("monthly_amount") : null,
                                head ? rs.getString("start_month") : null);
                    });
            book.write(out);
        }
    }

    /** 校验报告: every row of the upload with its result; offending cells red, with the reason as a comment. */
    public void report(ImportBatch batch, OutputStream out) throws IOException {
        ImportKind kind = batch.importKind();
        int count = kind.columns();
        List<String> headers = new java.util.ArrayList<>(kind.headers());
        headers.add("校验结果");
        headers.add("说明");
        try (Book book = new Book("校验报告", headers)) {
            CellStyle red = book.workbook.createCellStyle();
            red.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            red.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle yellow = book.workbook.createCellStyle();
            yellow.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            yellow.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Drawing<?> drawing = book.sheet.createDrawingPatriarch();
            Deque<ImportRepository.ReportRow> staged = new ArrayDeque<>();
            int[] nextFrom = {0};
            boolean[] header = {false};
            XlsxRows.read(Path(batch), count, (rowNumber, cells) -> {
                if (!header[0]) {
                    header[0] = true;
                    return;
                }
                while ((staged.isEmpty() || staged.peekLast().rowNumber() < rowNumber) && nextFrom[0] >= 0) {
                    List<ImportRepository.ReportRow> page = batches.reportRows(batch.id(), Math.max(nextFrom[0], rowNumber), 1000, false);
                    staged.addAll(page);
                    nextFrom[0] = page.size() < 1000 ? -1 : page.get(page.size() - 1).rowNumber() + 1;
                }
                while (!staged.isEmpty() && staged.peekFirst().rowNumber() < rowNumber) {
                    staged.pollFirst();
                }
                ImportRepository.ReportRow result = !staged.isEmpty() && staged.peekFirst().rowNumber() == rowNumber
                        ? staged.pollFirst() : null;
                Object[] values = Arrays.copyOf(cells, count + 2, Object[].class);
                values[count] = result == null ? "未校验" : result.statusLabel();
                values[count + 1] = result == null ? null : result.messages();
                Row row = book.row(values);
                if (result != null && result.badColumns() != null) {
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
                    row.getCell(count).setCellStyle(style);
                }
            });
            book.write(out);
        }
    }

    private static java.nio.file.Path Path(ImportBatch batch) {
        return java.nio.file.Path.of(batch.storedFile());
    }
}

package cn.minzheng.bureau.payroll;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Money;

/**
 * 银行代发文件 of an approved payroll, as CSV and as .xlsx, streamed: rows come from a database cursor
 * and go straight to the output (POI's SXSSF keeps a small window of rows in memory), so the heap
 * stays flat whatever the number of payments. The ID number is masked; the account is text: a text cell
 * formatted as text (@) in the .xlsx, so Excel shows a 19-digit account as it is, never as 6.22848E+18; quoted
 * in the CSV (a text field to the bank's import; Excel opening a CSV still guesses numbers: finance reads the .xlsx).
 */
@Component
public class BankFileExporter {

    static final String[] HEADER = {"付款流水号", "所属月份", "乡镇（街道）", "收款人姓名", "身份证号码", "开户银行", "银行账号", "金额（元）"};
    private static final int FETCH_SIZE = 2000;
    private static final int XLSX_WINDOW = 200;

    private final DataSource dataSource;
    private final PayrollRepository payrolls;

    private final PayrollPrograms programs;

    public BankFileExporter(DataSource dataSource, PayrollRepository payrolls, PayrollPrograms programs) {
        this.programs = programs;
        this.dataSource = dataSource;
        this.payrolls = payrolls;
    }

    private record BankLine(long paymentId, String month, String township, String payee, String idNumber,
                            String bankName, String bankAccount, BigDecimal amount) {
    }

    private interface LineWriter {
        void write(BankLine line) throws IOException;
    }

    /** Refuses a payroll that is not approved: no bank file before approval. */
    public Payroll requireApproved(long payrollId) {
        Payroll payroll = payrolls.get(payrollId);
        if (!payroll.status().approved()) {
            throw PayrollIssue.notApproved(payroll);
        }
        return payroll;
    }

    public long writeCsv(long payrollId, OutputStream out) throws IOException {
        requireApproved(payrollId);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write('\uFEFF'); // so that spreadsheet programs read the Chinese as UTF-8
        writer.write(String.join(",", HEADER));
        writer.write("\r\n");
        long rows = eachLine(payrollId, line -> {
            writer.write(Long.toString(line.paymentId()));
            writer.write(',');
            writer.write(line.month());
            writer.write(',');
            writer.write(csv(line.township()));
            writer.write(',');
            writer.write(csv(line.payee()));
            writer.write(',');
            writer.write(IdNumberMask.mask(line.idNumber()));
            writer.write(',');
            writer.write(csv(line.bankName()));
            writer.write(',');
            writer.write(quoted(line.bankAccount()));
            writer.write(',');
            writer.write(Money.format(line.amount()));
            writer.write("\r\n");
        });
        writer.flush();
        return rows;
    }

    public long writeXlsx(long payrollId, OutputStream out) throws IOException {
        Payroll payroll = requireApproved(payrollId);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(XLSX_WINDOW)) {
            workbook.setCompressTempFiles(true);
            Sheet sheet = workbook.createSheet(payroll.payrollMonth() + programs.shortName(payroll.programCode()) + "代发");
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            sheet.setDefaultColumnStyle(6, text);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                header.createCell(i).setCellValue(HEADER[i]);
            }
            int[] next = {1};
            long rows = eachLine(payrollId, line -> {
                Row row = sheet.createRow(next[0]++);
                row.createCell(0).setCellValue(line.paymentId());
                row.createCell(1).setCellValue(line.month());
                row.createCell(2).setCellValue(line.township());
                row.createCell(3).setCellValue(line.payee());
                row.createCell(4).setCellValue(IdNumberMask.mask(line.idNumber()));
                row.createCell(5).setCellValue(line.bankName());
                Cell account = row.createCell(6);
                account.setCellValue(line.bankAccount());
                account.setCellStyle(text);
                Cell amount = row.createCell(7);
                amount.setCellValue(line.amount().doubleValue());
                amount.setCellStyle(money);
            });
            workbook.write(out);
            workbook.dispose();
            return rows;
        }
    }

    /**
     * Streams the payroll's payments through a server-side cursor: a connection of its own, outside any
     * transaction of the caller, with auto-commit off and a fetch size (what PostgreSQL needs for a cursor).
     */
    private long eachLine(long payrollId, LineWriter writer) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("""
                    select p.id, p.benefit_month, r.name, p.payee_name, p.payee_id_number, p.bank_name, p.bank_account,
                        p.amount - p.deducted_amount as amount
                    from payment p join region r on r.code = p.township_code
                    where p.payroll_id = ? and p.amount > p.deducted_amount order by p.id""", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                statement.setLong(1, payrollId);
                long count = 0;
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        writer.write(line(rs));
                        count++;
                    }
                }
                return count;
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bank file of payroll " + payrollId + " could not be read", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BankLine line(ResultSet rs) throws SQLException {
        return new BankLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getBigDecimal(8));
    }

    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return quoted(value);
        }
        return value;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}

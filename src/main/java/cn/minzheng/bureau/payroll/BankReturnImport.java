package cn.minzheng.bureau.payroll;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextFileCharset;
import cn.minzheng.bureau.payroll.bank.BankReturnLayout;
import cn.minzheng.bureau.payroll.bank.ReturnedPayment;
import cn.minzheng.bureau.engine.EngineClock;

/**
 * 银行回盘: the bank's return file lists the payments that failed, one per line, in the layout that
 * {@code bureau.payroll.bank-return-layout} names (the bureau's standard: 付款流水号,银行账号,金额,失败原因, a
 * header line allowed), read by a CSV parser; a file is UTF-8 or GB 18030 ({@link TextFileCharset}). Every line is checked against the issued
 * payment before anything is written; a payment already recorded as failed is skipped, so importing a
 * file twice records each failure once. A failed payment is re-issued by the next month's payroll.
 */
@Component
public class BankReturnImport {

    private static final int MAX_PROBLEMS_SHOWN = 10;

    private final JdbcClient jdbc;
    private final PayrollRepository payrolls;
    private final BankReturnLayout layout;

    public BankReturnImport(JdbcClient jdbc, PayrollRepository payrolls, List<BankReturnLayout> layouts,
                            PayrollSettings settings) {
        this.jdbc = jdbc;
        this.payrolls = payrolls;
        this.layout = layouts.stream().filter(l -> l.name().equals(settings.getBankReturnLayout())).findFirst()
                .orElseThrow(() -> new IllegalStateException("bureau.payroll.bank-return-layout: no layout named '"
                        + settings.getBankReturnLayout() + "'; known: "
                        + layouts.stream().map(BankReturnLayout::name).toList()));
    }

    public record Result(int failuresRecorded, int alreadyRecorded) {
    }

    private record Line(long paymentId, String bankAccount, String reason) {
    }

    private record IssuedPayment(long id, long payrollId, String bankAccount, BigDecimal amount, PaymentStatus status) {
    }

    /** A return file as the bank (or Excel) wrote it: UTF-8 or GB 18030. */
    @Transactional
    public Result importFile(long payrollId, byte[] file, String actor) {
        return importFile(payrollId, TextFileCharset.decode(file), actor);
    }

    /** The return file's text, or the lines finance pasted into the 银行回盘对账 form. */
    @Transactional
    public Result importFile(long payrollId, String content, String actor) {
        Payroll payroll = requireIssued(payrollId);
        Checked checked = new Checked();
        String text = content == null ? "" : content.replace("\uFEFF", "");
        try (CSVParser parser = CSVParser.parse(new StringReader(text), layout.format())) {
            boolean first = true;
            for (CSVRecord record : parser) {
                String where = "第" + lineOf(text, record) + "行";
                if (first && layout.isHeader(record)) {
                    first = false;
                    continue;
                }
                first = false;
                String problem = check(payroll, where, record, checked);
                if (problem != null) {
                    checked.problems.add(problem);
                }
            }
        } catch (IOException | UncheckedIOException unreadable) {
            throw new RuleViolation("INVALID_BANK_RETURN", "银行回盘文件无法读取：有未配对的引号（\"），请检查文件");
        }
        if (!checked.problems.isEmpty()) {
            throw refusal(checked.problems);
        }
        record(payrollId, checked.failures, actor);
        return new Result(checked.failures.size(), checked.alreadyRecorded);
    }

    /** The line of the text the record starts on, counting from 1 (blank lines included). */
    private static long lineOf(String text, CSVRecord record) {
        long line = 1;
        for (int i = 0; i < record.getCharacterPosition() && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** What the lines checked so far found: the failures to record, those recorded already, the problems. */
    private static final class Checked {
        private final List<String> problems = new ArrayList<>();
        private final List<Line> failures = new ArrayList<>();
        private final Set<Long> seen = new HashSet<>();
        private int alreadyRecorded;
    }

    private Payroll requireIssued(long payrollId) {
        Payroll payroll = payrolls.get(payrollId);
        if (payroll.status() != PayrollStatus.ISSUED && payroll.status() != PayrollStatus.RECONCILED) {
            throw new RuleViolation("PAYROLL_NOT_ISSUED", "工资单（" + payroll.payrollMonth() + "）尚未发放，不能导入银行回盘；当前状态："
                    + payroll.status().label(), 409);
        }
        return payroll;
    }

    /**
     * Checks one line against the issued payment it names: null when it is right (a failure to record, or one
     * recorded already), else what is wrong with it.
     */
    private String check(Payroll payroll, String where, CSVRecord record, Checked checked) {
        ReturnedPayment returned = layout.read(record);
        if (returned == null) {
            return where + "应为“" + layout.expectedColumns() + "”";
        }
        Long paymentId = number(returned.paymentId());
        if (paymentId == null) {
            return where + "的付款流水号“" + returned.paymentId() + "”不是数字";
        }
        String account = returned.bankAccount();
        String reason = returned.reason();
        IssuedPayment payment = jdbc.sql("select id, payroll_id, bank_account, amount - deducted_amount as amount, status from payment where id = ?")
                .param(paymentId).query(RecordRows.of(IssuedPayment.class)).optional().orElse(null);
        if (payment == null || payment.payrollId() != payroll.id()) {
            return where + "的付款流水号" + paymentId + "不属于本工资单（" + payroll.payrollMonth() + "）";
        }
        if (!payment.bankAccount().equals(account)) {
            return where + "的银行账号与发放记录不一致（流水号" + paymentId + "）";
        }
        BigDecimal amount = amount(returned.amount());
        if (amount == null) {
            return where + "的金额“" + returned.amount() + "”不是数字";
        }
        if (amount.compareTo(payment.amount()) != 0) {
            return where + "的金额" + amount.toPlainString() + "与发放金额" + payment.amount().toPlainString() + "不一致";
        }
        if (reason.length() > 500) {
            return where + "的失败原因不能超过500个字";
        }
        if (!checked.seen.add(paymentId)) {
            return where + "的付款流水号" + paymentId + "重复出现";
        }
        if (payment.status() == PaymentStatus.FAILED) {
            checked.alreadyRecorded++;
        } else if (payment.status() != PaymentStatus.ISSUED) {
            return where + "的付款（流水号" + paymentId + "）尚未发放";
        } else {
            checked.failures.add(new Line(paymentId, account, reason));
        }
        return null;
    }

    private static Long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal amount(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static RuleViolation refusal(List<String> problems) {
        String shown = String.join("；", problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS_SHOWN)));
        return new RuleViolation("INVALID_BANK_RETURN", "银行回盘文件有" + problems.size() + "处错误，未导入任何记录：" + shown
                + (problems.size() > MAX_PROBLEMS_SHOWN ? "……" : ""));
    }

    /** The failures: the payment is marked failed (to be re-issued next month) and the bank's report kept. */
    private void record(long payrollId, List<Line> failures, String actor) {
        Timestamp now = Timestamp.from(EngineClock.instant());
        for (Line failure : failures) {
            jdbc.sql("update payment set status = ?, failure_reason = ? where id = ? and status = ?")
                    .params(PaymentStatus.FAILED.name(), failure.reason(), failure.paymentId(), PaymentStatus.ISSUED.name())
                    .update();
            jdbc.sql("""
                    insert into payment_failure (payment_id, payroll_id, bank_account, reason, reported_by, reported_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(failure.paymentId(), payrollId, failure.bankAccount(), failure.reason(), actor, now).update();
        }
    }
}

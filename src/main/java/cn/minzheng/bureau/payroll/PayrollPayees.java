package cn.minzheng.bureau.payroll;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.household.BankAccounts;

/**
 * Who a payroll pays, as pages and forms show it: one line per payment with the payee, the township, the
 * bank account masked and the amount the bank pays (net of deductions), in payment order as in the bank file.
 */
@Component
public class PayrollPayees {

    private final JdbcClient jdbc;

    public PayrollPayees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A payee line; {@code reissue} marks a payment of an earlier month (a failed one paid again, or back pay),
     * {@code tierDifference} the difference of a higher 高龄津贴 tier for a month paid at the lower one.
     */
    public record Payee(long paymentId, String benefitMonth, String payeeName, String townshipName, String bankName,
                        String bankAccountMasked, int peopleCount, BigDecimal amount, String status, boolean reissue,
                        boolean tierDifference) {

        public String statusLabel() {
            for (PaymentStatus known : PaymentStatus.values()) {
                if (known.name().equals(status)) {
                    return known.label();
                }
            }
            return status;
        }
    }

    private record Row(long id, String benefitMonth, String payeeName, String townshipName, String bankName,
                       String bankAccount, int peopleCount, BigDecimal amount, String status, String paymentKind) {
    }

    public long count(long payrollId) {
        return jdbc.sql("select count(*) from payment where payroll_id = ? and amount > deducted_amount")
                .param(payrollId).query(Long.class).single();
    }

    /** Lines {@code offset} to {@code offset + limit} of the payroll, ordered as the bank file. */
    public List<Payee> page(Payroll payroll, long offset, int limit) {
        return jdbc.sql("""
                select p.id, p.benefit_month, p.payee_name, r.name as township_name, p.bank_name, p.bank_account,
                    p.people_count, p.amount - p.deducted_amount as amount, p.status, p.payment_kind
                from payment p join region r on r.code = p.township_code
                where p.payroll_id = ? and p.amount > p.deducted_amount
                order by p.id limit ? offset ?""")
                .params(payroll.id(), limit, offset).query(RecordRows.of(Row.class)).list().stream()
                .map(r -> new Payee(r.id(), r.benefitMonth(), r.payeeName(), r.townshipName(), r.bankName(),
                        BankAccounts.mask(r.bankAccount()), r.peopleCount(), r.amount(), r.status(),
                        !r.benefitMonth().equals(payroll.payrollMonth()), "TIER_DIFFERENCE".equals(r.paymentKind())))
                .toList();
    }
}

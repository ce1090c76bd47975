package cn.minzheng.bureau.payroll;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;

/**
 * Whether a payroll still matches the cases it was computed from. A case changed after the computation
 * (its status or amount: {@code dibao_case.updated_at} later than {@code payroll.computed_at}) makes the
 * payroll stale when a computation now would pay it differently: approved since and not on the payroll,
 * on the payroll but no longer to be paid (cancelled, suspended), or paid another amount. Read from the
 * tables whenever asked, so the forms, the ledger page and the decisions all see the same answer.
 */
@Component
public class PayrollStaleness {

    /** At most this many changed cases are named in the warning. */
    static final int NAMED = 10;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;

    public PayrollStaleness(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public enum Kind {
        ADDED("计算后获批，未列入本工资单"),
        DROPPED("计算后已停保或暂停，仍在本工资单上"),
        AMOUNT_CHANGED("计算后金额已调整");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A case that changed after the computation, with what the payroll pays and what it would pay now. */
    public record ChangedCase(String caseNumber, String headName, String townshipName, Kind kind, BigDecimal paidAmount,
                              BigDecimal currentAmount) {

        String line() {
            String amounts = switch (kind) {
                case ADDED -> "应发" + Money.format(currentAmount) + "元";
                case DROPPED -> "单上" + Money.format(paidAmount) + "元";
                case AMOUNT_CHANGED -> "单上" + Money.format(paidAmount) + "元，现为" + Money.format(currentAmount) + "元";
            };
            return caseNumber + " " + headName + "（" + townshipName + "）：" + kind.label() + "，" + amounts;
        }
    }

    /** The payroll's changes since it was computed; none for a payroll not yet computed or already approved. */
    public record Staleness(Payroll payroll, long added, long dropped, long amountChanged, List<ChangedCase> named) {

        public boolean stale() {
            return added + dropped + amountChanged > 0;
        }

        public long changed() {
            return added + dropped + amountChanged;
        }

        /** The warning as finance and the approver read it: what changed, the cases, what to do; empty when not stale. */
        public String warning() {
            if (!stale()) {
                return "";
            }
            StringBuilder text = new StringBuilder(headline()).append('\n');
            named.forEach(c -> text.append("· ").append(c.line()).append('\n'));
            if (changed() > named.size()) {
                text.append("· 另有").append(changed() - named.size()).append("户，见台账“工资单”页面\n");
            }
            return text.append(advice()).toString();
        }

        /** The refusal of a stale payroll's confirmation or approval: what changed and what to do, on one line. */
        public String refusal() {
            return headline() + advice();
        }

        private String headline() {
            return "本工资单于" + payroll.computedAt().format(MINUTE) + "计算，此后有" + changed() + "户案件发生变化，工资单已不是最新（"
                    + List.of(count(Kind.ADDED, added), count(Kind.DROPPED, dropped), count(Kind.AMOUNT_CHANGED, amountChanged))
                            .stream().filter(s -> !s.isEmpty()).collect(Collectors.joining("；")) + "）。";
        }

        private String advice() {
            return payroll.status() == PayrollStatus.AWAITING_APPROVAL
                    ? "请选择“退回财务”并注明原因，由财务作废本次计算并按最新案件重新计算。"
                    : "请选择“有误，作废并按最新案件重新计算”，系统将按最新案件重新计算后再交您核对。";
        }

        private static String count(Kind kind, long n) {
            return n == 0 ? "" : kind.label() + n + "户";
        }
    }

    private record Counts(long added, long dropped, long amountChanged) {
    }

    private static final String CHANGED = """
            from dibao_case c
            join household_member head on head.household_id = c.household_id and head.relation = 'HEAD'
            join region r on r.code = c.township_code
            left join payment p on p.case_id = c.id and p.benefit_month = :month
            where c.updated_at > :computedAt and (%s)""";
    /** What the payroll computation pays (the status a constant of the statement, as there). */
    private static final String PAYABLE = "(c.status = '" + CaseStatus.APPROVED.name()
            + "' and c.start_month <= :month and c.monthly_amount > 0)";
    private static final String ADDED = "p.id is null and " + PAYABLE;
    private static final String DROPPED = "p.id is not null and not " + PAYABLE;
    private static final String AMOUNT_CHANGED = "p.id is not null and " + PAYABLE + " and c.monthly_amount <> p.amount";

    /*
     * The other programs (高龄津贴, 特困供养, 优抚, 临时救助) compare the payroll with their enrolments, as their
     * computation pays them: an enrolment ended or suspended after the computation (a death, 终止供养) is still on
     * the payroll, one activated since is missing, one whose amount changed is paid the old amount.
     */
    private static final String ENROLMENT_CHANGED = """
            from enrolment c
            join region r on r.code = c.township_code
            left join payment p on p.enrolment_id = c.id and p.payroll_id = :payrollId and p.payment_kind = 'REGULAR'
            where c.program_code = :program and c.updated_at > :computedAt and (%s)""";
    private static final String ENROLMENT_PAYABLE = "(c.status = '" + EnrolmentStatus.ACTIVE.name()
            + "' and c.start_month <= :month and c.amount > 0)";
    private static final String ENROLMENT_ADDED = "p.id is null and " + ENROLMENT_PAYABLE
            + " and not exists (select 1 from payment q where q.enrolment_id = c.id"
            + " and (q.benefit_month = :month or q.one_off_enrolment_id = c.id))";
    private static final String ENROLMENT_DROPPED = "p.id is not null and not " + ENROLMENT_PAYABLE;
    private static final String ENROLMENT_AMOUNT_CHANGED = "p.id is not null and " + ENROLMENT_PAYABLE + " and c.amount <> p.amount";
    /** The enrolment's payee as the computation names it: the person enrolled, or the household's head. */
    private static final String ENROLMENT_PAYEE = "(select min(m.name) from household_member m where m.household_id = c.household_id"
            + " and ((c.person_id_number is null and m.relation = 'HEAD') or m.id_number = c.person_id_number))";

    public Staleness of(Payroll payroll) {
        if (payroll.computedAt() == null || !(payroll.status() == PayrollStatus.CHECKING
                || payroll.status() == PayrollStatus.AWAITING_APPROVAL)) {
            return new Staleness(payroll, 0, 0, 0, List.of());
        }
        return compare(payroll, Program.DIBAO.equals(payroll.programCode()) ? CASES : ENROLMENTS);
    }

    /**
     * How one kind of payroll is compared: the rows that may have changed ({@code from}, with {@code %s} for the
     * condition), the three conditions, and what names a changed row (case number, payee, current amount).
     */
    private record Comparison(String from, String added, String dropped, String amountChanged, String caseNumber,
                              String payee, String currentAmount) {

        String changed() {
            return from.formatted(added + " or " + dropped + " or " + amountChanged);
        }
    }

    private static final Comparison CASES = new Comparison(CHANGED, ADDED, DROPPED, AMOUNT_CHANGED,
            "c.case_number", "head.name", "c.monthly_amount");
    private static final Comparison ENROLMENTS = new Comparison(ENROLMENT_CHANGED, ENROLMENT_ADDED, ENROLMENT_DROPPED,
            ENROLMENT_AMOUNT_CHANGED, "'登记号' || c.id", ENROLMENT_PAYEE, "c.amount");

    private Staleness compare(Payroll payroll, Comparison comparison) {
        Map<String, Object> params = Map.of("program", payroll.programCode(), "payrollId", payroll.id(),
                "month", payroll.payrollMonth(), "computedAt", Timestamp.valueOf(payroll.computedAt()));
        Counts counts = jdbc.sql("select "
                        + "coalesce(sum(case when " + comparison.added() + " then 1 else 0 end), 0) as added, "
                        + "coalesce(sum(case when " + comparison.dropped() + " then 1 else 0 end), 0) as dropped, "
                        + "coalesce(sum(case when " + comparison.amountChanged() + " then 1 else 0 end), 0) as amount_changed "
                        + comparison.changed())
                .params(params).query(RecordRows.of(Counts.class)).single();
        if (counts.added() + counts.dropped() + counts.amountChanged() == 0) {
            return new Staleness(payroll, 0, 0, 0, List.of());
        }
        List<ChangedCase> named = jdbc.sql("select " + comparison.caseNumber() + " as case_number, "
                        + comparison.payee() + " as head_name, r.name as township_name, "
                        + "case when " + comparison.added() + " then 'ADDED' when " + comparison.dropped()
                        + " then 'DROPPED' else 'AMOUNT_CHANGED' end as kind, "
                        + "p.amount as paid_amount, " + comparison.currentAmount() + " as current_amount "
                        + comparison.changed() + " order by c.updated_at desc, c.id limit " + NAMED)
                .params(params).query(RecordRows.of(ChangedCase.class)).list();
        return new Staleness(payroll, counts.added(), counts.dropped(), counts.amountChanged(), named);
    }
}

package cn.minzheng.bureau.payroll;

import static cn.minzheng.bureau.payroll.PayrollProcess.*;
import static cn.minzheng.bureau.payroll.PayrollTestSupport.APPROVER;
import static cn.minzheng.bureau.payroll.PayrollTestSupport.FINANCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.figures.YearlyFiguresQueries;
import cn.minzheng.bureau.support.Http;

/**
 * The households paid ({@code figures_payment_household} and {@code figures_payment_household_count}, kept by the
 * payments' triggers, db/vendor/{h2,postgresql}/V501) equal the distinct households counted from the payments
 * themselves after every kind of change a payment goes through: a payroll computed, sent back and computed again,
 * issued, returned by the bank, re-issued by the next payroll (a payment moving to another payroll), a case cancelled,
 * payments deleted; and payments written by plain statements as any writer may: a person's enrolments paying one
 * household twice, back pay of a month in a later payroll, a household paid in two townships, a payment moved to
 * another township or household, several rows in one statement. The pages' readings from them equal the plain
 * queries over the payments they replaced.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentHouseholdFiguresTest {

    /** The rows per household, from the payments. */
    private static final String HOUSEHOLDS_AFRESH = """
            select r.program_code, p.benefit_month, p.household_id, p.township_code, count(*) as payments,
                sum(case when r.payroll_month = p.benefit_month then 1 else 0 end) as own_payments
            from payment p join payroll r on r.id = p.payroll_id
            group by r.program_code, p.benefit_month, p.household_id, p.township_code""";

    /** The counts per township and for the district (''), from the payments. */
    private static final String COUNTS_AFRESH = """
            select r.program_code, p.benefit_month, p.township_code, count(distinct p.household_id) as households,
                count(distinct case when r.payroll_month = p.benefit_month then p.household_id end) as own_households
            from payment p join payroll r on r.id = p.payroll_id
            group by r.program_code, p.benefit_month, p.township_code
            union all
            select r.program_code, p.benefit_month, '', count(distinct p.household_id),
                count(distinct case when r.payroll_month = p.benefit_month then p.household_id end)
            from payment p join payroll r on r.id = p.payroll_id
            group by r.program_code, p.benefit_month""";

    /** The dashboard's households of a month's payrolls as it counted them from the payments before the summary. */
    private static final String PAYROLL_HOUSEHOLDS_PLAIN = """
            select r.program_code, count(distinct p.household_id) from payroll r
            join payment p on p.payroll_id = r.id and p.benefit_month = r.payroll_month%s
            where r.payroll_month = ? group by r.program_code""";

    /** The programs' households and people of their last month as counted from the payments before the summary. */
    private static final String LAST_MONTH_PLAIN = """
            select r.program_code, p.township_code, count(distinct p.household_id) as households,
                coalesce(sum(p.people_count), 0) as people
            from payment p join payroll r on r.id = p.payroll_id
            join (select r2.program_code as program_code, max(f.benefit_month) as last_month
                  from figures_payment f join payroll r2 on r2.id = f.payroll_id
                  where r2.program_code <> 'DIBAO' and f.benefit_month between ? and ?
                    and r2.program_code in (select code from program where kind = 'MONTHLY')
                  group by r2.program_code) l on l.program_code = r.program_code and l.last_month = p.benefit_month
            group by r.program_code, p.township_code""";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    YearlyFiguresQueries yearlyQueries;
    @Autowired
    JdbcClient jdbc;

    Http http;
    PayrollTestSupport support;

    @BeforeEach
    void init() {
        http = new Http(port);
        support = new PayrollTestSupport(walker, engine.getTaskService(), engine.getManagementService(), cases, jdbc);
    }

    @Test
    void theHouseholdsPaidEqualThePaymentsThroughAPayrollsLife() {
        DibaoCase threePeople = support.activeCase(3, "600");
        DibaoCase twoPeople = support.activeCase(2, "300");
        YearMonth month = PayrollTestSupport.freshMonth();
        assertHouseholdsEqualThePayments("before this test's payments", month);

        long payrollId = walker.as(FINANCE, () -> start(month));
        String instance = payrolls.get(payrollId).processInstanceId();
        support.awaitJobs(instance);
        assertHouseholdsEqualThePayments("computed", month);

        support.complete(FINANCE, instance, TASK_CHECK_BY_FINANCE,
                Map.of(VAR_CHECK_DECISION, RECOMPUTE, VAR_CHECK_COMMENT, "重新核算"));
        support.awaitJobs(instance);
        assertHouseholdsEqualThePayments("computed again", month);

        support.complete(FINANCE, instance, TASK_CHECK_BY_FINANCE, Map.of(VAR_CHECK_DECISION, CONFIRM));
        support.complete(APPROVER, instance, TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, APPROVE));
        support.awaitJobs(instance);
        assertHouseholdsEqualThePayments("issued", month);

        PayrollTestSupport.Payment failing = support.payment(twoPeople.id(), month);
        Http.Response returned = http.postText(FINANCE, "/api/payrolls/" + payrollId + "/bank-return", "text/csv",
                "付款流水号,银行账号,金额,失败原因\n" + failing.id() + "," + failing.bankAccount() + ",740.00,账户已销户");
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertHouseholdsEqualThePayments("returned by the bank", month);

        // the failed payment moves to next month's payroll: no longer paid by its month's own payroll
        cases.changeStatus(twoPeople.id(), CaseStatus.CANCELLED, APPROVER, "复核停保");
        long next = walker.as(FINANCE, () -> start(month.plusMonths(1)));
        support.awaitJobs(payrolls.get(next).processInstanceId());
        assertThat(support.payment(twoPeople.id(), month).payrollId()).isEqualTo(next);
        assertThat(ownHouseholds("DIBAO", month, "yuecun")).as("the month's own payroll's households after the move")
                .isEqualTo(plainPayrollHouseholds(month, "yuecun").getOrDefault("DIBAO", 0L));
        assertHouseholdsEqualThePayments("re-issued by the next payroll", month);

        jdbc.sql("delete from payment where id = ?").param(support.payment(threePeople.id(), month.plusMonths(1)).id())
                .update();
        assertHouseholdsEqualThePayments("a payment deleted", month.plusMonths(1));
        jdbc.sql("delete from payment where case_id = ?").param(threePeople.id()).update();
        assertHouseholdsEqualThePayments("a case's last payment deleted", month);
    }

    @Test
    void theHouseholdsPaidEqualThePaymentsWhateverAStatementWrites() {
        YearMonth month = PayrollTestSupport.freshMonth();
        long own = payroll("GAOLING", month);
        long later = payroll("GAOLING", month.plusMonths(1));
        long household = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        long other = household + 1;
        long enrolment = household * 10;
        try {
            // a person's enrolments: two payments of one household in one statement
            insert(own, month, household, "yuecun", enrolment, enrolment + 1);
            assertThat(ownHouseholds("GAOLING", month, "")).isEqualTo(1);
            assertHouseholdsEqualThePayments("two payments of one household", month);

            // back pay of the month by the next payroll, for a third person of the household and another household
            insert(later, month, household, "yuecun", enrolment + 2);
            insert(later, month, other, "yuecun", enrolment + 3);
            assertThat(ownHouseholds("GAOLING", month, "yuecun")).isEqualTo(1);
            assertHouseholdsEqualThePayments("back pay in a later payroll", month);

            // the household paid in a second township: counted in each, once for the district
            insert(own, month, household, "mengke", enrolment + 4);
            assertThat(ownHouseholds("GAOLING", month, "")).isEqualTo(1);
            assertHouseholdsEqualThePayments("one household in two townships", month);

            // a payment moved to another township, another household, another payroll; an update of nothing counted
            jdbc.sql("update payment set township_code = 'mengke' where enrolment_id = ?").param(enrolment).update();
            assertHouseholdsEqualThePayments("a payment moved to another township", month);
            jdbc.sql("update payment set household_id = ? where enrolment_id = ?").params(other, enrolment + 1).update();
            assertHouseholdsEqualThePayments("a payment moved to another household", month);
            jdbc.sql("update payment set payroll_id = ? where enrolment_id in (?, ?)").params(own, enrolment + 2, enrolment + 3)
                    .update();
            assertHouseholdsEqualThePayments("back pay moved to the month's own payroll", month);
            jdbc.sql("update payment set status = 'ISSUED', issued_at = current_timestamp where payroll_id = ?").param(own)
                    .update();
            assertHouseholdsEqualThePayments("issued", month);
            // the next month paid, then its payments and the month's taken away in one statement each
            insert(later, month.plusMonths(1), household, "yuecun", enrolment, enrolment + 1);
            assertHouseholdsEqualThePayments("the next month", month.plusMonths(1));
            jdbc.sql("delete from payment where payroll_id = ? and benefit_month = ?").params(later, month.plusMonths(1).toString())
                    .update();
            assertHouseholdsEqualThePayments("the next month deleted", month.plusMonths(1));
            jdbc.sql("delete from payment where household_id = ? and township_code = 'yuecun'").param(household).update();
            assertHouseholdsEqualThePayments("a household's payments in one township deleted", month);
        } finally {
            jdbc.sql("delete from payment where payroll_id in (?, ?)").params(own, later).update();
            jdbc.sql("delete from payroll where id in (?, ?)").params(own, later).update();
        }
        assertHouseholdsEqualThePayments("this test's payments gone", month);
    }

    private long payroll(String program, YearMonth month) {
        jdbc.sql("""
                insert into payroll (payroll_month, program_code, status, created_at, updated_at)
                values (?, ?, 'CHECKING', current_timestamp, current_timestamp)""").params(month.toString(), program).update();
        return jdbc.sql("select id from payroll where program_code = ? and payroll_month = ?").params(program, month.toString())
                .query(Long.class).single();
    }

    /** One payment per enrolment, all in one statement, as any writer may. */
    private void insert(long payrollId, YearMonth month, long household, String township, long... enrolments) {
        StringBuilder values = new StringBuilder();
        List<Object> params = new java.util.ArrayList<>();
        for (long enrolment : enrolments) {
            values.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, '测试户主', '110101199001011234', "
                    + "'中国农业银行', '6228480000000000000', 1, 100.00, 'PENDING', current_timestamp)");
            params.addAll(List.of(payrollId, enrolment, month.toString(), household, township));
        }
        jdbc.sql("""
                insert into payment (payroll_id, enrolment_id, benefit_month, household_id, township_code, payee_name,
                    payee_id_number, bank_name, bank_account, people_count, amount, status, created_at) values """ + values)
                .params(params).update();
    }

    private long ownHouseholds(String program, YearMonth month, String township) {
        return jdbc.sql("""
                select coalesce(sum(own_households), 0) from figures_payment_household_count
                where program_code = ? and benefit_month = ? and township_code = ?""")
                .params(program, month.toString(), township).query(Long.class).single();
    }

    private Map<String, Long> plainPayrollHouseholds(YearMonth month, String township) {
        Map<String, Long> households = new java.util.TreeMap<>();
        jdbc.sql(PAYROLL_HOUSEHOLDS_PLAIN.formatted(township == null ? "" : " and p.township_code = ?"))
                .params(township == null ? List.of(month.toString()) : List.of(township, month.toString()))
                .query(rs -> {
                    households.put(rs.getString(1), rs.getLong(2));
                });
        return households;
    }

    private Map<String, Long> summaryPayrollHouseholds(YearMonth month, String township) {
        Map<String, Long> households = new java.util.TreeMap<>();
        jdbc.sql("""
                select program_code, own_households from figures_payment_household_count
                where benefit_month = ? and township_code = ? and own_households > 0""")
                .params(month.toString(), township == null ? "" : township)
                .query(rs -> {
                    households.put(rs.getString(1), rs.getLong(2));
                });
        return households;
    }

    private void assertHouseholdsEqualThePayments(String after, YearMonth month) {
        assertThat(rows("select * from figures_payment_household order by 1, 2, 3, 4"))
                .as("figures_payment_household after: " + after)
                .isEqualTo(rows("select * from (" + HOUSEHOLDS_AFRESH + ") h order by 1, 2, 3, 4"));
        assertThat(rows("select program_code, benefit_month, township_code, households, own_households "
                        + "from figures_payment_household_count order by 1, 2, 3"))
                .as("figures_payment_household_count after: " + after)
                .isEqualTo(rows("select * from (" + COUNTS_AFRESH + ") c order by 1, 2, 3"));
        for (String township : new String[] {null, "yuecun", "mengke"}) {
            assertThat(summaryPayrollHouseholds(month, township)).as("the dashboard's payroll households in %s after: %s",
                    township, after).isEqualTo(plainPayrollHouseholds(month, township));
        }
        int year = month.getYear();
        assertThat(lastMonthRows(yearlyQueries.programCoveredInLastMonth(year).stream()
                        .map(c -> List.<Object>of(c.programCode(), c.townshipCode(), c.households(), c.people())).toList()))
                .as("the programs' households of their last month in %d after: %s", year, after)
                .isEqualTo(lastMonthRows(jdbc.sql(LAST_MONTH_PLAIN).params(year + "-01", year + "-12").query().listOfRows()
                        .stream().map(r -> List.copyOf(r.values())).toList()));
    }

    private List<String> rows(String sql) {
        return jdbc.sql(sql).query().listOfRows().stream().map(r -> text(List.copyOf(r.values()))).toList();
    }

    private static List<String> lastMonthRows(List<List<Object>> rows) {
        return rows.stream().map(PaymentHouseholdFiguresTest::text).sorted().toList();
    }

    /** A row as text, numbers compared by value (a count's type differs between the databases). */
    private static String text(List<Object> row) {
        return row.stream().map(v -> v instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(v)).toList()
                .toString();
    }

    private long start(YearMonth month) {
        Http.Response response = http.post(FINANCE, "/api/payrolls", Map.of("month", month.toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().at("/payroll/id").asLong();
    }
}

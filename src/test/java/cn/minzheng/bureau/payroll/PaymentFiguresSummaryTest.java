package cn.minzheng.bureau.payroll;

import static cn.minzheng.bureau.payroll.PayrollProcess.*;
import static cn.minzheng.bureau.payroll.PayrollTestSupport.APPROVER;
import static cn.minzheng.bureau.payroll.PayrollTestSupport.FINANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

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
import cn.minzheng.bureau.dibao.figures.YearlyFigures;
import cn.minzheng.bureau.dibao.figures.YearlyFiguresService;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.Http;

/**
 * The figures' summaries of the payments ({@code figures_payment}, {@code figures_dibao_case}, kept by the payments'
 * triggers, db/vendor/{h2,postgresql}/V391) equal the same figures grouped from the payments themselves after every
 * kind of change a payment goes through: computed, sent back and computed again (deleted and inserted), issued, returned
 * by the bank, re-issued by the next payroll (moved), a deduction, a case cancelled before the next month, a payment
 * deleted; and the yearly figures read from them equal the yearly figures' plain queries over the payments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentFiguresSummaryTest {

    /** The payments grouped as figures_payment holds them. */
    private static final String PAYMENTS_GROUPED = """
            select payroll_id, township_code, benefit_month, status,
                case when case_id is null then false else true end as with_case,
                count(*) as payments, sum(people_count) as people, sum(amount - deducted_amount) as amount
            from payment group by payroll_id, township_code, benefit_month, status, case when case_id is null then false else true end""";

    /** Each 低保 case's first payment, as figures_dibao_case holds it. */
    private static final String FIRST_PAYMENTS = """
            select p.case_id, p.benefit_month, p.township_code, p.people_count,
                case when c.import_batch_id is null then false else true end as imported
            from payment p join dibao_case c on c.id = p.case_id
            where p.benefit_month = (select min(q.benefit_month) from payment q where q.case_id = p.case_id)""";

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
    YearlyFiguresService yearlyFigures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    Http http;
    PayrollTestSupport support;

    @BeforeEach
    void init() {
        http = new Http(port);
        support = new PayrollTestSupport(walker, engine.getTaskService(), engine.getManagementService(), cases, jdbc);
    }

    @Test
    void theSummariesEqualThePaymentsAfterEveryChangeAPaymentGoesThrough() {
        DibaoCase threePeople = support.activeCase(3, "600");
        DibaoCase twoPeople = support.activeCase(2, "300");
        YearMonth month = FreshPeriods.month();
        assertThat(summaryRows()).as("the summary before this test's payments").isEqualTo(paymentRows());

        long payrollId = walker.as(FINANCE, () -> start(month));
        String instance = payrolls.get(payrollId).processInstanceId();
        support.awaitJobs(instance);
        assertThat(support.payment(twoPeople.id(), month).status()).isEqualTo("PENDING");
        assertSummariesEqualThePayments("computed");

        // finance sends the computation back: its payments are deleted and computed again
        support.complete(FINANCE, instance, TASK_CHECK_BY_FINANCE,
                Map.of(VAR_CHECK_DECISION, RECOMPUTE, VAR_CHECK_COMMENT, "重新核算"));
        support.awaitJobs(instance);
        assertSummariesEqualThePayments("computed again");

        support.complete(FINANCE, instance, TASK_CHECK_BY_FINANCE, Map.of(VAR_CHECK_DECISION, CONFIRM));
        support.complete(APPROVER, instance, TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, APPROVE));
        support.awaitJobs(instance);
        assertThat(support.payment(twoPeople.id(), month).status()).isEqualTo("ISSUED");
        assertSummariesEqualThePayments("issued");

        PayrollTestSupport.Payment failing = support.payment(twoPeople.id(), month);
        Http.Response returned = http.postText(FINANCE, "/api/payrolls/" + payrollId + "/bank-return", "text/csv",
                "付款流水号,银行账号,金额,失败原因\n" + failing.id() + "," + failing.bankAccount() + ",740.00,账户已销户");
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(support.payment(twoPeople.id(), month).status()).isEqualTo("FAILED");
        assertSummariesEqualThePayments("returned by the bank");

        // a deduction from a payment (recoveries deduct from later payments)
        jdbc.sql("update payment set deducted_amount = 60.50 where id = ?").param(support.payment(threePeople.id(), month).id())
                .update();
        assertSummariesEqualThePayments("a deduction");

        // the two-person case is cancelled; next month's payroll pays the other one and re-issues the failed payment
        cases.changeStatus(twoPeople.id(), CaseStatus.CANCELLED, APPROVER, "复核停保");
        long next = walker.as(FINANCE, () -> start(month.plusMonths(1)));
        support.awaitJobs(payrolls.get(next).processInstanceId());
        assertThat(support.payment(twoPeople.id(), month).payrollId()).isEqualTo(next);
        assertThat(support.payments(twoPeople.id())).isEqualTo(1);
        assertSummariesEqualThePayments("re-issued by the next payroll");

        // any writer, a payment deleted by hand included
        jdbc.sql("delete from payment where id = ?").param(support.payment(threePeople.id(), month.plusMonths(1)).id())
                .update();
        assertSummariesEqualThePayments("a payment deleted");
        jdbc.sql("delete from payment where id = ?").param(support.payment(threePeople.id(), month).id()).update();
        assertThat(jdbc.sql("select count(*) from figures_dibao_case where case_id = ?").param(threePeople.id())
                .query(Long.class).single()).as("a case without payments has no first payment").isZero();
        assertSummariesEqualThePayments("a case's only payments deleted");
    }

    @Test
    void aCasesFirstPaymentIsItsEarliestMonthInWhateverOrderItsMonthsArePaid() {
        DibaoCase paidLate = support.activeCase(2, "300");
        DibaoCase twoMonthsAtOnce = support.activeCase(3, "600");
        YearMonth month = FreshPeriods.month();
        try {
            insertPayments(paidLate.id(), Map.of(month.plusMonths(2), 2));
            assertSummariesEqualThePayments("a new case's first payment");
            // back pay of an earlier month: the first payment moves to it, with its township and people
            insertPayments(paidLate.id(), Map.of(month, 1));
            assertThat(firstMonth(paidLate.id())).isEqualTo(month.toString());
            assertSummariesEqualThePayments("a month before the first");
            insertPayments(paidLate.id(), Map.of(month.plusMonths(1), 3));
            assertThat(firstMonth(paidLate.id())).isEqualTo(month.toString());
            assertSummariesEqualThePayments("a month after the first");
            // a new case, taken over from a roster import, paid two months in one statement
            markImported(twoMonthsAtOnce.id());
            insertPayments(twoMonthsAtOnce.id(), Map.of(month.plusMonths(1), 3, month, 2));
            assertThat(firstMonth(twoMonthsAtOnce.id())).isEqualTo(month.toString());
            assertThat(jdbc.sql("select imported from figures_dibao_case where case_id = ?").param(twoMonthsAtOnce.id())
                    .query(Boolean.class).single()).isTrue();
            assertSummariesEqualThePayments("two months of an imported new case at once");
        } finally {
            jdbc.sql("delete from payment where case_id in (?, ?)").params(paidLate.id(), twoMonthsAtOnce.id()).update();
            jdbc.sql("update dibao_case set import_batch_id = null where id = ?").param(twoMonthsAtOnce.id()).update();
        }
    }

    /**
     * Two transactions paying the same new case for the first time: the second waits for the first's first-payment row
     * and, once the first commits, merges its earlier month into it instead of failing (PostgreSQL; H2's row triggers
     * write one row at a time).
     */
    @Test
    void twoTransactionsPayingTheSameNewCaseKeepItsEarliestMonth() throws Exception {
        assumeTrue(postgres(), "PostgreSQL's statement-level triggers");
        DibaoCase paidTwice = support.activeCase(2, "300");
        YearMonth month = FreshPeriods.month();
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            insertPayment(first, paidTwice.id(), month.plusMonths(1), 2);
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try {
                    insertPayment(second, paidTwice.id(), month, 1);
                    second.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.currentTimeMillis() + 30_000;
            while (!waitsForALock(second) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(waitsForALock(second)).as("the second transaction waits for the first's row").isTrue();
            first.commit();
            waiting.get(30, TimeUnit.SECONDS);
            assertThat(firstMonth(paidTwice.id())).isEqualTo(month.toString());
            assertSummariesEqualThePayments("the same new case paid by two transactions");
        } finally {
            jdbc.sql("delete from payment where case_id = ?").param(paidTwice.id()).update();
        }
    }

    /** The case as a roster import leaves it: taken over from a committed batch. */
    private void markImported(long caseId) {
        var batch = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into import_batch (kind, file_name, stored_file, status, uploaded_by, uploaded_at)
                values ('DIBAO', 'figures-test.xlsx', 'figures-test.xlsx', 'COMMITTED', 'clerk', current_timestamp)""")
                .update(batch, "id");
        jdbc.sql("update dibao_case set import_batch_id = ? where id = ?").params(batch.getKey().longValue(), caseId).update();
    }

    /** Payments of the case's enrolment for these months (month → people), in one statement, as any writer would. */
    private void insertPayments(long caseId, Map<YearMonth, Integer> peopleByMonth) {
        List<Object> params = new java.util.ArrayList<>();
        List<String> months = new java.util.ArrayList<>();
        peopleByMonth.forEach((m, people) -> {
            months.add("select cast(? as varchar(7)) as benefit_month, cast(? as integer) as people");
            params.add(m.toString());
            params.add(people);
        });
        params.add(caseId);
        jdbc.sql(PAYMENTS_OF_A_CASE.formatted(String.join(" union all ", months))).params(params).update();
    }

    private static void insertPayment(Connection connection, long caseId, YearMonth month, int people) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(PAYMENTS_OF_A_CASE.formatted(
                "select cast(? as varchar(7)) as benefit_month, cast(? as integer) as people"))) {
            insert.setString(1, month.toString());
            insert.setInt(2, people);
            insert.setLong(3, caseId);
            insert.executeUpdate();
        }
    }

    private static final String PAYMENTS_OF_A_CASE = """
            insert into payment (payroll_id, enrolment_id, case_id, benefit_month, household_id, township_code, payee_name,
                payee_id_number, bank_name, bank_account, people_count, amount, status, created_at)
            select 0, e.id, c.id, m.benefit_month, c.household_id, c.township_code, '测试户主', '110101199001011234',
                '中国农业银行', '6228480000000000000', m.people, 100.00, 'PENDING', current_timestamp
            from dibao_case c join enrolment e on e.program_code = 'DIBAO' and e.program_case_id = c.id
            cross join (%s) m
            where c.id = ?""";

    private boolean waitsForALock(Connection connection) {
        try {
            int backend = connection.unwrap(org.postgresql.PGConnection.class).getBackendPID();
            return jdbc.sql("select count(*) from pg_stat_activity where pid = ? and wait_event_type = 'Lock'")
                    .param(backend).query(Long.class).single() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean postgres() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
    }

    private String firstMonth(long caseId) {
        return jdbc.sql("select first_month from figures_dibao_case where case_id = ?").param(caseId).query(String.class).single();
    }

    private void assertSummariesEqualThePayments(String after) {
        assertThat(summaryRows()).as("figures_payment after: " + after).isEqualTo(paymentRows());
        assertThat(jdbc.sql("select case_id, first_month, township_code, people_count, imported from figures_dibao_case "
                        + "order by case_id").query().listOfRows().stream().map(PaymentFiguresSummaryTest::text).toList())
                .as("figures_dibao_case after: " + after)
                .isEqualTo(jdbc.sql(FIRST_PAYMENTS + " order by p.case_id").query().listOfRows().stream()
                        .map(PaymentFiguresSummaryTest::text).toList());
        for (int year : jdbc.sql("select distinct benefit_month from payment where benefit_month >= '9000'")
                .query(String.class).list().stream().map(m -> Integer.parseInt(m.substring(0, 4))).distinct().toList()) {
            assertYearlyFiguresEqualThePlainQueries(year, after);
        }
    }

    /** The 低保 figures of the year as the plain queries over the payments gave them before the summaries. */
    private void assertYearlyFiguresEqualThePlainQueries(int year, String after) {
        YearlyFigures figures = yearlyFigures.compute(year, "district");
        String first = year + "-01";
        String last = year + "-12";
        String coveredMonth = jdbc.sql("select max(benefit_month) from payment where case_id is not null and benefit_month between ? and ?")
                .params(first, last).query(String.class).optional().orElse(null);
        assertThat(figures.coveredMonth()).as(after).isEqualTo(coveredMonth);
        Map<String, Object> covered = jdbc.sql("""
                select count(*) as households, coalesce(sum(people_count), 0) as people from payment
                where case_id is not null and benefit_month = ?""").param(coveredMonth == null ? "" : coveredMonth).query().singleRow();
        Map<String, Object> added = jdbc.sql("""
                select count(*) as households, coalesce(sum(p.people_count), 0) as people
                from payment p join (select case_id, min(benefit_month) as first_month from payment
                    where case_id is not null group by case_id) f
                  on f.case_id = p.case_id and f.first_month = p.benefit_month
                where f.first_month between ? and ?
                  and p.case_id not in (select c.id from dibao_case c where c.import_batch_id is not null)""")
                .params(first, last).query().singleRow();
        BigDecimal paid = jdbc.sql("""
                select coalesce(sum(p.amount - p.deducted_amount), 0) from payment p join payroll r on r.id = p.payroll_id
                where p.status = 'ISSUED' and p.case_id is not null and r.payroll_month between ? and ?""")
                .params(first, last).query(BigDecimal.class).single();
        YearlyFigures.Row total = figures.total();
        assertThat(List.of(total.householdsCovered(), total.peopleCovered(), total.householdsAdded(), total.peopleAdded()))
                .as("covered and added in %d after: %s", year, after)
                .isEqualTo(List.of(number(covered, "households"), number(covered, "people"), number(added, "households"),
                        number(added, "people")));
        assertThat(total.paidInYear()).as("paid in %d after: %s", year, after).isEqualByComparingTo(paid);
    }

    private List<String> summaryRows() {
        return jdbc.sql("select payroll_id, township_code, benefit_month, status, with_case, payments, people, amount "
                        + "from figures_payment order by payroll_id, township_code, benefit_month, status, with_case")
                .query().listOfRows().stream().map(PaymentFiguresSummaryTest::text).toList();
    }

    private List<String> paymentRows() {
        return jdbc.sql("select * from (" + PAYMENTS_GROUPED + ") g order by payroll_id, township_code, benefit_month, "
                + "status, with_case").query().listOfRows().stream().map(PaymentFiguresSummaryTest::text).toList();
    }

    /** A row as text, numbers compared by value (a sum's scale and type differ between the databases). */
    private static String text(Map<String, Object> row) {
        return row.values().stream().map(v -> v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
                : v instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(v)).toList().toString();
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private long start(YearMonth month) {
        Http.Response response = http.post(FINANCE, "/api/payrolls", Map.of("month", month.toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().at("/payroll/id").asLong();
    }
}

package cn.minzheng.bureau.faults;

import static cn.minzheng.bureau.support.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.minzheng.bureau.BureauApplication;
import cn.minzheng.bureau.support.AppNode;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.Http;

/**
 * Faults of whole nodes, with the application in JVMs of its own on one PostgreSQL database:
 * a node killed (kill -9) in the middle of a payroll of 10,000+ cases, and two nodes running the same
 * payroll. Either way every case gets exactly one payment for the month.
 * Run: ./mvnw -Pfaults test -Dtest.db=postgres  (DB_URL, DB_USER, DB_PASSWORD as for the application)
 */
@Tag("fault")
class PayrollNodeFaultsTest {

    private static final int CASES = 10_000;
    /** Nodes take up a job whose node died once its lock expires: short here, 5 minutes by default. */
    // demo users to log in, no demo applications: a node stopped while seeding them would leave the next node to
    // approve the rest in the middle of a test, and the month's count of active cases would move
    private static final List<String> NODE_SETTINGS = List.of("--spring.profiles.active=postgres",
            "--bureau.demo-data.enabled=true", "--bureau.demo-data.applications=false", "--camunda.bpm.job-execution.lock-time-in-millis=5000",
            "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=1000");

    @BeforeAll
    static void seedActiveCases() throws Exception {
        try (AppNode first = AppNode.start("schema", BureauApplication.class.getName(), NODE_SETTINGS)) {
            first.awaitLogin("finance", 240); // schema, migrations and demo users in place
        }
        try (Connection db = NodeDatabase.connect(); Statement sql = db.createStatement()) {
            ResultSet seeded = sql.executeQuery("select count(*) from dibao_case where case_number like 'FAULT-%'");
            seeded.next();
            if (seeded.getLong(1) >= CASES) {
                return;
            }
            sql.execute("""
                    insert into household (township_code, community_code, address, bank_name, bank_account, created_at)
                    select 'yuecun', 'yuecun-yuecun', '故障测试' || g, '测试银行', lpad(g::text, 16, '6'), now()
                    from generate_series(1, %d) g""".formatted(CASES));
            sql.execute("""
                    insert into household_member (household_id, name, id_number, birth_date, sex, relation,
                        employment_status, disability_level)
                    select id, '测试户主', '41032219800101' || lpad((id % 10000)::text, 4, '0'), date '1980-01-01', 'MALE',
                        'HEAD', 'UNEMPLOYED', 'NONE'
                    from household where address like '故障测试%'""");
            sql.execute("""
                    insert into dibao_case (case_number, household_id, township_code, category, status, monthly_amount,
                        start_month, created_at, updated_at)
                    select 'FAULT-' || id, id, 'yuecun', 'ORDINARY', 'APPROVED', 320.00, '2026-01', now(), now()
                    from household where address like '故障测试%'""");
            // each case's enrolment, as DibaoCaseRepository mirrors it: what the payroll reads
            sql.execute("""
                    insert into enrolment (program_code, household_id, township_code, status, amount, start_month,
                        program_case_id, created_at, updated_at)
                    select 'DIBAO', household_id, township_code, 'ACTIVE', monthly_amount, start_month, id, now(), now()
                    from dibao_case where case_number like 'FAULT-%'""");
            sql.execute("analyze");
        }
    }

    @Test
    void aNodeKilledInTheMiddleOfAPayrollLeavesExactlyOnePaymentPerCase() throws Exception {
        String month = FreshPeriods.month().toString();
        long active = activeCases(month);
        assertThat(active).isGreaterThanOrEqualTo(CASES);
        try (Connection blocker = NodeDatabase.connect(); AppNode node = AppNode.start("doomed", BureauApplication.class.getName(),
                NODE_SETTINGS).awaitLogin("finance", 240)) {
            // hold the payment table: the node's computation starts, locks its payroll and waits in its insert
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table payment in share mode");
            Http.Response started = node.http().post("finance", "/api/payrolls", Map.of("month", month));
            assertThat(started.status()).as(started.body()).isIn(200, 201);
            long payrollId = started.json().get("payroll").get("id").asLong();
            waitFor(Duration.ofSeconds(60), () -> insertWaiting());
            node.kill();
            blocker.rollback();

            assertThat(payments(month)).as("nothing of the killed transaction").isZero();
            try (AppNode restarted = AppNode.start("restarted", BureauApplication.class.getName(), NODE_SETTINGS)
                    .awaitLogin("finance", 240)) {
                waitFor(Duration.ofSeconds(120), () -> status(payrollId).equals("CHECKING"));
                assertThat(payments(month)).isEqualTo(active);
                assertThat(duplicates(month)).isZero();
            }
        }
    }

    @Test
    void twoNodesRunningTheSamePayrollPayEachCaseOnce() throws Exception {
        String month = FreshPeriods.month().toString();
        long active = activeCases(month);
        try (AppNode a = AppNode.start("a", BureauApplication.class.getName(), NODE_SETTINGS);
             AppNode b = AppNode.start("b", BureauApplication.class.getName(), NODE_SETTINGS)) {
            a.awaitLogin("finance", 240);
            b.awaitLogin("finance", 240);
            Http.Response fromA = a.http().post("finance", "/api/payrolls", Map.of("month", month));
            Http.Response fromB = b.http().post("finance", "/api/payrolls", Map.of("month", month));
            assertThat(fromA.json().get("payroll").get("id").asLong()).isEqualTo(fromB.json().get("payroll").get("id").asLong());
            long payrollId = fromA.json().get("payroll").get("id").asLong();
            waitFor(Duration.ofSeconds(120), () -> status(payrollId).equals("CHECKING"));
            assertThat(payments(month)).isEqualTo(active);
            assertThat(duplicates(month)).isZero();
            assertThat(count("select count(*) from payroll where payroll_month = ?", month)).isEqualTo(1);
            // the payroll's next step exists once, and either node's finance user sees the same task
            String tasksQuery = "/engine-rest/task?processInstanceBusinessKey=payroll-" + month;
            assertThat(a.http().get("finance", tasksQuery).json()).hasSize(1);
            assertThat(b.http().get("finance", tasksQuery).json()).hasSize(1);
        }
    }

    private static long activeCases(String month) throws Exception {
        return count("select count(*) from dibao_case where status = 'APPROVED' and start_month <= ? and monthly_amount > 0", month);
    }

    private static long payments(String month) throws Exception {
        return count("select count(*) from payment where benefit_month = ?", month);
    }

    private static long duplicates(String month) throws Exception {
        return count("select count(*) from (select enrolment_id from payment where benefit_month = ? group by enrolment_id having count(*) > 1) d", month);
    }

    private static String status(long payrollId) {
        try (Connection db = NodeDatabase.connect(); var query = db.prepareStatement("select status from payroll where id = ?")) {
            query.setLong(1, payrollId);
            ResultSet rs = query.executeQuery();
            return rs.next() ? rs.getString(1) : "";
        } catch (Exception e) {
            return "";
        }
    }

    private static boolean insertWaiting() {
        try (Connection db = NodeDatabase.connect(); Statement sql = db.createStatement()) {
            ResultSet rs = sql.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                    + "and query ilike '%payment%' and pid <> pg_backend_pid()");
            rs.next();
            return rs.getLong(1) > 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static long count(String query, String parameter) throws Exception {
        try (Connection db = NodeDatabase.connect(); var statement = db.prepareStatement(query)) {
            statement.setString(1, parameter);
            ResultSet rs = statement.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }


}

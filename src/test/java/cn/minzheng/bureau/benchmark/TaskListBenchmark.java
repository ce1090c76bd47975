package cn.minzheng.bureau.benchmark;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.access.AccessSetup;
import cn.minzheng.bureau.support.Http;

/**
 * Benchmark 2: task-list latency at city scale — 100,000 cases and more than 10,000 open tasks over
 * 20 townships, authorizations on — through the engine REST API, for a township clerk (first page,
 * sorted by due date, filtered by the clerk's candidate group) and for the district approver.
 * Floors in the same run: the same REST query by an administrator (no authorization checks), and
 * the same rows read with plain SQL.
 * Run on PostgreSQL: ./mvnw -Pbenchmark test -Dtest=TaskListBenchmark -Dtest.db=postgres
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bureau.demo-data.applications=false")
class TaskListBenchmark {

    private static final int CASES = Integer.getInteger("benchmark.cases", 100_000);
    private static final int OPEN_TASKS = Integer.getInteger("benchmark.openTasks", 10_000);
    private static final int APPROVALS = Integer.getInteger("benchmark.approvals", 1_000);
    private static final int TOWNSHIPS = 20;
    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 300);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;
    @Autowired
    AccessSetup accessSetup;

    @Test
    void taskListLatencyAtCityScale() {
        assumeTrue(Benchmarks.database(dataSource).startsWith("PostgreSQL"), "a PostgreSQL benchmark");
        long seedStart = System.nanoTime();
        List<String> townships = seedTownships();
        seedCases(townships);
        seedOpenTasks(townships);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        Http http = new Http(port);
        String clerk = "bench.clerk.t07";
        String clerkQuery = "/engine-rest/task?candidateGroups=clerk-t07&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15";
        String approverQuery = "/engine-rest/task?candidateGroups=district-approver&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15";
        long[] clerkMs = measure(() -> http.get(clerk, clerkQuery));
        long[] approverMs = measure(() -> http.get("approver", approverQuery));
        long[] adminMs = measure(() -> http.get("admin", clerkQuery));
        long[] sqlMs = measure(() -> jdbc.sql("""
                select t.* from act_ru_task t join act_ru_identitylink i on i.task_id_ = t.id_
                where i.type_ = 'candidate' and i.group_id_ = 'clerk-t07' order by t.due_date_ asc limit 15""")
                .query().listOfRows());
        long openTasks = jdbc.sql("select count(*) from act_ru_task").query(Long.class).single();
        long cases = jdbc.sql("select count(*) from dibao_case").query(Long.class).single();
        Benchmarks.print("task list", List.of(
                String.format("data: %,d cases, %,d open tasks, %d townships; seeded in %.0f s", cases, openTasks,
                        TOWNSHIPS, seedSeconds),
                String.format("%d requests each, after 30 warm-up", REQUESTS),
                "clerk (REST, authorizations):    " + percentiles(clerkMs),
                "approver (REST, authorizations): " + percentiles(approverMs),
                "floor: admin (REST, no checks):  " + percentiles(adminMs),
                "floor: plain SQL, same rows:     " + percentiles(sqlMs)));
    }

    private List<String> seedTownships() {
        List<String> townships = new ArrayList<>(List.of("yuecun", "mengke", "renqiu", "zhongyuan"));
        for (int i = townships.size() + 1; i <= TOWNSHIPS; i++) {
            String code = String.format("t%02d", i);
            townships.add(code);
            if (jdbc.sql("select count(*) from region where code = ?").param(code).query(Long.class).single() == 0) {
                jdbc.sql("insert into region (code, name, kind, parent_code) values (?, ?, 'TOWNSHIP', 'district')")
                        .params(code, "测试乡" + i).update();
                jdbc.sql("insert into region (code, name, kind, parent_code) values (?, ?, 'VILLAGE', ?)")
                        .params(code + "-v", "测试村" + i, code).update();
            }
        }
        accessSetup.setUp();
        for (String township : townships) {
            String userId = "bench.clerk." + township;
            if (identityService.createUserQuery().userId(userId).count() == 0) {
                User user = identityService.newUser(userId);
                user.setFirstName("测试");
                user.setLastName("经办人");
                user.setPassword("demo");
                cn.minzheng.bureau.engine.DemoAccounts.saveIgnoringPasswordPolicy(identityService, user);
                identityService.createMembership(userId, "clerk-" + township);
            }
        }
        return townships;
    }

    /** Households, members and cases set-wise in SQL: the benchmark measures queries, not intake. */
    private void seedCases(List<String> townships) {
        long existing = jdbc.sql("select count(*) from dibao_case").query(Long.class).single();
        if (existing >= CASES) {
            return;
        }
        String codes = "array[" + String.join(",", townships.stream().map(t -> "'" + t + "'").toList()) + "]";
        jdbc.sql("""
                insert into household (township_code, community_code, address, bank_name, bank_account, created_at)
                select (%1$s)[1 + g %% %2$d], (%1$s)[1 + g %% %2$d] || case when g %% %2$d < 4 then '' else '-v' end,
                       '测试地址' || g, '测试银行', lpad(g::text, 16, '6'), now()
                from generate_series(1, %3$d) g""".formatted(codes, townships.size(), CASES)).update();
        jdbc.sql("""
                update household set community_code = (select min(code) from region r where r.parent_code = household.township_code)
                where address like '测试地址%%'""").update();
        jdbc.sql("""
                insert into dibao_case (case_number, household_id, township_code, category, status, monthly_amount,
                    start_month, created_at, updated_at)
                select 'BENCH-' || h.id, h.id, h.township_code, 'ORDINARY', 'APPROVED', 300.00, '2026-01', now(), now()
                from household h where h.address like '测试地址%%'""").update();
        jdbc.sql("analyze").update();
    }

    /** Open tasks: instances started right at acceptance (and some at district approval). */
    private void seedOpenTasks(List<String> townships) {
        long open = jdbc.sql("select count(*) from act_ru_task").query(Long.class).single();
        List<Long> caseIds = jdbc.sql("select id from dibao_case where case_number like 'BENCH-%' order by id limit ?")
                .param(OPEN_TASKS + APPROVALS).query(Long.class).list();
        for (int i = (int) open; i < caseIds.size(); i++) {
            String township = townships.get(i % townships.size());
            String activity = i < OPEN_TASKS ? TASK_ACCEPT : TASK_APPROVE_BY_DISTRICT;
            runtimeService.createProcessInstanceByKey(KEY)
                    .businessKey("BENCH-" + caseIds.get(i))
                    .setVariables(Map.of(VAR_CASE_ID, caseIds.get(i), VAR_TOWNSHIP_CODE, township,
                            "caseNumber", "BENCH-" + caseIds.get(i), "applicantName", "测试户主",
                            "townshipName", "测试乡", "registeredBy", "bench", "reviewedBy", "bench"))
                    .startBeforeActivity(activity)
                    .execute(true, true);
        }
        jdbc.sql("analyze").update();
    }

    private static long[] measure(Supplier<?> request) {
        for (int i = 0; i < 30; i++) {
            request.get();
        }
        long[] micros = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            Object result = request.get();
            micros[i] = (System.nanoTime() - start) / 1000;
            if (result instanceof Http.Response response && response.status() != 200) {
                throw new IllegalStateException("request failed: " + response.status() + " " + response.body());
            }
        }
        return micros;
    }

    private static String percentiles(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.1f ms, p95 %.1f ms, max %.1f ms", sorted[sorted.length / 2] / 1000.0,
                sorted[(int) (sorted.length * 0.95)] / 1000.0, sorted[sorted.length - 1] / 1000.0);
    }
}

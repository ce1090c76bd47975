package cn.minzheng.bureau.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo as it is shown: the demo year switched on together with the usual demo data (the start that once failed
 * on PostgreSQL with 已超过申诉期限, as the usual appeal was lodged on a case decided months before), at a small
 * scale, in a database of its own. The application starts — every demo seeder runs at start, and a refusal in any
 * of them fails it — the year is there, and the usual demo task lists are filled on top of it.
 * Tagged {@code own-database} like {@link DemoYearTest}: its database is H2 whatever {@code test.db} says.
 */
@Tag("own-database")
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:bureau-demo-year-and-data;DB_CLOSE_DELAY=-1",
        "bureau.demo-data.enabled=true",
        "bureau.security.allow-demo-credentials=true",
        "bureau.demo-data.applications=true",
        "bureau.demo-data.year=true",
        "bureau.demo-data.year-scale=0.02"})
class DemoYearWithDemoDataTest {

    /** Users whose task list the usual demo data fills, and what with (DemoDataSeeder, DemoRedress). */
    private static final Map<String, String> DEMO_TASK_LISTS = new LinkedHashMap<>();

    static {
        DEMO_TASK_LISTS.put("clerk.yuecun", "低保 applications at the township's stages");
        DEMO_TASK_LISTS.put("reviewer.yuecun", "the township's review");
        DEMO_TASK_LISTS.put("approver", "the district's approval, the disaster in verification");
        DEMO_TASK_LISTS.put("reviewer.zhongyuan", "the anonymous report to assign");
        DEMO_TASK_LISTS.put("clerk2.renqiu", "the appeal to re-investigate");
        DEMO_TASK_LISTS.put("statistician", "last month's statistical return to check");
        DEMO_TASK_LISTS.put("youfu", "the 残疾军人 to approve");
    }

    @Autowired
    DemoYear demoYear;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theYearAndTheUsualDemoDataStartTogether() {
        assertThat(demoYear.present()).as("the year was built").isTrue();
        // the year's twelve reconciled 低保 payrolls, and the usual appeal lodged on a case still within its period
        assertThat(jdbc.sql("select count(*) from payroll where program_code = 'DIBAO' and status = 'RECONCILED'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(12);
        assertThat(jdbc.sql("select count(*) from dibao_report").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from dibao_appeal").query(Long.class).single()).isPositive();

        Map<String, Long> counts = new LinkedHashMap<>();
        DEMO_TASK_LISTS.keySet().forEach(user -> counts.put(user,
                tasks.createTaskQuery().or().taskAssignee(user).taskCandidateUser(user).endOr().count()));
        assertThat(counts).as("tasks per user: %s", DEMO_TASK_LISTS).allSatisfy((user, count) ->
                assertThat(count).as(user + " (" + DEMO_TASK_LISTS.get(user) + ")").isPositive());
    }
}

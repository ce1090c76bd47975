package cn.minzheng.bureau.operations;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.application.DibaoApplicationForm;
import cn.minzheng.bureau.support.TestApplications;

/**
 * Engine continuity, first half (docs/engine-continuity.md): on the Camunda build, 低保 applications are
 * left running at three places of the process, a user task, the public notice's timer and the district's
 * approval, in a database of their own. The JVM then stops; {@link EngineSwitchFinishesCasesTest} starts
 * the Operaton build on the same database and completes them. Tagged {@code continuity}: .ci/run runs the
 * pair with {@code -Pcontinuity} on the {@code continuity} database.
 */
@Tag("continuity")
@SpringBootTest(properties = "bureau.demo-data.applications=false")
class EngineSwitchLeavesCasesTest {

    static final String CLERK = "clerk.renqiu";
    static final String REVIEWER = "reviewer.renqiu";
    static final String APPROVER = "approver";
    /** Where the three applications wait when the engine changes. */
    static final Map<String, Long> LEFT_WAITING = Map.of(TASK_ACCEPT, 1L, TASK_PUBLIC_NOTICE, 1L, TASK_APPROVE_BY_DISTRICT, 1L);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    DibaoWalker walker;

    @Test
    void theCamundaBuildLeavesApplicationsRunning() {
        assertThat(engine.getClass().getName()).startsWith("org.camunda.");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count())
                .as("a fresh database: the continuity pair runs on one of its own").isZero();

        walker.submit(CLERK, application());

        DibaoCase inNotice = walker.submit(CLERK, application());
        walker.accept(CLERK, inNotice);
        walker.survey(CLERK, inNotice, Map.of());
        walker.reviewByTownship(REVIEWER, inNotice, APPROVE, "同意");

        DibaoCase atDistrict = walker.submit(CLERK, application());
        walker.accept(CLERK, atDistrict);
        walker.survey(CLERK, atDistrict, Map.of());
        walker.reviewByTownship(REVIEWER, atDistrict, APPROVE, "同意");
        walker.endNotice(atDistrict);

        LEFT_WAITING.forEach((activity, count) -> assertThat(runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(KEY).activityIdIn(activity).count()).as(activity).isEqualTo(count));
    }

    static DibaoApplicationForm application() {
        return TestApplications.household("renqiu", "renqiu-qinghuayuan", "ORDINARY", 2, "300");
    }
}

package cn.minzheng.bureau.operations;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;
import static cn.minzheng.bureau.operations.EngineSwitchLeavesCasesTest.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;

/**
 * Engine continuity, second half: the Operaton build, started on the database that the Camunda build
 * left behind ({@link EngineSwitchLeavesCasesTest}), finds the three running 低保 applications where they
 * waited and takes each through the rest of the process (the notice's timer included) to an active case.
 */
@Tag("continuity")
@SpringBootTest(properties = "bureau.demo-data.applications=false")
class EngineSwitchFinishesCasesTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    DibaoWalker walker;

    @Test
    void theOperatonBuildCompletesWhatTheCamundaBuildLeft() throws InterruptedException {
        assertThat(engine.getClass().getName()).startsWith("org.operaton.");
        LEFT_WAITING.forEach((activity, count) -> assertThat(runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(KEY).activityIdIn(activity).count()).as(activity).isEqualTo(count));
        List<ProcessInstance> left = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).list();
        assertThat(left).hasSize(3);

        for (ProcessInstance instance : left) {
            DibaoCase dibaoCase = caseOf(instance);
            if (waitsAt(instance, TASK_ACCEPT)) {
                walker.accept(CLERK, dibaoCase);
                walker.survey(CLERK, dibaoCase, Map.of());
                walker.reviewByTownship(REVIEWER, dibaoCase, APPROVE, "同意");
            }
            if (waitsAt(instance, TASK_PUBLIC_NOTICE)) {
                walker.endNotice(dibaoCase);
            }
            walker.approveByDistrict(APPROVER, dibaoCase, APPROVE, "同意");
        }

        for (ProcessInstance instance : left) {
            awaitEnd(instance.getId(), Duration.ofSeconds(60));
            HistoricProcessInstance history = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(instance.getId()).singleResult();
            assertThat(history.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
            assertThat(caseOf(instance).status()).isEqualTo(CaseStatus.APPROVED);
        }
    }

    private DibaoCase caseOf(ProcessInstance instance) {
        long caseId = ((Number) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(VAR_CASE_ID).singleResult().getValue()).longValue();
        return cases.find(caseId).orElseThrow();
    }

    private boolean waitsAt(ProcessInstance instance, String activity) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).activityIdIn(activity).count() == 1;
    }

    private void awaitEnd(String processInstanceId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }
}

package cn.minzheng.bureau.dibao.deadline;

import static cn.minzheng.bureau.dibao.TaskForms.assertChineseOnly;
import static cn.minzheng.bureau.dibao.TaskForms.whole;
import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/**
 * 低保案件超期督办 in a real Tasklist: a statutory limit of a 岳村乡 application runs out, and the level above
 * writes its supervision in the 督办 form — the 低保科负责人 for a late district decision, the district approver
 * for a written refusal not delivered in time. The late work itself stays open.
 */
@BrowserTest
class DibaoSupervisionBrowserTest {

    private static final String CLERK = "clerk.yuecun";
    private static final String REVIEWER = "reviewer.yuecun";

    @Autowired
    DibaoWalker walker;
    @Autowired
    TimeLimitRepository timeLimits;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    @ParameterizedTest
    @CsvSource({"DECISION, dibaohead, Task_ApproveByDistrict", "REFUSAL_NOTICE, approver, Task_IssueRefusalNotice"})
    void theLevelAboveSupervisesALimitThatRanOut(LimitKind kind, String supervisor, String lateTask, Tasklist tasklist) {
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.yuecunHousehold(2, "300"));
        walker.accept(CLERK, dibaoCase);
        walker.survey(CLERK, dibaoCase, Map.of());
        if (kind == LimitKind.DECISION) {
            walker.reviewByTownship(REVIEWER, dibaoCase, APPROVE, "同意");
            walker.endNotice(dibaoCase);
        } else {
            walker.reviewByTownship(REVIEWER, dibaoCase, REJECT, "家庭有经营性车辆两辆");
        }
        // the limit runs out: the test fires its timer rather than wait the working days
        managementService.executeJob(managementService.createJobQuery().processInstanceId(dibaoCase.processInstanceId())
                .activityId(kind.timerId()).singleResult().getId());
        ProcessInstance supervision = runtimeService.createProcessInstanceQuery().processDefinitionKey(SupervisionProcess.KEY)
                .processInstanceBusinessKey(dibaoCase.caseNumber()).singleResult();

        tasklist.loginAs(supervisor);
        CamundaForm form = tasklist.openTask(task(supervision.getId()).getId());
        tasklist.waiting().until(d -> form.values().contains(dibaoCase.caseNumber()));
        assertThat(form.values()).contains("岳村乡", kind.label() + "，" + kind.workingDays() + "个工作日");
        form.type("督办意见", "请承办人于两个工作日内办结，并报告超期原因");
        whole(tasklist, "dibao-supervision-form-" + supervisor);
        assertChineseOnly(form);
        form.submit();
        tasklist.waiting().until(d -> runtimeService.createProcessInstanceQuery().processInstanceId(supervision.getId()).count() == 0);

        TimeLimit limit = timeLimits.forCase(dibaoCase.id()).stream().filter(l -> l.kind() == kind).findFirst().orElseThrow();
        assertThat(limit.supervisedBy()).isEqualTo(supervisor);
        assertThat(limit.supervisionComment()).isEqualTo("请承办人于两个工作日内办结，并报告超期原因");
        // the late work is still there to be done
        assertThat(taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId()).taskDefinitionKey(lateTask)
                .count()).isOne();
    }

    private Task task(String instance) {
        return taskService.createTaskQuery().processInstanceId(instance).singleResult();
    }
}

package cn.minzheng.bureau.statistics;

import static cn.minzheng.bureau.statistics.MonthlyReturnProcess.*;
import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.statistics.ReturnRepository.StatisticalReturn;
import cn.minzheng.bureau.support.ProcessTest;
import cn.minzheng.bureau.support.UserTasks;

/**
 * Every path of statistics-monthly-return.bpmn: prepared, checked and approved (submitted, frozen, numbered);
 * recomputed at the check and returned by the head, each a new version; a correction of a submitted month as a new
 * submission that keeps the old; and bad input refused with nothing written.
 */
@ProcessTest
class MonthlyReturnProcessTest {

    @Autowired
    UserTasks userTasks;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    ReturnRepository returns;
    @Autowired
    ReturnService service;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    /** A month of the last century that no return exists for yet (this class's other tests draw from the same years). */
    private YearMonth month() {
        while (true) {
            YearMonth month = YearMonth.of(ThreadLocalRandom.current().nextInt(1900, 1999), ThreadLocalRandom.current().nextInt(1, 13));
            if (jdbc.sql("select count(*) from statistical_return where return_month = ?").param(month.toString())
                    .query(Long.class).single() == 0) {
                return month;
            }
        }
    }

    @Test
    void preparedCheckedApprovedAndSubmittedFrozenAndNumbered() {
        YearMonth month = month();
        ProcessInstance instance = start(month, null);
        assertThat(instance).isWaitingAt(TASK_CHECK).task().hasCandidateGroup("statistician");
        StatisticalReturn first = only(month);
        assertThat(first.versionNo()).isEqualTo(1);
        assertThat(first.status()).isEqualTo(ReturnStatus.PREPARED);
        assertThat(first.preparedBy()).isEqualTo("statistician");
        assertThat(first.checksum()).isEqualTo(ReturnService.checksum(first.figures()));
        Task check = task(instance, TASK_CHECK);
        assertThat((String) engine.getTaskService().getVariable(check.getId(), "figuresSummary"))
                .contains("最低生活保障：月末0户0人", "临时救助：本月救助0户0人");
        assertThat((String) engine.getTaskService().getVariable(check.getId(), "findingsText")).isEqualTo("自动核对未发现问题。");
        assertThat((String) engine.getTaskService().getVariable(check.getId(), "monthLabel"))
                .isEqualTo(month.getYear() + "年" + month.getMonthValue() + "月（第1版）");

        assertThatThrownBy(() -> userTasks.complete("statistician", instance, TASK_CHECK, Map.of()))
                .satisfies(violation("请选择核对结果"));
        userTasks.complete("statistician", instance, TASK_CHECK, Map.of("checkDecision", CONFIRM, "checkNote", ""));
        assertThat(instance).isWaitingAt(TASK_APPROVE).task().hasCandidateGroup("dibao-head");
        assertThat(returns.find(first.id()).orElseThrow().status()).isEqualTo(ReturnStatus.CHECKED);

        userTasks.complete("dibaohead", instance, TASK_APPROVE, Map.of("approvalDecision", APPROVE));
        assertThat(instance).isEnded().hasPassed(TASK_SUBMIT, "EndEvent_ReturnSubmitted");
        StatisticalReturn submitted = returns.find(first.id()).orElseThrow();
        assertThat(submitted.status()).isEqualTo(ReturnStatus.SUBMITTED);
        assertThat(submitted.submissionNo()).isEqualTo(1);
        assertThat(submitted.returnNumber()).isEqualTo("MZYB" + month.toString().replace("-", "") + "-1");
        assertThat(submitted.checkedBy()).isEqualTo("statistician");
        assertThat(submitted.decidedBy()).isEqualTo("dibaohead");
        assertThat(submitted.submittedAt()).isNotNull();
        assertThat(submitted.figures()).isEqualTo(first.figures());
        assertThat(service.workbook(submitted)).isNotEmpty();

        // the month again without a reason: refused, nothing written
        assertThatThrownBy(() -> start(month, null)).satisfies(violation("的月报已报出（编号" + submitted.returnNumber()
                + "），如需更正请填写更正原因"));
        assertThat(returns.ofMonth(month.toString())).hasSize(1);

        // a correction: a new version, the second submission, the first kept as it was
        ProcessInstance correction = start(month, "岳村乡补录一户3月发放记录");
        StatisticalReturn second = returns.ofMonth(month.toString()).get(1);
        assertThat(second.versionNo()).isEqualTo(2);
        assertThat(second.correctionReason()).isEqualTo("岳村乡补录一户3月发放记录");
        userTasks.complete("statistician", correction, TASK_CHECK, Map.of("checkDecision", CONFIRM));
        userTasks.complete("dibaohead", correction, TASK_APPROVE, Map.of("approvalDecision", APPROVE));
        assertThat(correction).isEnded();
        StatisticalReturn corrected = returns.find(second.id()).orElseThrow();
        assertThat(corrected.submissionNo()).isEqualTo(2);
        assertThat(corrected.returnNumber()).endsWith("-2");
        assertThat(returns.find(first.id()).orElseThrow()).isEqualTo(submitted);
    }

    @Test
    void recomputedAtTheCheckAndReturnedByTheHeadEachANewVersion() {
        YearMonth month = month();
        ProcessInstance instance = start(month, null);
        userTasks.complete("statistician", instance, TASK_CHECK, Map.of("checkDecision", RECOMPUTE, "checkNote", "岳村乡补录发放"));
        assertThat(instance).isWaitingAt(TASK_CHECK);
        List<StatisticalReturn> versions = returns.ofMonth(month.toString());
        assertThat(versions).extracting(StatisticalReturn::status).containsExactly(ReturnStatus.SUPERSEDED, ReturnStatus.PREPARED);
        assertThat(versions.get(1).versionNo()).isEqualTo(2);

        userTasks.complete("statistician", instance, TASK_CHECK, Map.of("checkDecision", CONFIRM));
        assertThatThrownBy(() -> userTasks.complete("dibaohead", instance, TASK_APPROVE, Map.of("approvalDecision", RETURN, "returnReason", " ")))
                .satisfies(violation("退回原因不能为空"));
        assertThat(instance).isWaitingAt(TASK_APPROVE);
        assertThat(returns.ofMonth(month.toString()).get(1).status()).isEqualTo(ReturnStatus.CHECKED);
        userTasks.complete("dibaohead", instance, TASK_APPROVE, Map.of("approvalDecision", RETURN, "returnReason", "特困供养人数与台账不符，请核实"));
        assertThat(instance).isWaitingAt(TASK_CHECK).hasPassed("Gateway_ApprovalResult", "Gateway_CheckResult");
        versions = returns.ofMonth(month.toString());
        assertThat(versions).extracting(StatisticalReturn::status)
                .containsExactly(ReturnStatus.SUPERSEDED, ReturnStatus.RETURNED, ReturnStatus.PREPARED);
        assertThat(versions.get(1).returnReason()).isEqualTo("特困供养人数与台账不符，请核实");
        assertThat(engine.getTaskService().getVariable(task(instance, TASK_CHECK).getId(), "monthLabel"))
                .isEqualTo(month.getYear() + "年" + month.getMonthValue() + "月（第3版）");

        // while a version is in hand, the month is not started a second time
        assertThatThrownBy(() -> start(month, null)).satisfies(violation("正在办理中"));

        userTasks.complete("statistician", instance, TASK_CHECK, Map.of("checkDecision", CONFIRM));
        userTasks.complete("dibaohead", instance, TASK_APPROVE, Map.of("approvalDecision", APPROVE));
        assertThat(instance).isEnded();
        assertThat(returns.ofMonth(month.toString()).get(2).submissionNo()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedInChineseWithNothingWritten() {
        long before = count();
        YearMonth next = YearMonth.now().plusMonths(1);
        assertThatThrownBy(() -> start(next, null))
                .satisfies(violation("统计月份" + next.getYear() + "年" + next.getMonthValue() + "月尚未到来，不能编制月报"));
        assertThatThrownBy(() -> startWith(Map.of("returnMonth", "2026年11月"))).satisfies(violation("请按“2026-11”的格式填写"));
        assertThatThrownBy(() -> startWith(Map.of())).satisfies(violation("统计月份不能为空"));
        assertThat(count()).isEqualTo(before);

        // a finding must be explained at the check
        YearMonth month = month();
        ProcessInstance instance = start(month, null);
        StatisticalReturn r = only(month);
        jdbc.sql("update statistical_return set findings = ? where id = ?")
                .params("[{\"error\":true,\"text\":\"最低生活保障：全区合计户数1，不等于各乡镇之和0\"}]", r.id()).update();
        assertThatThrownBy(() -> userTasks.complete("statistician", instance, TASK_CHECK, Map.of("checkDecision", CONFIRM)))
                .satisfies(violation("自动核对发现1项问题，请填写核对说明"));
        userTasks.complete("statistician", instance, TASK_CHECK, Map.of("checkDecision", CONFIRM, "checkNote", "一户跨乡镇迁移，已核实"));
        assertThat(returns.find(r.id()).orElseThrow().checkNote()).isEqualTo("一户跨乡镇迁移，已核实");
        assertThatThrownBy(() -> userTasks.complete("dibaohead", instance, TASK_APPROVE, Map.of()))
                .satisfies(violation("请选择审批结果"));

        // the database keeps a month from a second first submission, and a later one without its reason
        assertThatThrownBy(() -> jdbc.sql("update statistical_return set status = 'SUBMITTED', submission_no = 2 where id = ?")
                .param(r.id()).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    private long count() {
        return jdbc.sql("select count(*) from statistical_return").query(Long.class).single();
    }

    private StatisticalReturn only(YearMonth month) {
        List<StatisticalReturn> versions = returns.ofMonth(month.toString());
        assertThat(versions).hasSize(1);
        return versions.get(0);
    }

    private ProcessInstance start(YearMonth month, String correctionReason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("returnMonth", month.toString());
        variables.put("correctionReason", correctionReason);
        return startWith(variables);
    }

    private ProcessInstance startWith(Map<String, Object> variables) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        return walker.as("statistician", () -> engine.getFormService().submitStartForm(definition, variables));
    }

    private Task task(ProcessInstance instance, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult();
    }
}

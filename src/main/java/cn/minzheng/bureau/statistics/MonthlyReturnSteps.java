package cn.minzheng.bureau.statistics;

import static cn.minzheng.bureau.statistics.MonthlyReturnProcess.*;

import java.time.YearMonth;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.statistics.ReturnRepository.StatisticalReturn;

/** What statistics-monthly-return.bpmn calls: ${monthlyReturnSteps.…}, service steps and task listeners. */
@Component
public class MonthlyReturnSteps {

    private final ReturnService service;

    public MonthlyReturnSteps(ReturnService service) {
        this.service = service;
    }

    /** 编制月报: a new version from the data, with its automatic checks. */
    public void prepare(DelegateExecution execution) {
        YearMonth month = service.month(RETURN_MONTH.get(execution));
        StatisticalReturn r = service.prepare(month, CORRECTION_REASON.get(execution), execution.getProcessInstanceId(),
                Actor.currentOrNull(execution));
        RETURN_MONTH.set(execution, month.toString());
        RETURN_ID.set(execution, r.id());
        VERSION_NO.set(execution, r.versionNo());
        MONTH_LABEL.set(execution, ReturnService.label(month) + "（第" + r.versionNo() + "版）");
        FIGURES_SUMMARY.set(execution, service.summary(r));
        FINDINGS_TEXT.set(execution, service.findingsText(r));
    }

    /** 核对月报. */
    public void check(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(CHECK_DECISION.name(), "核对结果", List.of(CONFIRM, RECOMPUTE));
        service.check(RETURN_ID.require(task), CONFIRM.equals(decision), CHECK_NOTE.get(task), Actor.of(task));
    }

    /** 审批月报: approve, or return with a reason. */
    public void approve(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(APPROVAL_DECISION.name(), "审批结果", List.of(APPROVE, RETURN));
        service.decide(RETURN_ID.require(task), APPROVE.equals(decision), RETURN_REASON.get(task), Actor.of(task));
    }

    /** 报出: the approved version frozen and numbered. */
    public void submit(DelegateExecution execution) {
        StatisticalReturn r = service.submit(RETURN_ID.require(execution), APPROVED_BY.get(execution));
        RETURN_NUMBER.set(execution, r.returnNumber());
    }
}

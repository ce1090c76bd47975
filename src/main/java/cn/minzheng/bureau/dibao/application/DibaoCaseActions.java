package cn.minzheng.bureau.dibao.application;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.ProcessVariables;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.DibaoSettings;

/** Status changes of a case at the steps of dibao-application.bpmn, called as ${dibaoCaseActions.…}. */
@Component("dibaoCaseActions")
public class DibaoCaseActions {

    private final DibaoCaseRepository cases;
    private final DibaoSettings settings;

    public DibaoCaseActions(DibaoCaseRepository cases, DibaoSettings settings) {
        this.cases = cases;
        this.settings = settings;
    }

    public void changeStatus(DelegateExecution execution, String status, String reason) {
        cases.changeStatus(caseId(execution), CaseStatus.valueOf(status), Actor.currentOrNull(execution), reason);
    }

    public void startNotice(DelegateExecution execution) throws Exception {
        Date endsAt = new DurationHelper(settings.getNoticePeriod()).getDateAfter();
        LocalDate end = endsAt.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        execution.setVariable("noticeEndsAt", endsAt);
        execution.setVariable("noticeEndDate", end.toString());
        cases.changeStatus(caseId(execution), CaseStatus.IN_NOTICE, Actor.currentOrNull(execution), "公示至" + end);
    }

    public void close(DelegateExecution execution, String status) {
        Object reason = execution.getVariable(VAR_REJECTION_REASON);
        cases.changeStatus(caseId(execution), CaseStatus.valueOf(status), Actor.currentOrNull(execution),
                reason == null ? null : reason.toString());
    }

    /** 批准: the case pays from the month after approval. */
    public void activate(DelegateExecution execution) {
        String startMonth = YearMonth.now().plusMonths(1).toString();
        cases.activate(caseId(execution), startMonth, (String) execution.getVariable("approvedBy"));
    }

    /** Clears a task's decision fields (process variables) when it is created, so an old answer from a loop is never reused. */
    public void clearInputs(DelegateTask task, String variables) {
        VariableScope scope = ProcessVariables.processScope(task);
        Arrays.stream(variables.split(",")).map(String::trim).forEach(scope::removeVariable);
    }

    private static long caseId(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_CASE_ID)).longValue();
    }
}

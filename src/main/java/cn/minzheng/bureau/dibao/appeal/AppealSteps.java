package cn.minzheng.bureau.dibao.appeal;

import static cn.minzheng.bureau.dibao.appeal.AppealProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.dibao.BenefitCalculation;
import cn.minzheng.bureau.dibao.CaseVariables;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.HouseholdSurveys;
import cn.minzheng.bureau.region.AreaType;

/** What dibao-appeal.bpmn calls, as ${appealSteps.…}; the rules are {@link AppealService}'s. */
@Component
public class AppealSteps {

    private final AppealService appeals;
    private final CaseVariables caseVariables;
    private final HouseholdSurveys surveys;

    public AppealSteps(AppealService appeals, CaseVariables caseVariables, HouseholdSurveys surveys) {
        this.appeals = appeals;
        this.caseVariables = caseVariables;
        this.surveys = surveys;
    }

    /** 建立申诉: the case and the contested decision for the forms. */
    public void open(DelegateExecution execution) {
        Appeal appeal = appeals.appeal(APPEAL_ID.require(execution));
        DibaoCase dibaoCase = appeals.caseOf(appeal);
        caseVariables.publish(execution, dibaoCase);
        CONTESTED_LABEL.set(execution, Appeal.contestedLabel(appeal.contested()));
        CONTESTED_REASON.set(execution, AppealService.contestedReason(appeal, dibaoCase));
        CURRENT_AMOUNT.set(execution, Money.format(dibaoCase.monthlyAmount()));
        NOTICE_DATE.set(execution, appeal.noticeDate().toString());
        APPEAL_GROUNDS.set(execution, appeal.grounds());
        HANDLED_BY.set(execution, appeal.handledBy());
    }

    /** 重新调查, on assignment and complete: nobody who handled the case re-investigates it. */
    public void requireNewClerk(DelegateTask task) {
        String actor = TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee() : Actor.of(task);
        appeals.requireNewClerk(actor, HANDLED_BY.get(task), CaseVariables.RELATED_STAFF_USER.get(task));
    }

    /** 重新调查 completed: the survey's five checks, then the findings. */
    public void reinvestigate(DelegateTask task) {
        surveys.record(task);
        String findings = new TaskInput(task).text(VAR_FINDINGS, "重新调查结论", 1000);
        appeals.recordFindings(APPEAL_ID.require(task), findings, Actor.of(task));
        REINVESTIGATED_BY.set(task, Actor.of(task));
    }

    /** 重新核算: the benefit with what the re-investigation found, as the application calculates it. */
    public void recalculate(DelegateExecution execution) {
        BenefitCalculation benefit = appeals.recalculate(APPEAL_ID.require(execution), area(execution));
        PROPOSED_AMOUNT.set(execution, Money.format(benefit.monthlyAmount()));
        PROPOSED_SUMMARY.set(execution, AppealService.proposedSummary(benefit));
    }

    /** 区民政局复核决定 completed: upheld, changed (with the corrected amount) or reversed; with a reason. */
    public void decide(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String outcome = input.choice(VAR_OUTCOME, "复核决定", List.of(UPHELD, CHANGED, REVERSED));
        String reason = input.text(VAR_OUTCOME_REASON, "复核决定的书面理由", 1000);
        appeals.decide(APPEAL_ID.require(task), outcome, reason,
                () -> input.amount(VAR_CORRECTED_AMOUNT, "变更后的月补助金额"), Actor.of(task));
        DECIDED_BY.set(task, Actor.of(task));
    }

    /** 纠正原决定: the case reopened, reinstated or corrected; past months owed become back pay. */
    public void correct(DelegateExecution execution) {
        List<String> owed = appeals.correct(APPEAL_ID.require(execution), area(execution), DECIDED_BY.get(execution));
        BACK_PAY_MONTHS.set(execution, String.join(",", owed));
    }

    /** 维持原决定. */
    public void closeUpheld(DelegateExecution execution) {
        appeals.closeUpheld(APPEAL_ID.require(execution));
    }

    private static AreaType area(DelegateExecution execution) {
        return AreaType.valueOf(CaseVariables.AREA_TYPE.require(execution));
    }
}

package cn.minzheng.bureau.resettlement;

import static cn.minzheng.bureau.resettlement.ResettlementProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;

/** What veteran-resettlement.bpmn calls: ${resettlementSteps.…}, service steps and task listeners. */
@Component
public class ResettlementSteps {

    private final ResettlementService service;

    public ResettlementSteps(ResettlementService service) {
        this.service = service;
    }

    /** 报到登记，按服役情况确定安置方式: validated as /api is; a refusal leaves nothing (the start rolls back). */
    public void register(DelegateExecution execution) {
        String actor = Actor.currentOrNull(execution);
        ResettlementService.Registered registered = service.register(ID_NUMBER.get(execution), form(execution),
                execution.getProcessInstanceId(), actor);
        Resettlement r = registered.resettlement();
        RESETTLEMENT_ID.set(execution, r.id());
        TOWNSHIP_CODE.set(execution, r.townshipCode());
        REGISTERED_BY.set(execution, actor);
        ROUTE.set(execution, r.route().name());
        CASE_NUMBER.set(execution, r.caseNumber());
        APPLICANT_NAME.set(execution, r.personName());
        TOWNSHIP_NAME.set(execution, registered.townshipName());
        COMMUNITY_NAME.set(execution, registered.communityName());
        CASE_SUMMARY.set(execution, service.summary(r));
        ROUTE_SUMMARY.set(execution, service.routeSummary(r));
        execution.setProcessBusinessKey(r.caseNumber());
    }

    static ResettlementRules.Form form(DelegateExecution execution) {
        // the start form sends a grade and cause only when 已评定残疾等级 is ticked (hidden fields are not sent)
        return new ResettlementRules.Form(DISCHARGE_DATE.get(execution), SERVICE_BRANCH.get(execution),
                SERVICE_YEARS.get(execution), RANK_KIND.get(execution), NCO_GRADE.get(execution),
                DISABILITY_GRADE.get(execution), DISABILITY_CAUSE.get(execution), MERIT.get(execution),
                WARTIME_MERIT.get(execution), MARTYR_CHILD.get(execution), LATE_REASON.get(execution));
    }

    /** 区民政局优抚安置科审核安置方式. */
    public void review(DelegateTask task) {
        String decision = new TaskInput(task).choice(REVIEW_DECISION.name(), "审核意见", List.of(APPROVE, REJECT));
        APPROVED.set(task, service.review(RESETTLEMENT_ID.require(task), decision, REVIEW_COMMENT.get(task), Actor.of(task)));
    }

    /** 核定一次性经济补助，列入下期发放. */
    public void listGrant(DelegateExecution execution) {
        service.listGrant(RESETTLEMENT_ID.require(execution), REVIEWED_BY.get(execution));
    }

    /** 指定接收单位，发出安置通知. */
    public void assignUnit(DelegateTask task) {
        Resettlement r = service.assignUnit(RESETTLEMENT_ID.require(task), RECEIVING_UNIT.get(task),
                PLACEMENT_NOTE.get(task), Actor.of(task), task.getProcessInstanceId());
        RECEIVING_UNIT_NAME.set(task, r.receivingUnit());
    }

    /** 录入接收单位报到回执. */
    public void confirmReportIn(DelegateTask task) {
        service.confirmReportIn(RESETTLEMENT_ID.require(task), REPORTED_IN_ON.get(task), REPORT_IN_NOTE.get(task),
                Actor.of(task));
    }

    /** 记录超期，优抚安置科督办. */
    public void reportOverrun(DelegateExecution execution) {
        service.reportOverrun(RESETTLEMENT_ID.require(execution));
    }

    /** 移交退休或供养安置部门. */
    public void handOver(DelegateExecution execution) {
        service.handOver(RESETTLEMENT_ID.require(execution), REVIEWED_BY.get(execution));
    }
}

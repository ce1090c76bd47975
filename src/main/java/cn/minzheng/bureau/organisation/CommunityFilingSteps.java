package cn.minzheng.bureau.organisation;

import static cn.minzheng.bureau.organisation.CommunityFilingProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.engine.EngineAuthentication;

/** What community-organisation-filing.bpmn calls: ${communityFilingSteps.…}, service steps and task listeners. */
@Component
public class CommunityFilingSteps {

    private final CommunityFilingService service;

    public CommunityFilingSteps(CommunityFilingService service) {
        this.service = service;
    }

    /** 登记备案申请: the start form's fields checked by the service; the street office for the review. */
    public void apply(DelegateExecution execution) {
        List<String> groups = EngineAuthentication.groupIds(execution.getProcessEngineServices().getIdentityService());
        String actor = Actor.currentOrNull(execution);
        long id = service.apply(NAME.get(execution), LEADER.get(execution), ACTIVITY_PLACE.get(execution),
                ACTIVITIES.get(execution), groups, execution.getProcessInstanceId(), actor);
        String township = groups.stream().filter(g -> g.startsWith("clerk-")).findFirst().orElseThrow().substring("clerk-".length());
        ORGANISATION_ID.set(execution, id);
        TOWNSHIP_CODE.set(execution, township);
        TOWNSHIP_NAME.set(execution, service.townshipName(township));
        FILED_BY.set(execution, actor);
        NAME.set(execution, NAME.get(execution).strip());
    }

    /** 乡镇（街道）审核: four-eyes against the clerk who filed, declared on the task. */
    public void review(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(REVIEW_DECISION.name(), "审核结果（同意备案或不予备案）", List.of(APPROVE, REFUSE));
        String comment = input.optionalText(REVIEW_COMMENT.name(), "审核意见", 1000);
        APPROVED.set(task, service.review(decision, comment));
    }

    /** 记录备案, 列入名录. */
    public void file(DelegateExecution execution) {
        FILING_NO.set(execution, service.file(ORGANISATION_ID.require(execution), REVIEWED_BY.get(execution)));
    }

    /** 不予备案: the reviewer's reason; the name free again. */
    public void refuse(DelegateExecution execution) {
        service.refuse(ORGANISATION_ID.require(execution), REVIEWED_BY.get(execution), REVIEW_COMMENT.get(execution));
    }
}

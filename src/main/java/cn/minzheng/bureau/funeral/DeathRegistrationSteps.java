package cn.minzheng.bureau.funeral;

import static cn.minzheng.bureau.funeral.DeathRegistrationProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.engine.EngineAuthentication;

/** What funeral-death-registration.bpmn calls: ${deathRegistrationSteps.…}, service steps and a task listener. */
@Component
public class DeathRegistrationSteps {

    private final DeathRegistrationService service;
    private final DeathRegistrationRepository deaths;

    public DeathRegistrationSteps(DeathRegistrationService service, DeathRegistrationRepository deaths) {
        this.service = service;
        this.deaths = deaths;
    }

    /** 登记死亡: the start form's fields, checked by the service; the record's copies for the review form. */
    public void register(DelegateExecution execution) {
        List<String> groups = EngineAuthentication.groupIds(execution.getProcessEngineServices().getIdentityService());
        String actor = Actor.currentOrNull(execution);
        DeathRecord r = service.register(new DeathRegistrationService.Form(ID_NUMBER.get(execution),
                        DEATH_DATE.get(execution), DEATH_PLACE.get(execution), SOURCE.get(execution),
                        SOURCE_REFERENCE.get(execution), CREMATED.get(execution), BURIAL_KIND.get(execution)),
                groups, execution.getProcessInstanceId(), actor);
        DEATH_RECORD_ID.set(execution, r.id());
        TOWNSHIP_CODE.set(execution, r.townshipCode());
        REGISTERED_BY.set(execution, actor);
        CASE_NUMBER.set(execution, r.recordNumber());
        APPLICANT_NAME.set(execution, r.personName());
        TOWNSHIP_NAME.set(execution, service.regionName(r.townshipCode()));
        COMMUNITY_NAME.set(execution, deaths.person(r.idNumber()).map(p -> service.regionName(p.communityCode())).orElse(""));
        RECORD_SUMMARY.set(execution, service.summary(r));
        execution.setProcessBusinessKey(r.recordNumber());
    }

    /** 乡镇（街道）审核. */
    public void review(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(REVIEW_DECISION.name(), "审核结果", List.of(CONFIRM, REFUSE));
        CONFIRMED.set(task, service.review(DEATH_RECORD_ID.require(task), decision, REVIEW_COMMENT.get(task), Actor.of(task)));
    }

    /** 通知各救助项目. */
    public void notifyPrograms(DelegateExecution execution) {
        DeathRecord r = service.notifyPrograms(DEATH_RECORD_ID.require(execution), Actor.currentOrNull(execution));
        EFFECTS.set(execution, r.effects());
    }
}

package cn.minzheng.bureau.funeral.benefits;

import static cn.minzheng.bureau.funeral.benefits.EcoBurialProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.funeral.DeathRecord;

/** What funeral-eco-burial-reward.bpmn calls: ${ecoBurialSteps.…}. */
@Component
public class EcoBurialSteps {

    private final FuneralBenefitsService service;

    public EcoBurialSteps(FuneralBenefitsService service) {
        this.service = service;
    }

    /** 核对死亡登记和安葬方式，按标准核定奖补. */
    public void register(DelegateExecution execution) {
        List<String> groups = EngineAuthentication.groupIds(execution.getProcessEngineServices().getIdentityService());
        String actor = Actor.currentOrNull(execution);
        EcoBurialReward r = service.registerReward(new FuneralBenefitsService.RewardForm(ID_NUMBER.get(execution),
                PAYEE_ID_NUMBER.get(execution), BURIAL_DATE.get(execution), BURIAL_PLACE.get(execution)), groups,
                execution.getProcessInstanceId(), actor);
        DeathRecord death = service.death(r.deathRecordId());
        REWARD_ID.set(execution, r.id());
        TOWNSHIP_CODE.set(execution, r.townshipCode());
        REGISTERED_BY.set(execution, actor);
        CASE_NUMBER.set(execution, r.rewardNumber());
        APPLICANT_NAME.set(execution, death.personName());
        TOWNSHIP_NAME.set(execution, service.regionName(r.townshipCode()));
        REWARD_SUMMARY.set(execution, service.rewardSummary(r, death));
        execution.setProcessBusinessKey(r.rewardNumber());
    }

    /** 乡镇（街道）审核. */
    public void review(DelegateTask task) {
        String decision = new TaskInput(task).choice(REVIEW_DECISION.name(), "审核结果", List.of(GRANT, REFUSE));
        GRANTED.set(task, service.reviewReward(REWARD_ID.require(task), decision, REVIEW_COMMENT.get(task), Actor.of(task)));
    }

    /** 给予奖补，列入下月发放. */
    public void grant(DelegateExecution execution) {
        service.grantReward(REWARD_ID.require(execution), REVIEWED_BY.get(execution), REVIEW_COMMENT.get(execution));
    }
}

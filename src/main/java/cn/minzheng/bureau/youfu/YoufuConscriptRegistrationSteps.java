package cn.minzheng.bureau.youfu;

import static cn.minzheng.bureau.youfu.YoufuConscriptRegistrationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;

/**
 * What youfu-conscript-registration.bpmn calls: ${youfuConscriptRegistrationSteps.…}. The rules are
 * {@link YoufuConscriptService#register}'s, the same as for {@code POST /api/youfu/conscripts}.
 */
@Component
public class YoufuConscriptRegistrationSteps {

    private final YoufuConscriptService service;

    public YoufuConscriptRegistrationSteps(YoufuConscriptService service) {
        this.service = service;
    }

    /** 登记义务兵和领取优待金的家属. */
    public void register(DelegateExecution execution) {
        String actor = Actor.currentOrNull(execution);
        YoufuConscript c = service.register(CONSCRIPT_ID_NUMBER.get(execution), PAYEE_ID_NUMBER.get(execution),
                ENLISTMENT_DATE.get(execution), DISCHARGE_DATE.get(execution), actor);
        CONSCRIPT_ID.set(execution, c.id());
        TOWNSHIP_CODE.set(execution, c.townshipCode());
        REGISTERED_BY.set(execution, actor);
    }
}

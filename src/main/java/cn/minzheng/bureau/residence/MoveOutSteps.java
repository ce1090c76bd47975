package cn.minzheng.bureau.residence;

import static cn.minzheng.bureau.residence.MoveOutProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.engine.EngineAuthentication;

/** What household-move-out.bpmn calls: ${moveOutSteps.record(execution)}. */
@Component
public class MoveOutSteps {

    private final MoveOutService service;

    public MoveOutSteps(MoveOutService service) {
        this.service = service;
    }

    /** 登记迁出，通知各救助项目: the start form's fields, checked by the service; a refusal rolls the start back. */
    public void record(DelegateExecution execution) {
        List<String> groups = EngineAuthentication.groupIds(execution.getProcessEngineServices().getIdentityService());
        String actor = Actor.currentOrNull(execution);
        MoveOut m = service.record(new MoveOutService.Form(ID_NUMBER.get(execution), MOVED_ON.get(execution),
                DESTINATION.get(execution), TRANSFER_REFERENCE.get(execution)), groups, execution.getProcessInstanceId(), actor);
        MOVE_OUT_ID.set(execution, m.id());
        TOWNSHIP_CODE.set(execution, m.townshipCode());
        REGISTERED_BY.set(execution, actor);
        EFFECTS.set(execution, m.effects());
        execution.setProcessBusinessKey(m.recordNumber());
    }
}

package cn.minzheng.bureau.elderly;

import static cn.minzheng.bureau.elderly.ElderlyCardProcess.*;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.elderly.ElderlyCardRepository.Application;
import cn.minzheng.bureau.elderly.ElderlyCardRepository.Card;
import cn.minzheng.bureau.engine.EngineAuthentication;

/** What elderly-card.bpmn calls: ${elderlyCardSteps.…}, service steps and task listeners. */
@Component
public class ElderlyCardSteps {

    private final ElderlyCardService service;

    public ElderlyCardSteps(ElderlyCardService service) {
        this.service = service;
    }

    /** 登记申请: the start form's fields, checked by the service; the application's copies for the review form. */
    public void register(DelegateExecution execution) {
        TaskInput input = new TaskInput(execution);
        String idNumber = input.text(APPLICANT_ID_NUMBER.name(), "申请人身份证号码", 18);
        String kindValue = KIND.get(execution);
        CardKind kind = Arrays.stream(CardKind.values()).filter(k -> k.name().equals(kindValue)).findFirst()
                .orElseThrow(() -> new RuleViolation("MISSING_DECISION", "请选择申请类型（申领或补办）"));
        List<String> groups = EngineAuthentication.groupIds(execution.getProcessEngineServices().getIdentityService());
        String actor = Actor.currentOrNull(execution);
        Application a = service.register(idNumber, kind, LOSS_NOTE.get(execution), groups, execution.getProcessInstanceId(),
                actor);
        APPLICATION_ID.set(execution, a.id());
        TOWNSHIP_CODE.set(execution, a.townshipCode());
        REGISTERED_BY.set(execution, actor);
        APPLICANT_NAME.set(execution, a.applicantName());
        TOWNSHIP_NAME.set(execution, service.townshipName(a.townshipCode()));
        APPLICATION_SUMMARY.set(execution, service.summary(a));
    }

    /** 乡镇（街道）审核. */
    public void review(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(REVIEW_DECISION.name(), "审核结果", List.of(APPROVE, REFUSE));
        APPROVED.set(task, service.review(APPLICATION_ID.require(task), decision, REVIEW_COMMENT.get(task), Actor.of(task)));
    }

    /** 发证: the card's number kept for the record. */
    public void issue(DelegateExecution execution) {
        Card card = service.issue(APPLICATION_ID.require(execution), Actor.currentOrNull(execution));
        CARD_NUMBER.set(execution, card.cardNumber());
    }
}

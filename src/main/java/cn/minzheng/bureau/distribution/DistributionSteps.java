package cn.minzheng.bureau.distribution;

import static cn.minzheng.bureau.distribution.DistributionProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.distribution.DistributionRepository.Distribution;

/**
 * What group-distribution.bpmn calls (${distributionSteps.…}): each step reads the variables, calls
 * {@link DistributionService} and sets what the process and its forms need. A refused sign-off leaves the task open
 * and nothing stored.
 */
@Component
public class DistributionSteps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DistributionService service;

    public DistributionSteps(DistributionService service) {
        this.service = service;
    }

    /** 确定发放对象，冻结名单 (service task). */
    public void createDistribution(DelegateExecution execution) {
        String initiator = INITIATOR.get(execution);
        Distribution d = service.create(DISTRIBUTION_NAME.get(execution), OCCASION.get(execution),
                PROGRAM_CODES.get(execution), TOWNSHIPS.get(execution), CASH_PER_RECIPIENT.get(execution),
                ITEM_NAME.get(execution), ITEM_QUANTITY.get(execution), ITEM_UNIT.get(execution),
                execution.getProcessInstanceId(), initiator == null ? "system" : initiator);
        List.of(OCCASION, PROGRAM_CODES, TOWNSHIPS, CASH_PER_RECIPIENT, ITEM_NAME, ITEM_QUANTITY, ITEM_UNIT)
                .forEach(variable -> variable.remove(execution));
        DISTRIBUTION_ID.set(execution, d.id());
        CASE_NUMBER.set(execution, d.distributionNumber());
        DISTRIBUTION_TEXT.set(execution, service.describe(d.id()));
        execution.setProcessBusinessKey(d.distributionNumber());
    }

    /** The collection of the sign-off tasks: the townships with people on the list. */
    public List<String> townshipsToSignOff(DelegateExecution execution) {
        return service.townshipsToSignOff(distributionId(execution));
    }

    /** Shows a sign-off task its township's share and list. */
    public void openSignOff(DelegateExecution execution) {
        String township = TOWNSHIP_CODE.get(execution);
        long id = distributionId(execution);
        execution.setVariableLocal(TOWNSHIP_NAME.name(), service.name(township));
        execution.setVariableLocal(TOWNSHIP_SHARE.name(), service.shareText(id, township));
        try {
            execution.setVariableLocal(RECIPIENT_OPTIONS.name(),
                    SpinValues.jsonValue(JSON.writeValueAsString(service.recipientOptions(id, township))).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 发放签领: the township's register against its list. */
    public void signOff(DelegateTask task) {
        service.signOff(distributionId(task), TOWNSHIP_CODE.get(task), SIGNED.get(task), Actor.of(task));
        SIGNED.remove(task);
    }

    /** 发放完成. */
    public void complete(DelegateExecution execution) {
        service.complete(distributionId(execution));
    }

    private static long distributionId(VariableScope scope) {
        return DISTRIBUTION_ID.require(scope);
    }
}

package cn.minzheng.bureau.funeral.benefits;

import static cn.minzheng.bureau.funeral.benefits.FeeSettlementProcess.*;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.Money;

/** What funeral-fee-settlement.bpmn calls: ${feeSettlementSteps.…}. */
@Component
public class FeeSettlementSteps {

    private final FuneralBenefitsService service;

    public FeeSettlementSteps(FuneralBenefitsService service) {
        this.service = service;
    }

    /** 按殡仪馆汇总当月核实的减免并结算. */
    public void settle(DelegateExecution execution) {
        String month = SETTLEMENT_MONTH.get(execution);
        var settled = service.settle(month, Actor.currentOrNull(execution), execution.getProcessInstanceId());
        SETTLED.set(execution, settled.stream().map(s -> s.funeralHomeName() + "：" + s.claimCount() + "笔，"
                + Money.format(s.amount()) + "元").collect(Collectors.joining("\n")));
        execution.setProcessBusinessKey("HM-JS-" + settled.get(0).settlementMonth());
    }
}

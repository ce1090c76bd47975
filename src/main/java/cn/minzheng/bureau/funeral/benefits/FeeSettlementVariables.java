package cn.minzheng.bureau.funeral.benefits;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of funeral-fee-settlement.bpmn: the copies shown by its forms stay out of the history. */
@Component
public class FeeSettlementVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return FeeSettlementProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return FeeSettlementProcess.VARIABLES;
    }
}

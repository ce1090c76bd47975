package cn.minzheng.bureau.funeral.benefits;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of funeral-fee-waiver.bpmn: the copies shown by its forms stay out of the history. */
@Component
public class FeeWaiverVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return FeeWaiverProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return FeeWaiverProcess.VARIABLES;
    }
}

package cn.minzheng.bureau.resettlement;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of veteran-resettlement.bpmn: the copies shown by its forms stay out of the history. */
@Component
public class ResettlementVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return ResettlementProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return ResettlementProcess.VARIABLES;
    }
}

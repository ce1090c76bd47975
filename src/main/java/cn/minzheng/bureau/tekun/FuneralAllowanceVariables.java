package cn.minzheng.bureau.tekun;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of tekun-funeral-allowance.bpmn: the copies of the rows stay out of the history. */
@Component
public class FuneralAllowanceVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return FuneralAllowanceProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return FuneralAllowanceProcess.VARIABLES;
    }
}

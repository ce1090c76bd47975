package cn.minzheng.bureau.gaoling;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of gaoling-survival-check.bpmn. */
@Component
public class GaolingSurvivalVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return GaolingSurvivalProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return GaolingSurvivalProcess.VARIABLES;
    }
}

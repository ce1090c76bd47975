package cn.minzheng.bureau.residence;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of household-move-out.bpmn. */
@Component
public class MoveOutVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return MoveOutProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return MoveOutProcess.VARIABLES;
    }
}

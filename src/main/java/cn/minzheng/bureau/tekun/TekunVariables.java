package cn.minzheng.bureau.tekun;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of tekun-application.bpmn: the copies of the case's row stay out of the history. */
@Component
public class TekunVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return TekunProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return TekunProcess.VARIABLES;
    }
}

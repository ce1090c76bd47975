package cn.minzheng.bureau.linshi;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of linshi-application.bpmn: the copies of the case's row stay out of the history. */
@Component
public class LinshiVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return LinshiProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return LinshiProcess.VARIABLES;
    }
}

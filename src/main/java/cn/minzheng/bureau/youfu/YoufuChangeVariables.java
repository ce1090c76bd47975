package cn.minzheng.bureau.youfu;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of youfu-change.bpmn: the copies of the register's row stay out of the history. */
@Component
public class YoufuChangeVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return YoufuChangeProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return YoufuChangeProcess.VARIABLES;
    }
}

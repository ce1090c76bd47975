package cn.minzheng.bureau.youfu;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of youfu-recognition.bpmn: the copies of the register's row stay out of the history. */
@Component
public class YoufuVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return YoufuProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return YoufuProcess.VARIABLES;
    }
}

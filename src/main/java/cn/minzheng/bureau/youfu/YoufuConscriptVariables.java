package cn.minzheng.bureau.youfu;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of youfu-conscript-grant.bpmn. */
@Component
public class YoufuConscriptVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return YoufuConscriptProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return YoufuConscriptProcess.VARIABLES;
    }
}

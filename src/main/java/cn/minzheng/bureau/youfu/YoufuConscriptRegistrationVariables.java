package cn.minzheng.bureau.youfu;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of youfu-conscript-registration.bpmn. */
@Component
public class YoufuConscriptRegistrationVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return YoufuConscriptRegistrationProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return YoufuConscriptRegistrationProcess.VARIABLES;
    }
}

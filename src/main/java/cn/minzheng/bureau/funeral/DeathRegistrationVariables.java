package cn.minzheng.bureau.funeral;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of funeral-death-registration.bpmn: the copies of the record stay out of the history. */
@Component
public class DeathRegistrationVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return DeathRegistrationProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return DeathRegistrationProcess.VARIABLES;
    }
}

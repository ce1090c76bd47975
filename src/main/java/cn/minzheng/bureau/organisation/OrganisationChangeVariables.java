package cn.minzheng.bureau.organisation;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of organisation-change.bpmn: the copies of the register's row stay out of the history. */
@Component
public class OrganisationChangeVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return OrganisationChangeProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return OrganisationChangeProcess.VARIABLES;
    }
}

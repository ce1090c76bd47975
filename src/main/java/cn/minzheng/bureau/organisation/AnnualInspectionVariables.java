package cn.minzheng.bureau.organisation;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of organisation-annual-inspection.bpmn: the copies of the register's row stay out of the history. */
@Component
public class AnnualInspectionVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return AnnualInspectionProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return AnnualInspectionProcess.VARIABLES;
    }
}

package cn.minzheng.bureau.community.construction;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of community-office-construction.bpmn: the copies of the project's rows stay out of the history. */
@Component
public class OfficeConstructionVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return OfficeConstructionProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return OfficeConstructionProcess.VARIABLES;
    }
}

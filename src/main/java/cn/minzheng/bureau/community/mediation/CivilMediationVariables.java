package cn.minzheng.bureau.community.mediation;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of civil-mediation.bpmn: the copies of the dispute's rows stay out of the history. */
@Component
public class CivilMediationVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return CivilMediationProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return CivilMediationProcess.VARIABLES;
    }
}

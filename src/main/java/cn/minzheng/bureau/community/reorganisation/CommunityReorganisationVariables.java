package cn.minzheng.bureau.community.reorganisation;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of community-reorganisation.bpmn: the copies of the plan's rows stay out of the history. */
@Component
public class CommunityReorganisationVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return CommunityReorganisationProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return CommunityReorganisationProcess.VARIABLES;
    }
}

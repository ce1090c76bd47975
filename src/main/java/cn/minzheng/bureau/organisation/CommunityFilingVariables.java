package cn.minzheng.bureau.organisation;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of community-organisation-filing, as {@link CommunityFilingProcess} declares them. */
@Component
public class CommunityFilingVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return CommunityFilingProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return CommunityFilingProcess.VARIABLES;
    }
}

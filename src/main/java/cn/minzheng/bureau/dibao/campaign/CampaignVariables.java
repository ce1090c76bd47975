package cn.minzheng.bureau.dibao.campaign;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of dibao-survey-campaign, as {@link CampaignProcess} declares them. */
@Component
public class CampaignVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return CampaignProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return CampaignProcess.VARIABLES;
    }
}

package cn.minzheng.bureau.donation;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of donation-campaign.bpmn ({@link DonationCampaignProcess}): its copies stay out of the history. */
@Component
public class DonationCampaignVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return DonationCampaignProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return DonationCampaignProcess.VARIABLES;
    }
}

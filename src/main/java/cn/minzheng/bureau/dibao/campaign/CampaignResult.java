package cn.minzheng.bureau.dibao.campaign;

import cn.minzheng.bureau.household.Labelled;

/** A team's finding on one case of its share (survey_campaign_item.result): 维持, 变化 or 停保. */
public enum CampaignResult implements Labelled {
    KEEP("维持"),
    CHANGE("变化"),
    CANCEL("停保");

    private final String label;

    CampaignResult(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The result a leader wrote, by its label or its name; null for anything else. */
    static CampaignResult parse(String given) {
        for (CampaignResult result : values()) {
            if (result.label.equals(given) || result.name().equals(given)) {
                return result;
            }
        }
        return null;
    }
}

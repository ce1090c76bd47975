package cn.minzheng.bureau.dibao.campaign;

/** A survey campaign (table survey_campaign): open while its teams survey, closed once the results are fed. */
public enum CampaignStatus {
    OPEN,
    CLOSED
}

package cn.minzheng.bureau.donation;

/** Where a donation campaign stands (donation_campaign.status). */
public enum CampaignStatus {
    COLLECTING, PLANNED, DISTRIBUTING, COMPLETED
}

package cn.minzheng.bureau.relief;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Reporting deadlines of disaster relief (bureau.relief.*), ISO-8601 durations; BPMN reads ${reliefSettings.…}. */
@Component
@ConfigurationProperties("bureau.relief")
public class ReliefSettings {

    /** 初报: counted from the time the disaster occurred. */
    private String initialReportDeadline = "PT2H";
    /** 续报: counted from the previous report. */
    private String followUpReportDeadline = "P1D";
    /** 核报: counted from the district's verification of the losses. */
    private String verifiedReportDeadline = "P5D";

    /** 倒房重建: public notice of the households the village committee appraised. */
    private String rebuildingNoticePeriod = "P7D";
    /** 倒房重建: grant per collapsed room rebuilt, yuan. */
    private java.math.BigDecimal rebuildingGrantPerRoom = new java.math.BigDecimal("8000.00");

    public String getRebuildingNoticePeriod() {
        return rebuildingNoticePeriod;
    }

    public void setRebuildingNoticePeriod(String rebuildingNoticePeriod) {
        this.rebuildingNoticePeriod = rebuildingNoticePeriod;
    }

    public java.math.BigDecimal getRebuildingGrantPerRoom() {
        return rebuildingGrantPerRoom;
    }

    public void setRebuildingGrantPerRoom(java.math.BigDecimal rebuildingGrantPerRoom) {
        this.rebuildingGrantPerRoom = rebuildingGrantPerRoom;
    }

    public String getInitialReportDeadline() {
        return initialReportDeadline;
    }

    public void setInitialReportDeadline(String initialReportDeadline) {
        this.initialReportDeadline = initialReportDeadline;
    }

    public String getFollowUpReportDeadline() {
        return followUpReportDeadline;
    }

    public void setFollowUpReportDeadline(String followUpReportDeadline) {
        this.followUpReportDeadline = followUpReportDeadline;
    }

    public String getVerifiedReportDeadline() {
        return verifiedReportDeadline;
    }

    public void setVerifiedReportDeadline(String verifiedReportDeadline) {
        this.verifiedReportDeadline = verifiedReportDeadline;
    }
}

package cn.minzheng.bureau.dibao.report;

/** Where a report (dibao_report.status) stands. */
public enum ReportStatus {
    REGISTERED,
    INVESTIGATING,
    DECIDING,
    /** Closed: the case was cancelled or lowered and a recovery started. */
    FOUNDED,
    /** Closed: the case keeps its benefit. */
    UNFOUNDED
}

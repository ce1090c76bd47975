package cn.minzheng.bureau.tekun;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One person's 年度复核 of a year (table tekun_review): what the township found and what was decided. */
public record TekunReview(long id, int reviewYear, long tekunCaseId, String townshipCode, String status, String outcome,
                          String endReason, String selfCareLevel, String careMode, String careInstitution,
                          String carerName, String careAgreement, String finding, BigDecimal oldAmount,
                          BigDecimal newAmount, String effectiveMonth, String oldSnapshot, String reviewedBy,
                          LocalDateTime reviewedAt, String districtDecision, String districtComment, String decidedBy,
                          LocalDateTime decidedAt, String campaignInstanceId, String processInstanceId,
                          LocalDateTime createdAt) {

    public static final String OPEN = "OPEN";
    public static final String END_PROPOSED = "END_PROPOSED";
    public static final String CONTINUED = "CONTINUED";
    public static final String ENDED = "ENDED";
    public static final String CASE_CLOSED = "CASE_CLOSED";
}

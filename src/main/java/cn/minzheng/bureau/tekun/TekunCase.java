package cn.minzheng.bureau.tekun;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A person's 特困供养 case (table tekun_case): who, why eligible, how cared for, the assessment and the amounts. */
public record TekunCase(long id, String caseNumber, long householdId, String townshipCode, String personIdNumber,
                        String personName, QualifyingCondition qualifyingCondition,
                        SupporterSituation supporterSituation, String supporterNote, boolean proposedByTownship,
                        CareMode careMode, String careInstitution, String carerName, String careAgreement,
                        SelfCareLevel selfCareLevel, String surveyFinding, BigDecimal basicLivingAmount,
                        BigDecimal careAmount, BigDecimal monthlyAmount, String startMonth, TekunStatus status,
                        String closingReason, String processInstanceId, String calculationSnapshot,
                        LocalDateTime createdAt) {
}

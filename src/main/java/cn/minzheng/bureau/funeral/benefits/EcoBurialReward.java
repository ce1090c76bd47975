package cn.minzheng.bureau.funeral.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.minzheng.bureau.funeral.BurialKind;

/** A 生态安葬 reward to the family (table eco_burial_reward). */
public record EcoBurialReward(long id, String rewardNumber, long deathRecordId, BurialKind burialKind, LocalDate burialDate,
                              String burialPlace, String payeeIdNumber, String payeeName, long householdId,
                              String townshipCode, BigDecimal amount, RewardStatus status, String reviewComment,
                              String reviewedBy, Long enrolmentId, String processInstanceId, String registeredBy) {
}

package cn.minzheng.bureau.funeral.benefits;

import java.math.BigDecimal;
import java.sql.Timestamp;

/** A 惠民殡葬 fee waiver claimed by a funeral home (table funeral_fee_claim). */
public record FeeClaim(long id, String claimNumber, long deathRecordId, long funeralHomeId, String townshipCode,
                       String invoiceNumber, String entitlement, BigDecimal transportFee, BigDecimal storageFee,
                       BigDecimal cremationFee, BigDecimal ashStorageFee, BigDecimal waivedAmount, ClaimStatus status,
                       String verifyComment, String verifiedBy, String settlementMonth, Long settlementId,
                       String processInstanceId, String submittedBy, Timestamp submittedAt) {
}

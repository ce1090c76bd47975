package cn.minzheng.bureau.tekun;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A 特困人员丧葬补助 (tekun_funeral_allowance): one per 特困供养 case ended by death. */
public record FuneralAllowance(long id, long tekunCaseId, Long deathRecordId, String townshipCode, String deceasedIdNumber,
                               String deceasedName, LocalDate deathDate, BigDecimal basicLivingAmount, int months,
                               BigDecimal amount, String status, String payeeIdNumber, String payeeName,
                               Long payeeHouseholdId, String payeeRelation, String payeeNote, String confirmedBy,
                               LocalDateTime confirmedAt, Long enrolmentId, String processInstanceId,
                               LocalDateTime createdAt) {

    public static final String AWAITING_PAYEE = "AWAITING_PAYEE";
    public static final String GRANTED = "GRANTED";
}

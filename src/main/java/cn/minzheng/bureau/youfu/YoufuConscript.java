package cn.minzheng.bureau.youfu;

import java.time.LocalDate;

/** A conscript (义务兵) on the register of 义务兵家庭优待金 (table youfu_conscript) and the family member paid. */
public record YoufuConscript(long id, String personIdNumber, String personName, long householdId, String townshipCode,
                             String payeeIdNumber, String payeeName, LocalDate enlistmentDate, LocalDate dischargeDate) {
}

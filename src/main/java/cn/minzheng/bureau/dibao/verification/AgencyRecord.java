package cn.minzheng.bureau.dibao.verification;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One fact an agency holds on a person (a deposit, a vehicle, a property, …), from agency_record or a connector. */
public record AgencyRecord(String idNumber, AgencyRecordKind kind, String agency, String description, BigDecimal amount,
                           boolean commercial, boolean forDisability, LocalDate recordedOn) {
}

package cn.minzheng.bureau.residence;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A recorded move out of the district (户籍迁出登记) and what every program did with it ({@code effects}, lines). */
public record MoveOut(long id, String idNumber, String personName, long householdId, String townshipCode,
                      LocalDate movedOn, String destination, String transferReference, String effects,
                      String processInstanceId, String registeredBy, LocalDateTime registeredAt) {

    /** The number users read: 迁出登记 and the id. */
    public String recordNumber() {
        return "QC" + id;
    }
}

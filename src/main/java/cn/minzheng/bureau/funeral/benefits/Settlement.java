package cn.minzheng.bureau.funeral.benefits;

import java.math.BigDecimal;
import java.sql.Timestamp;

/** The district's payment to a funeral home for a month's verified waivers (table funeral_settlement). */
public record Settlement(long id, long funeralHomeId, String funeralHomeName, String settlementMonth, int claimCount,
                         BigDecimal amount, String bankName, String bankAccount, String settledBy, Timestamp settledAt) {
}

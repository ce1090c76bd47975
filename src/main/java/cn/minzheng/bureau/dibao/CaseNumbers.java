package cn.minzheng.bureau.dibao;

import java.time.Year;

/**
 * The number a 低保 case is known by: "DB", the year it was registered, and its id in six digits
 * ("DB2026-000042"). Built here only, for a case registered one by one and for a batch of imported ones.
 */
public final class CaseNumbers {

    /** Digits of the id part, zero-padded. */
    public static final int DIGITS = 6;

    private CaseNumbers() {
    }

    /** The number of the case with this id, registered in this year. */
    public static String of(Year year, long caseId) {
        return prefix(year) + String.format("%0" + DIGITS + "d", caseId);
    }

    /** What precedes the id: "DB2026-". */
    public static String prefix(Year year) {
        return "DB" + year + "-";
    }

    /**
     * The same number as an SQL expression over a table's {@code id} column, with the prefix as its one
     * parameter: for numbering many rows in one statement. Like the Java form it pads, never cuts, the id.
     */
    static String sqlExpression() {
        return "cast(? as varchar(20)) || case when id < " + (long) Math.pow(10, DIGITS) + " then lpad(cast(id as varchar(20)), "
                + DIGITS + ", '0') else cast(id as varchar(20)) end";
    }
}

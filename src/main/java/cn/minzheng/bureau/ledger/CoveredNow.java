package cn.minzheng.bureau.ledger;

import java.time.YearMonth;
import java.util.Map;

/**
 * 低保 as it stands today in an area, whatever year the dashboard shows: the approved (在保) cases and
 * their people, the month approved cases were first paid or will be (approval pays from the month
 * after), the approved cases still waiting for their first payment, and the latest monthly payroll.
 *
 * @param firstPaymentMonth the earliest start month of the approved cases, null without any
 * @param firstPaymentPayroll the payroll of that month, null while there is none
 * @param upcomingFirstPayments approved cases not yet paid, by the month they are paid from
 * @param latestPayroll the latest payroll, null before the first one
 */
public record CoveredNow(long households, long people, String firstPaymentMonth, Payroll firstPaymentPayroll,
                         Map<String, Long> upcomingFirstPayments, Payroll latestPayroll) {

    /** A monthly payroll (for the whole district) and where it stands. */
    public record Payroll(String month, String statusLabel) {
    }

    /** 2027-01 → 2027年1月. */
    public static String monthText(String month) {
        if (month == null) {
            return "";
        }
        YearMonth m = YearMonth.parse(month);
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }
}

package cn.minzheng.bureau.program;

import java.time.LocalDate;
import java.time.YearMonth;

import cn.minzheng.bureau.common.RuleViolation;

/**
 * The one rule of every monthly program for a person who left the district (迁出本区): the benefit is due up to the
 * end of the month of the move and ends from the month after; the move is dated neither after today (it is recorded
 * once the household registration has moved) nor before the person was born. A payment sent to the bank for a month
 * after the last month due was paid to someone no longer entitled (多发).
 */
public final class LeavingArea {

    private LeavingArea() {
    }

    /** The last month a benefit is due: the month of the move. */
    public static YearMonth lastMonthDue(LocalDate movedOn) {
        return YearMonth.from(movedOn);
    }

    /** The first month no longer paid: the month after the move. */
    public static YearMonth firstMonthNotDue(LocalDate movedOn) {
        return lastMonthDue(movedOn).plusMonths(1);
    }

    public static void checkMoveDate(LocalDate birthDate, LocalDate movedOn, LocalDate today) {
        if (movedOn.isAfter(today)) {
            throw new RuleViolation("MOVE_DATE_IN_FUTURE", "迁出日期" + movedOn + "晚于今天（" + today
                    + "）：户籍迁出后再登记");
        }
        if (movedOn.isBefore(birthDate)) {
            throw new RuleViolation("MOVE_BEFORE_BIRTH", "迁出日期" + movedOn + "早于出生日期" + birthDate
                    + "（按身份证号码），请核对");
        }
    }

    /** A payment of {@code benefitMonth} with {@code status} was paid out after the person left. */
    public static boolean overpaid(String benefitMonth, String status, LocalDate movedOn) {
        return "ISSUED".equals(status) && benefitMonth.compareTo(lastMonthDue(movedOn).toString()) > 0;
    }
}

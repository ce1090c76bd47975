package cn.minzheng.bureau.elderly;

import java.time.LocalDate;
import java.time.Period;

import cn.minzheng.bureau.common.RuleViolation;

/** The rules of the 老年人优待证 that need no table: the age, the card number. */
public final class ElderlyCardRules {

    /** The age from which a resident may hold a card. */
    public static final int MINIMUM_AGE = 60;

    private ElderlyCardRules() {
    }

    /** Full years of age on a day (a person born on 29 February is a year older from 1 March in other years). */
    public static int ageOn(LocalDate birthDate, LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** Refused unless the person is at least 60 on the day (from the birthday on). */
    public static void requireOldEnough(LocalDate birthDate, LocalDate day) {
        if (ageOn(birthDate, day) < MINIMUM_AGE) {
            throw new RuleViolation("UNDER_AGE", "申请人出生于" + birthDate + "，" + day + "未满" + MINIMUM_AGE
                    + "周岁（" + birthDate.plusYears(MINIMUM_AGE) + "起可申领老年人优待证）");
        }
    }

    /** 优待证号: the township's code, the year of issue and the township's sequence of that year, four digits. */
    public static String cardNumber(String townshipCode, int year, int sequence) {
        if (sequence < 1 || sequence > 9999) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        return townshipCode + "-" + year + "-" + String.format("%04d", sequence);
    }
}

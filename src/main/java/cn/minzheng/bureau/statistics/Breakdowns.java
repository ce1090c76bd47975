package cn.minzheng.bureau.statistics;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;

/** The persons at month end counted by age, employment and disability ({@link MonthlyFigures.Breakdown}). */
final class Breakdowns {

    static final int ELDERLY_AGE = 60;
    static final int ADULT_AGE = 18;

    private Breakdowns() {
    }

    /** By township (the paying payment's township). */
    static Map<String, MonthlyFigures.Breakdown> byArea(List<MonthlyFiguresQueries.Person> persons, YearMonth month) {
        Map<String, Counter> counters = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (MonthlyFiguresQueries.Person p : persons) {
            if (seen.add(p.paymentId() + "/" + p.idNumber())) {
                counters.computeIfAbsent(p.areaCode(), a -> new Counter()).add(p, month.atEndOfMonth());
            }
        }
        Map<String, MonthlyFigures.Breakdown> result = new HashMap<>();
        counters.forEach((area, counter) -> result.put(area, counter.breakdown()));
        return result;
    }

    /** Every person, whatever township their payment names. */
    static MonthlyFigures.Breakdown of(List<MonthlyFiguresQueries.Person> persons, YearMonth month) {
        Counter counter = new Counter();
        Set<String> seen = new HashSet<>();
        for (MonthlyFiguresQueries.Person p : persons) {
            if (seen.add(p.paymentId() + "/" + p.idNumber())) {
                counter.add(p, month.atEndOfMonth());
            }
        }
        return counter.breakdown();
    }

    /** Whole years of age on {@code day}, from the birth date in an 18-digit ID number; -1 if it has none. */
    static int age(String idNumber, LocalDate day) {
        if (idNumber == null || idNumber.length() != 18) {
            return -1;
        }
        try {
            LocalDate birth = LocalDate.parse(idNumber.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
            return birth.isAfter(day) ? 0 : Period.between(birth, day).getYears();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    private static final class Counter {
        long elderly;
        long adults;
        long working;
        long unemployed;
        long unable;
        long otherAdults;
        long minors;
        long disabled;

        void add(MonthlyFiguresQueries.Person p, LocalDate day) {
            int age = age(p.idNumber(), day);
            if (age >= ELDERLY_AGE) {
                elderly++;
            } else if (age >= ADULT_AGE || age < 0) {
                adults++;
                switch (employment(p.employmentStatus())) {
                    case "WORKING" -> working++;
                    case "UNEMPLOYED" -> unemployed++;
                    case "UNABLE" -> unable++;
                    default -> otherAdults++;
                }
            } else {
                minors++;
            }
            if (p.disabilityLevel() != null && !DisabilityLevel.NONE.name().equals(p.disabilityLevel())) {
                disabled++;
            }
        }

        private static String employment(String status) {
            if (status == null) {
                return "OTHER";
            }
            return switch (EmploymentStatus.valueOf(status)) {
                case EMPLOYED, FLEXIBLE, FARMING -> "WORKING";
                case UNEMPLOYED -> "UNEMPLOYED";
                case UNABLE_TO_WORK -> "UNABLE";
                default -> "OTHER";
            };
        }

        MonthlyFigures.Breakdown breakdown() {
            return new MonthlyFigures.Breakdown(elderly, adults, working, unemployed, unable, otherAdults, minors, disabled);
        }
    }
}

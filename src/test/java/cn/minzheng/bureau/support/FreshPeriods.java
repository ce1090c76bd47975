package cn.minzheng.bureau.support;

import java.time.YearMonth;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Years and months far ahead that no other test of the run is given. A payroll pays every active enrolment of its
 * program and month, and yearly figures add up every payroll of their year: two tests that drew the same month at
 * random shared one payroll, and the second found no payment of its own (it happened in CI). Each test is given a
 * year of its own, and the years on either side stay unused, because tests also look at last December or take the
 * months after theirs.
 */
public final class FreshPeriods {

    private static final int FIRST_YEAR = 2200;
    private static final int SPACING = 3;
    private static final int SLOTS = (9899 - FIRST_YEAR) / SPACING;
    /** Where this run starts, at random, so that runs on a kept PostgreSQL database seldom meet. */
    private static final int FIRST_SLOT = ThreadLocalRandom.current().nextInt(SLOTS);
    private static final AtomicInteger TAKEN = new AtomicInteger();

    private FreshPeriods() {
    }

    public static int year() {
        int taken = TAKEN.getAndIncrement();
        if (taken >= SLOTS) {
            throw new IllegalStateException("all " + SLOTS + " fresh years of this run are taken");
        }
        return FIRST_YEAR + 1 + (FIRST_SLOT + taken) % SLOTS * SPACING;
    }

    /** The given month of a fresh year. */
    public static YearMonth month(int monthOfYear) {
        return YearMonth.of(year(), monthOfYear);
    }

    /** A month of a fresh year, between the first and the last given (inclusive). */
    public static YearMonth monthBetween(int first, int last) {
        return month(ThreadLocalRandom.current().nextInt(first, last + 1));
    }

    /** Any month of a fresh year. */
    public static YearMonth month() {
        return monthBetween(1, 12);
    }
}

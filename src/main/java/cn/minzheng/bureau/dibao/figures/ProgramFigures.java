package cn.minzheng.bureau.dibao.figures;

import java.util.List;

/**
 * A program's figures of a year beside 低保's, in the same rows ({@link YearlyFigures.Row}): covered (a monthly
 * program: paid for its last benefit month of the year, {@code coveredMonth}; a one-off program: granted in the
 * year, {@code coveredMonth} null), added and ended enrolments (the row's {@code householdsCancelled} and
 * {@code peopleCancelled}), the money paid each month and in the year, per township and for the area.
 */
public record ProgramFigures(String programCode, String programName, String kindLabel, boolean monthly,
                             String coveredMonth, List<YearlyFigures.Row> townships, YearlyFigures.Row total) {

    public ProgramFigures {
        townships = List.copyOf(townships);
    }
}

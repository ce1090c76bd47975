package cn.minzheng.bureau.dibao.figures;

import java.math.BigDecimal;
import java.util.List;

/**
 * The 低保 figures of a year as the bureau's year-end summary gives them: households and people covered
 * (at the last month of the year with a payroll), added and cancelled, and the money paid each month and in
 * total, per township and for the whole area.
 */
public record YearlyFigures(int year, String areaCode, String areaName, String coveredMonth, List<Row> townships, Row total) {

    public record Row(String townshipCode, String townshipName, long householdsCovered, long peopleCovered,
                      long householdsAdded, long peopleAdded, long householdsCancelled, long peopleCancelled,
                      List<BigDecimal> paidByMonth, BigDecimal paidInYear) {
    }
}

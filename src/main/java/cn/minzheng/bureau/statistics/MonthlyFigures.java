package cn.minzheng.bureau.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import cn.minzheng.bureau.common.Money;

/**
 * The figures of one month's return (民政统计月报): a sheet per program, a row per township with its urban or rural
 * kind, subtotals of urban and rural townships and the district total. Frozen as JSON when a version is prepared.
 */
public record MonthlyFigures(String month, String districtName, List<Sheet> sheets) {

    public MonthlyFigures {
        sheets = List.copyOf(sheets);
    }

    public Sheet sheet(String programCode) {
        return sheets.stream().filter(s -> s.programCode().equals(programCode)).findFirst().orElseThrow();
    }

    /**
     * One program. {@code oneOff}: a grant program (临时救助), whose "households" are those granted in the month.
     * {@code total} is the district's own count (not the sum of the rows), so the check "合计 = 各乡镇之和" can fail
     * when a payment names no township of the district.
     */
    public record Sheet(String programCode, String programName, boolean oneOff, List<Row> rows, Row urban, Row rural,
                        Row total) {

        public Sheet {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One line of a sheet. households / persons: at month end (paid for the month; for a grant: granted in the month);
     * added / ended: households and persons that came in (first paid for the month, or paid again after an end) or
     * ended (status history) in the month; paid: yuan paid out in the month and not returned by the bank.
     * {@code breakdown}, {@code yearToDate} and {@code averageStandard} came with the second layout of the return:
     * a version stored before them has none (null), and its workbook is rendered without their columns.
     * {@code averageStandard} is also null where the program has no standard (临时救助).
     */
    public record Row(String areaCode, String areaName, String areaType, long households, long persons,
                      long addedHouseholds, long addedPersons, long endedHouseholds, long endedPersons, BigDecimal paid,
                      Breakdown breakdown, YearToDate yearToDate, BigDecimal averageStandard) {

        /** Yuan paid per person at month end, two places; 0 without persons. */
        public BigDecimal averagePerPerson() {
            return persons == 0 ? Money.ZERO : paid.divide(BigDecimal.valueOf(persons), 2, RoundingMode.HALF_UP);
        }

        Row plus(Row other, String code, String name, String type) {
            return new Row(code, name, type, households + other.households, persons + other.persons,
                    addedHouseholds + other.addedHouseholds, addedPersons + other.addedPersons,
                    endedHouseholds + other.endedHouseholds, endedPersons + other.endedPersons, paid.add(other.paid),
                    breakdown == null || other.breakdown == null ? null : breakdown.plus(other.breakdown),
                    yearToDate == null || other.yearToDate == null ? null : yearToDate.plus(other.yearToDate),
                    averageStandard);
        }

        Row withAverageStandard(BigDecimal standard) {
            return new Row(areaCode, areaName, areaType, households, persons, addedHouseholds, addedPersons,
                    endedHouseholds, endedPersons, paid, breakdown, yearToDate, standard);
        }

        static Row empty(String code, String name, String type) {
            return new Row(code, name, type, 0, 0, 0, 0, 0, 0, Money.ZERO, Breakdown.NONE, YearToDate.NONE, null);
        }
    }

    /**
     * Who the persons at month end are, from the members' records: by age at the month's last day (from the birth
     * date in the ID number) elderly (60 and over), adults (18 to 59) and minors (under 18), so
     * elderly + adults + minors counts every person found; adults by their recorded employment: in work (在职, 灵活就业,
     * 务农), unemployed (失业), without work ability (丧失劳动能力) and other (退休, 在校学生, or no member record to
     * tell); of all of them, people with a disability (any recorded level).
     */
    public record Breakdown(long elderly, long adults, long adultsWorking, long adultsUnemployed,
                            long adultsUnableToWork, long adultsOther, long minors, long disabled) {

        static final Breakdown NONE = new Breakdown(0, 0, 0, 0, 0, 0, 0, 0);

        /** Persons found: elderly + adults + minors. */
        public long counted() {
            return elderly + adults + minors;
        }

        Breakdown plus(Breakdown o) {
            return new Breakdown(elderly + o.elderly, adults + o.adults, adultsWorking + o.adultsWorking,
                    adultsUnemployed + o.adultsUnemployed, adultsUnableToWork + o.adultsUnableToWork,
                    adultsOther + o.adultsOther, minors + o.minors, disabled + o.disabled);
        }
    }

    /**
     * The year so far (January to the month): yuan paid by the payrolls of those months and not returned, and
     * person-times (人次): the persons at month end summed over those months.
     */
    public record YearToDate(BigDecimal paid, long personTimes) {

        static final YearToDate NONE = new YearToDate(Money.ZERO, 0);

        YearToDate plus(YearToDate o) {
            return new YearToDate(paid.add(o.paid), personTimes + o.personTimes);
        }
    }
}

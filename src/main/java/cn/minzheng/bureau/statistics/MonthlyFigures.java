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
     * added / ended: households and persons that came in (first paid for the month) or ended (status history) in the
     * month; paid: yuan paid out in the month and not returned by the bank.
     */
    public record Row(String areaCode, String areaName, String areaType, long households, long persons,
                      long addedHouseholds, long addedPersons, long endedHouseholds, long endedPersons, BigDecimal paid) {

        /** Yuan paid per person at month end, two places; 0 without persons. */
        public BigDecimal averagePerPerson() {
            return persons == 0 ? Money.ZERO : paid.divide(BigDecimal.valueOf(persons), 2, RoundingMode.HALF_UP);
        }

        Row plus(Row other, String code, String name, String type) {
            return new Row(code, name, type, households + other.households, persons + other.persons,
                    addedHouseholds + other.addedHouseholds, addedPersons + other.addedPersons,
                    endedHouseholds + other.endedHouseholds, endedPersons + other.endedPersons, paid.add(other.paid));
        }

        static Row empty(String code, String name, String type) {
            return new Row(code, name, type, 0, 0, 0, 0, 0, 0, Money.ZERO);
        }
    }
}

package cn.minzheng.bureau.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** One workbook row after validation: normalised values, the result and the reasons. */
final class StagedRow {

    enum Status { ACCEPTED, WARNING, REJECTED }

    final int rowNumber;
    final String householdKey;
    final List<String> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final TreeSet<Integer> badColumns = new TreeSet<>();

    String townshipCode;
    String communityCode;
    String address;
    String bankName;
    String bankAccount;
    String name;
    String idNumber;
    String relation;
    String employmentStatus;
    String disabilityLevel;
    BigDecimal wageIncome;
    BigDecimal otherIncome;
    String category;
    BigDecimal monthlyAmount;
    String startMonth;
    /** The disaster roster kind: the row's normalised values as JSON. */
    String payload;

    StagedRow(int rowNumber, String householdKey) {
        this.rowNumber = rowNumber;
        this.householdKey = householdKey;
    }

    void reject(int column, String message) {
        errors.add(message);
        if (column >= 0) {
            badColumns.add(column);
        }
    }

    void warn(int column, String message) {
        warnings.add(message);
        if (column >= 0) {
            badColumns.add(column);
        }
    }

    Status status() {
        return !errors.isEmpty() ? Status.REJECTED : !warnings.isEmpty() ? Status.WARNING : Status.ACCEPTED;
    }

    String messages() {
        List<String> all = new ArrayList<>(errors);
        warnings.forEach(w -> all.add("警告：" + w));
        String text = String.join("；", all);
        return text.length() > 2000 ? text.substring(0, 1997) + "……" : text;
    }

    String badColumnList() {
        return badColumns.isEmpty() ? null : String.join(",", badColumns.stream().map(String::valueOf).toList());
    }

    boolean isHead() {
        return "HEAD".equals(relation);
    }
}

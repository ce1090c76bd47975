package cn.minzheng.bureau.importing.kind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One workbook row after validation, as the staging table (import_row) keeps it: normalised values, the result
 * and the reasons. A roster kind fills the columns it has (the 低保 roster: the household and member columns;
 * a kind with other fields: {@link #payload}, its values as JSON); the import reads them back to commit.
 */
public final class StagedRow {

    public enum Status { ACCEPTED, WARNING, REJECTED }

    public final int rowNumber;
    /** Rows of one household follow each other with the same key; the commit hands a household's rows together. */
    public final String householdKey;
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final TreeSet<Integer> badColumns = new TreeSet<>();

    public String townshipCode;
    public String communityCode;
    public String address;
    public String bankName;
    public String bankAccount;
    public String name;
    public String idNumber;
    public String relation;
    public String employmentStatus;
    public String disabilityLevel;
    public BigDecimal wageIncome;
    public BigDecimal otherIncome;
    public String category;
    public BigDecimal monthlyAmount;
    public String startMonth;
    /** A kind's own values as JSON (the disaster roster's), where the columns above do not fit. */
    public String payload;

    public StagedRow(int rowNumber, String householdKey) {
        this.rowNumber = rowNumber;
        this.householdKey = householdKey;
    }

    public void reject(int column, String message) {
        errors.add(message);
        if (column >= 0) {
            badColumns.add(column);
        }
    }

    public void warn(int column, String message) {
        warnings.add(message);
        if (column >= 0) {
            badColumns.add(column);
        }
    }

    public Status status() {
        return !errors.isEmpty() ? Status.REJECTED : !warnings.isEmpty() ? Status.WARNING : Status.ACCEPTED;
    }

    public String messages() {
        List<String> all = new ArrayList<>(errors);
        warnings.forEach(w -> all.add("警告：" + w));
        String text = String.join("；", all);
        return text.length() > 2000 ? text.substring(0, 1997) + "……" : text;
    }

    public String badColumnList() {
        return badColumns.isEmpty() ? null : String.join(",", badColumns.stream().map(String::valueOf).toList());
    }

    public boolean isHead() {
        return "HEAD".equals(relation);
    }
}

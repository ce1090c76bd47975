package cn.minzheng.bureau.organisation;

/** The conclusion of a 年度检查, as published. */
public enum InspectionResult {

    QUALIFIED("合格"),
    BASICALLY_QUALIFIED("基本合格"),
    UNQUALIFIED("不合格"),
    /** The report did not come in by the deadline: published as such, and 责令整改 follows. */
    NOT_SUBMITTED("未按期参加年检");

    private final String label;

    InspectionResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

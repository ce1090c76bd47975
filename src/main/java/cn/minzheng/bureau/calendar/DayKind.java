package cn.minzheng.bureau.calendar;

/** How a day differs from a plain Monday-to-Friday week. */
public enum DayKind {
    /** A day off: a statutory holiday, or a weekday moved by 调休. */
    HOLIDAY("放假"),
    /** A weekend day that is worked (调休上班). */
    WORKDAY("调休上班");

    private final String label;

    DayKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

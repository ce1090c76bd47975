package cn.minzheng.bureau.linshi;

import cn.minzheng.bureau.household.Labelled;

/** The necessary spending of a 支出型 application. */
public enum SpendingType implements Labelled {
    MEDICAL("医疗支出"),
    EDUCATION("教育支出"),
    OTHER("其他必需支出");

    private final String label;

    SpendingType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

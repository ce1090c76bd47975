package cn.minzheng.bureau.program;

import cn.minzheng.bureau.household.Labelled;

/** How a program pays: an amount every month, or a single grant. */
public enum ProgramKind implements Labelled {
    MONTHLY("按月发放"),
    ONE_OFF("一次性发放");

    private final String label;

    ProgramKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package cn.minzheng.bureau.youfu;

import cn.minzheng.bureau.household.Labelled;

/** Where an application of youfu-change stands. */
public enum YoufuChangeStatus implements Labelled {
    APPLIED("变更办理中"),
    APPROVED("已批准"),
    REFUSED("未批准");

    private final String label;

    YoufuChangeStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

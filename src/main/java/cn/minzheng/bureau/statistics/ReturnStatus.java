package cn.minzheng.bureau.statistics;

import cn.minzheng.bureau.household.Labelled;

/** Where a version of a month's return stands. */
public enum ReturnStatus implements Labelled {
    PREPARED("待核对"),
    CHECKED("待审批"),
    RETURNED("已退回"),
    SUPERSEDED("已重新生成"),
    SUBMITTED("已报出");

    private final String label;

    ReturnStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

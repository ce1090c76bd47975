package cn.minzheng.bureau.funeral;

import cn.minzheng.bureau.household.Labelled;

/** Where a death record stands: registered by the clerk, confirmed by the township reviewer, or refused. */
public enum DeathStatus implements Labelled {
    REGISTERED("待审核"),
    CONFIRMED("已确认"),
    REFUSED("未确认");

    private final String label;

    DeathStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package cn.minzheng.bureau.funeral.benefits;

import cn.minzheng.bureau.household.Labelled;

/** Where a fee waiver claim stands. */
public enum ClaimStatus implements Labelled {
    SUBMITTED("待乡镇（街道）核实"),
    VERIFIED("待月度结算"),
    REFUSED("不予减免"),
    SETTLED("已结算");

    private final String label;

    ClaimStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

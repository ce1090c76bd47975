package cn.minzheng.bureau.resettlement;

import cn.minzheng.bureau.household.Labelled;

/** Where a registration stands. */
public enum ResettlementStatus implements Labelled {
    REGISTERED("已报到登记，待区民政局审核"),
    REFUSED("区民政局退回"),
    GRANT_LISTED("自主就业，一次性经济补助已列入发放"),
    UNIT_ASSIGNED("已安排接收单位，待报到"),
    REPORTED_IN("已到接收单位报到，结案"),
    HANDED_OVER("已移交退休或供养安置");

    private final String label;

    ResettlementStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

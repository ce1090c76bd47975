package cn.minzheng.bureau.relief;

import cn.minzheng.bureau.household.Labelled;

public enum DisasterStatus implements Labelled {
    REGISTERED("已登记，核查中"),
    VERIFIED("灾情已核实"),
    FUND_REQUESTED("已核报并申请资金"),
    FUND_RECEIVED("市级资金已下达"),
    ALLOCATED("资金已分配待审批"),
    APPROVED("分配方案已批准"),
    PAID("已发放"),
    CLOSED("已完成");

    private final String label;

    DisasterStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

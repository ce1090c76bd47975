package cn.minzheng.bureau.payroll;

import cn.minzheng.bureau.household.Labelled;

/** Where a monthly payroll stands; payments may be issued only from APPROVED on. */
public enum PayrollStatus implements Labelled {
    COMPUTING("计算中"),
    CHECKING("财务核对中"),
    AWAITING_APPROVAL("待区民政局审批"),
    APPROVED("已审批（待发放）"),
    ISSUED("已发放（待银行回盘）"),
    RECONCILED("已对账");

    private final String label;

    PayrollStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean approved() {
        return this == APPROVED || this == ISSUED || this == RECONCILED;
    }
}

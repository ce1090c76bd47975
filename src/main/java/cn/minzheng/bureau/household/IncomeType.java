package cn.minzheng.bureau.household;

/**
 * Income items of the income calculation method (城镇居民家庭收入测算办法).
 * Counted: wages, net business income, pensions, net property income, transfers such as
 * maintenance paid by relatives, other regular income, and hidden income the survey finds.
 * Not counted (EXEMPT): the 低保 benefit itself, disability allowances (残疾人两项补贴),
 * veterans' and martyrs' pensions (优抚金), scholarships and one-off awards, medical reimbursements.
 */
public enum IncomeType implements Labelled {
    WAGE("工资性收入", true),
    BUSINESS("经营净收入", true),
    PENSION("养老金", true),
    PROPERTY("财产净收入", true),
    TRANSFER("转移性收入", true),
    OTHER("其他收入", true),
    HIDDEN("隐性收入（调查核实）", true),
    EXEMPT("不计入收入的补贴", false);

    private final String label;
    private final boolean counted;

    IncomeType(String label, boolean counted) {
        this.label = label;
        this.counted = counted;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean counted() {
        return counted;
    }
}

package cn.minzheng.bureau.household;

/**
 * Income items of the income calculation method (城镇居民家庭收入测算办法).
 * Counted: wages, net business income, pensions, net property income, transfers such as
 * maintenance paid by relatives, other regular income, and hidden income the survey finds.
 * Not counted (EXEMPT): the 低保 benefit itself, disability allowances (残疾人两项补贴),
 * veterans' and martyrs' pensions (优抚金), scholarships and one-off awards, medical reimbursements.
 * Two items only the 低保 income calculation adds, never declared: what legal supporters outside the household
 * must contribute, and the employment-cost deduction of members in work (a negative amount).
 */
public enum IncomeType implements Labelled {
    WAGE("工资性收入", true),
    BUSINESS("经营净收入", true),
    PENSION("养老金", true),
    PROPERTY("财产净收入", true),
    TRANSFER("转移性收入", true),
    OTHER("其他收入", true),
    HIDDEN("隐性收入（调查核实）", true),
    EXEMPT("不计入收入的补贴", false),
    SUPPORTER_CONTRIBUTION("赡养（抚养、扶养）义务人应给付的费用", true),
    EMPLOYMENT_COST_DEDUCTION("必要就业成本扣减", true);

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

    /** Whether a household declares it; the calculated items are refused on a form. */
    public boolean declarable() {
        return this != SUPPORTER_CONTRIBUTION && this != EMPLOYMENT_COST_DEDUCTION;
    }
}

package cn.minzheng.bureau.linshi;

import cn.minzheng.bureau.household.Labelled;

/** Who decides a grant of this amount (linshi-approval in linshi-amount.dmn). */
public enum ApprovalLevel implements Labelled {
    TOWNSHIP("乡镇（街道）审批"),
    DISTRICT("区民政局审批"),
    CASE_BY_CASE("一事一议（区民政局两人审批）");

    private final String label;

    ApprovalLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

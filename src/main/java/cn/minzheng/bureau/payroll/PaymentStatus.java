package cn.minzheng.bureau.payroll;

import cn.minzheng.bureau.household.Labelled;

/** Where one payment (table payment) stands: computed, sent to the bank, or returned by it as failed. */
public enum PaymentStatus implements Labelled {
    PENDING("待发放"),
    ISSUED("已发放"),
    /** Returned by the bank; the next payroll pays it again (the same row). */
    FAILED("发放失败");

    private final String label;

    PaymentStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package cn.minzheng.bureau.common;

import java.math.BigDecimal;

/**
 * The sign-off rule of a township's distribution register: what it hands out must match what the township was
 * allotted exactly — more is refused as exceeding the allocation, less as not fully distributed. Used by the donation
 * campaign's register and by the 慰问 / in-kind distributions to enrolled groups.
 */
public final class ExactShare {

    private ExactShare() {
    }

    /** {@code what}: 现金, 棉衣 …; {@code unit}: 元, 件 …. */
    public static void check(String what, BigDecimal registered, BigDecimal allocated, String unit) {
        int compared = registered.compareTo(allocated);
        if (compared > 0) {
            throw new RuleViolation("EXCEEDS_ALLOCATION", "发放的" + what + "合计" + registered.toPlainString() + unit
                    + "，超过本乡镇（街道）分配的" + allocated.toPlainString() + unit);
        }
        if (compared < 0) {
            throw new RuleViolation("NOT_FULLY_DISTRIBUTED", "发放的" + what + "合计" + registered.toPlainString() + unit
                    + "，少于本乡镇（街道）分配的" + allocated.toPlainString() + unit + "，请全部登记发放");
        }
    }
}

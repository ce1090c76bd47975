package cn.minzheng.bureau.common;

import java.math.BigDecimal;

/** Whole numbers from forms and REST clients (people, rooms, pieces): no fractions, no negatives. */
public final class Quantities {

    private Quantities() {
    }

    public static long whole(Object value, String fieldLabel, long min, long max) {
        if (value == null || value.toString().isBlank()) {
            if (min > 0) {
                throw new RuleViolation("MISSING_FIELD", fieldLabel + "不能为空");
            }
            return 0;
        }
        BigDecimal number;
        try {
            number = value instanceof BigDecimal b ? b : new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new RuleViolation("INVALID_NUMBER", fieldLabel + "必须是数字，收到的是“" + value + "”");
        }
        if (number.signum() < 0) {
            throw new RuleViolation("NEGATIVE_QUANTITY", fieldLabel + "不能为负数");
        }
        if (number.stripTrailingZeros().scale() > 0) {
            throw new RuleViolation("FRACTIONAL_QUANTITY", fieldLabel + "必须是整数，不能有小数（收到“" + value + "”）");
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0) {
            throw new RuleViolation("QUANTITY_TOO_SMALL", fieldLabel + "不能小于" + min);
        }
        if (number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new RuleViolation("QUANTITY_TOO_LARGE", fieldLabel + "不能大于" + max + "，请核对");
        }
        return number.longValueExact();
    }
}

package cn.minzheng.bureau.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Yuan amounts: exact decimals with two places, rounded half-up where a division makes it necessary. */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    public static BigDecimal of(BigDecimal amount) {
        return amount == null ? ZERO : amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal of(String amount) {
        return of(new BigDecimal(amount));
    }

    /** Parses a number arriving from a form or a DMN result (Long, Double, String, BigDecimal). */
    public static BigDecimal parse(Object value, String fieldLabel) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return ZERO;
        }
        BigDecimal amount;
        try {
            amount = value instanceof BigDecimal b ? b : new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new RuleViolation("INVALID_AMOUNT", fieldLabel + "必须是数字（元），收到的是“" + value + "”");
        }
        if (amount.signum() < 0) {
            throw new RuleViolation("NEGATIVE_AMOUNT", fieldLabel + "不能为负数");
        }
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            throw new RuleViolation("INVALID_AMOUNT", fieldLabel + "最多保留两位小数（精确到分）");
        }
        if (amount.compareTo(new BigDecimal("100000000")) >= 0) {
            throw new RuleViolation("INVALID_AMOUNT", fieldLabel + "金额过大，请核对");
        }
        return of(amount);
    }

    public static String format(BigDecimal amount) {
        return of(amount).toPlainString();
    }
}

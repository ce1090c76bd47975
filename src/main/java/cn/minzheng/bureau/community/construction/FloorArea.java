package cn.minzheng.bureau.community.construction;

import java.math.BigDecimal;
import java.math.RoundingMode;

import cn.minzheng.bureau.common.RuleViolation;

/** A floor area in m² from a form: positive, at most two decimals. */
public final class FloorArea {

    private static final BigDecimal MAX = new BigDecimal("100000");

    private FloorArea() {
    }

    public static BigDecimal parse(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", label + "不能为空");
        }
        BigDecimal area;
        try {
            area = value instanceof BigDecimal b ? b : new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new RuleViolation("INVALID_NUMBER", label + "必须是数字，收到的是“" + value + "”");
        }
        if (area.signum() <= 0) {
            throw new RuleViolation("INVALID_AREA", label + "必须大于0");
        }
        if (area.stripTrailingZeros().scale() > 2) {
            throw new RuleViolation("INVALID_AREA", label + "最多保留两位小数");
        }
        if (area.compareTo(MAX) > 0) {
            throw new RuleViolation("INVALID_AREA", label + "不能超过100000平方米，请核对");
        }
        return area.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The area of a community office meets the standard (社区办公用房不少于…平方米). */
    public static BigDecimal atLeast(Object value, String label, BigDecimal minimum) {
        BigDecimal area = parse(value, label);
        if (area.compareTo(minimum) < 0) {
            throw new RuleViolation("AREA_BELOW_STANDARD",
                    label + "不得少于" + minimum.stripTrailingZeros().toPlainString() + "平方米（社区办公用房标准）");
        }
        return area;
    }
}

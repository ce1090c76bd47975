package cn.minzheng.bureau.funeral.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;

/** The arithmetic and date rules of 惠民殡葬 and 生态安葬, without the database. */
public final class FuneralRules {

    private FuneralRules() {
    }

    /** What is waived: each service's fee up to the standard's cap for it. */
    public static BigDecimal waived(Map<FeeService, BigDecimal> fees, Map<FeeService, BigDecimal> caps) {
        BigDecimal total = Money.ZERO;
        for (FeeService service : FeeService.values()) {
            BigDecimal fee = Money.of(fees.getOrDefault(service, BigDecimal.ZERO));
            BigDecimal cap = caps.get(service);
            if (cap == null) {
                throw new IllegalStateException("no standard for " + service);
            }
            total = total.add(fee.min(Money.of(cap)));
        }
        return total;
    }

    /** A settlement month: yyyy-MM, a month that has ended. */
    public static YearMonth settlementMonth(Object value, LocalDate today) {
        String text = value == null ? "" : value.toString().trim();
        if (text.isEmpty()) {
            throw new RuleViolation("MISSING_FIELD", "请填写结算月份");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("INVALID_MONTH", "结算月份“" + text + "”格式不正确，应为yyyy-MM，例如2026-03");
        }
        if (!month.isBefore(YearMonth.from(today))) {
            throw new RuleViolation("MONTH_NOT_ENDED", "只能结算已结束的月份，" + month + "尚未结束");
        }
        return month;
    }

    /** A burial date: on or after the death, not after today. */
    public static void checkBurialDate(LocalDate burial, LocalDate death, LocalDate today) {
        if (burial.isAfter(today)) {
            throw new RuleViolation("BURIAL_DATE_IN_FUTURE", "安葬日期" + burial + "晚于今天");
        }
        if (burial.isBefore(death)) {
            throw new RuleViolation("BURIAL_BEFORE_DEATH", "安葬日期" + burial + "早于死亡日期" + death);
        }
    }
}

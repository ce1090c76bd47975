package cn.minzheng.bureau.payroll;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import cn.minzheng.bureau.common.RuleViolation;

/** A payroll month as the user gives it: "2026-05". */
public final class PayrollMonth {

    private PayrollMonth() {
    }

    public static YearMonth parse(Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_MONTH", "请填写发放月份（格式：2026-05）");
        }
        String text = value.toString().trim();
        if (!text.matches("\\d{4}-\\d{2}")) {
            throw new RuleViolation("INVALID_MONTH", "发放月份格式不正确，应为“年-月”，如2026-05，收到的是“" + text + "”");
        }
        try {
            YearMonth month = YearMonth.parse(text);
            if (month.getYear() < 2000) {
                throw new RuleViolation("INVALID_MONTH", "发放月份不能早于2000年");
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new RuleViolation("INVALID_MONTH", "发放月份不存在：“" + text + "”");
        }
    }
}

package cn.minzheng.bureau.funeral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

import cn.minzheng.bureau.common.FormDate;
import cn.minzheng.bureau.common.RuleViolation;

/** The rules of a death record that need no table: the death date, the burial, and which months were overpaid. */
public final class DeathRules {

    private DeathRules() {
    }

    /** The death date as a form or a REST client sends it (yyyy-MM-dd, or a date-time whose day counts). */
    public static LocalDate parseDate(Object value) {
        return FormDate.parse(value, "死亡日期");
    }

    /** A death is neither after today nor before the person was born (the birth date of the ID number). */
    public static void checkDeathDate(LocalDate birthDate, LocalDate deathDate, LocalDate today) {
        if (deathDate.isAfter(today)) {
            throw new RuleViolation("DEATH_DATE_IN_FUTURE", "死亡日期" + deathDate + "晚于今天（" + today
                    + "），不能登记尚未发生的死亡");
        }
        if (deathDate.isBefore(birthDate)) {
            throw new RuleViolation("DEATH_BEFORE_BIRTH", "死亡日期" + deathDate + "早于出生日期" + birthDate
                    + "（按身份证号码），请核对");
        }
    }

    /** A burial kind that follows a cremation needs the cremation; 土葬 contradicts one. */
    public static void checkBurial(boolean cremated, BurialKind kind) {
        if (kind.afterCremation() && !cremated) {
            throw new RuleViolation("BURIAL_NEEDS_CREMATION", "安葬方式“" + kind.label() + "”须在火化之后，请核对是否火化");
        }
        if (kind == BurialKind.INTERMENT && cremated) {
            throw new RuleViolation("BURIAL_CONTRADICTS_CREMATION", "已火化的不能登记为土葬，请选择骨灰的安葬方式");
        }
    }

    /** The last month a benefit is due: a benefit ends at the end of the month of death. */
    public static YearMonth lastMonthDue(LocalDate deathDate) {
        return YearMonth.from(deathDate);
    }

    /** A payment of one benefit month, as the payment table has it. */
    public record Payment(long paymentId, Long enrolmentId, String programCode, String benefitMonth, BigDecimal amount,
                          String status) {
    }

    /**
     * The payments that became overpayments: made (sent to the bank, {@code ISSUED}) for a benefit month after the
     * month of death, by month. A payment not yet sent ({@code PENDING}) or returned by the bank ({@code FAILED}) was
     * not paid out.
     */
    public static List<Payment> overpaid(List<Payment> payments, LocalDate deathDate) {
        String lastDue = lastMonthDue(deathDate).toString();
        return payments.stream()
                .filter(p -> "ISSUED".equals(p.status()) && p.benefitMonth().compareTo(lastDue) > 0)
                .sorted(Comparator.comparing(Payment::benefitMonth).thenComparing(Payment::paymentId))
                .toList();
    }
}

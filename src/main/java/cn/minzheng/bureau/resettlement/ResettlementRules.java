package cn.minzheng.bureau.resettlement;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

import cn.minzheng.bureau.common.FormDate;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.household.Labelled;
import cn.minzheng.bureau.youfu.DisabilityCause;

/**
 * The rules of an arrival registration (报到登记), one set for Tasklist's start form, the engine REST API and /api:
 * everything is checked before anything is written. Pure: the person's birth date, today and the arrival window
 * come in. Table-driven in ResettlementRulesTest.
 */
public final class ResettlementRules {

    /** 义务兵 serve two years (a shorter service counts as a whole year); 士官 are chosen after it. */
    static final int CONSCRIPT_MAX_YEARS = 2;
    static final int NCO_MIN_YEARS = 3;
    static final int MAX_YEARS = 40;
    /** The youngest age of enlistment (征兵: 年满18周岁, 17 as an exception; a year's leeway). */
    static final int YOUNGEST_ENLISTMENT_AGE = 16;

    private ResettlementRules() {
    }

    /** What the start form (or /api) sends, as sent. */
    public record Form(Object dischargeDate, Object serviceBranch, Object serviceYears, Object rankKind, Object ncoGrade,
                       Object disabilityGrade, Object disabilityCause, Object merit, Object wartimeMerit,
                       Object martyrChild, Object lateReason) {
    }

    /** A registration's service record, checked. */
    public record ServiceRecord(LocalDate dischargeDate, ServiceBranch serviceBranch, int serviceYears, RankKind rankKind,
                                NcoGrade ncoGrade, Integer disabilityGrade, DisabilityCause disabilityCause, Merit merit,
                                boolean wartimeMerit, boolean martyrChild, boolean lateArrival, String lateReason) {

        /** Full years of age at discharge. */
        public int ageAtDischarge(LocalDate birthDate) {
            return Period.between(birthDate, dischargeDate).getYears();
        }
    }

    /**
     * Checks the form. {@code arrivalWindowDays}: the statutory window from discharge; a later registration is
     * still taken (逾期报到) but needs its reason.
     */
    public static ServiceRecord check(Form form, LocalDate birthDate, LocalDate today, int arrivalWindowDays) {
        RankKind rank = Labelled.parse(RankKind.class, form.rankKind(), "退役类别");
        if (rank == RankKind.OFFICER) {
            throw new RuleViolation("OFFICER_NOT_HANDLED", "军官（军队转业干部）的安置按军队转业干部安置的规定办理，"
                    + "不在退役士兵安置中登记；本流程只办理义务兵和士官");
        }
        NcoGrade grade = null;
        if (rank == RankKind.NCO) {
            grade = Labelled.parse(NcoGrade.class, form.ncoGrade(), "士官军衔");
        } else if (form.ncoGrade() != null && !form.ncoGrade().toString().isBlank()) {
            throw new RuleViolation("GRADE_NOT_APPLICABLE", "义务兵没有士官军衔，请不要填写士官军衔");
        }
        ServiceBranch branch = Labelled.parse(ServiceBranch.class, form.serviceBranch(), "服役部队（军种）");
        int years = wholeNumber(form.serviceYears(), "服役年限");
        if (years < 1 || years > MAX_YEARS) {
            throw new RuleViolation("INVALID_SERVICE_YEARS", "服役年限须为1至" + MAX_YEARS + "年（不满一年的按一年计），填写的是" + years);
        }
        if (rank == RankKind.CONSCRIPT && years > CONSCRIPT_MAX_YEARS) {
            throw new RuleViolation("INVALID_SERVICE_YEARS", "义务兵服役年限不超过" + CONSCRIPT_MAX_YEARS + "年，填写的是" + years
                    + "年；服役满两年后选取为士官的，请选择“士官”");
        }
        if (rank == RankKind.NCO && years < NCO_MIN_YEARS) {
            throw new RuleViolation("INVALID_SERVICE_YEARS", "士官服役年限至少" + NCO_MIN_YEARS + "年（含义务兵役两年），填写的是" + years + "年");
        }
        LocalDate discharge = FormDate.parse(form.dischargeDate(), "退役日期");
        if (discharge.isAfter(today)) {
            throw new RuleViolation("DISCHARGE_IN_FUTURE", "退役日期" + discharge + "晚于今天，尚未退出现役的不能报到登记");
        }
        if (discharge.minusYears(years).isBefore(birthDate.plusYears(YOUNGEST_ENLISTMENT_AGE))) {
            throw new RuleViolation("SERVICE_BEFORE_ENLISTMENT_AGE", "按退役日期" + discharge + "和服役年限" + years
                    + "年推算，入伍时未满" + YOUNGEST_ENLISTMENT_AGE + "周岁，请核对退役日期和服役年限");
        }
        Integer disability = optionalWholeNumber(form.disabilityGrade(), "残疾等级");
        DisabilityCause cause = null;
        if (disability != null) {
            if (disability < 1 || disability > 10) {
                throw new RuleViolation("INVALID_GRADE", "残疾等级须为1至10级，填写的是" + disability);
            }
            cause = Labelled.parse(DisabilityCause.class, form.disabilityCause(), "致残原因");
            if (disability > cause.lowestGrade()) {
                throw new RuleViolation("INVALID_GRADE", cause.label() + "致残只评定一至" + cause.lowestGrade() + "级，填写的是" + disability + "级");
            }
        } else if (form.disabilityCause() != null && !form.disabilityCause().toString().isBlank()) {
            throw new RuleViolation("GRADE_MISSING", "填写了致残原因，请同时填写残疾等级（1至10级）");
        }
        Merit merit = form.merit() == null || form.merit().toString().isBlank() ? Merit.NONE
                : Labelled.parse(Merit.class, form.merit(), "立功受奖");
        boolean wartime = flag(form.wartimeMerit());
        if (wartime && merit == Merit.NONE) {
            throw new RuleViolation("WARTIME_WITHOUT_MERIT", "勾选了“战时立功”，请同时选择所立的功（三等功以上）");
        }
        long days = ChronoUnit.DAYS.between(discharge, today);
        boolean late = days > arrivalWindowDays;
        String reason = TextRules.optional(form.lateReason(), "逾期报到原因", 500);
        if (late && reason == null) {
            throw new RuleViolation("LATE_REASON_MISSING", "自退役之日起已" + days + "天，超过" + arrivalWindowDays
                    + "天的报到期限，按逾期报到登记，须写明逾期原因");
        }
        return new ServiceRecord(discharge, branch, years, rank, grade, disability, cause, merit, wartime,
                flag(form.martyrChild()), late, late ? reason : null);
    }

    private static boolean flag(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value));
    }

    private static int wholeNumber(Object value, String label) {
        Integer n = optionalWholeNumber(value, label);
        if (n == null) {
            throw new RuleViolation("MISSING_FIELD", label + "不能为空");
        }
        return n;
    }

    private static Integer optionalWholeNumber(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().trim();
        try {
            double d = Double.parseDouble(text);
            if (d != Math.rint(d) || Math.abs(d) > 1000) {
                throw new RuleViolation("NOT_A_WHOLE_NUMBER", label + "须为整数，填写的是" + text);
            }
            return (int) d;
        } catch (NumberFormatException e) {
            throw new RuleViolation("NOT_A_WHOLE_NUMBER", label + "须为整数，填写的是" + text);
        }
    }
}

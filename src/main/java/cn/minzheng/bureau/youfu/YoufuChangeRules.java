package cn.minzheng.bureau.youfu;

import java.time.LocalDate;
import java.time.YearMonth;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.household.Labelled;

/**
 * The rules of a change of a registration, without the database: a grade change of a 残疾军人 or a change of category
 * meets the evidence rules of a registration ({@link YoufuRules}: certificate number, grade 1–10, the category's
 * dates) and must change something; a move out of the district needs its date and destination. One rule set for
 * Tasklist's start form, the engine REST API and /api; each refusal is thrown before anything is written.
 */
public final class YoufuChangeRules {

    /** An application as submitted: raw values; {@code evidence} is the new evidence (grade and category changes). */
    public record Form(Object kind, Object reason, YoufuRules.Form evidence, Object movedOn, Object destination) {
    }

    /** The checked application: the new evidence, or the move. */
    public record Checked(YoufuChangeKind kind, String reason, YoufuRules.Evidence evidence, LocalDate movedOn,
                          String destination) {
    }

    private YoufuChangeRules() {
    }

    public static Checked check(Form form, YoufuRecipient current, YoufuRules.Person person, LocalDate today) {
        YoufuChangeKind kind = Labelled.parse(YoufuChangeKind.class, form.kind(), "变更事项");
        if (current.status() != YoufuStatus.ACTIVE) {
            throw new RuleViolation("RECIPIENT_STATUS", current.personName() + "的优抚对象登记" + current.caseNumber()
                    + "当前为“" + current.status().label() + "”，只有享受中的优抚对象可以办理变更", 409);
        }
        String reason = TextRules.required(form.reason(), "变更理由", 1000);
        return switch (kind) {
            case GRADE -> grade(form, current, person, today, reason);
            case CATEGORY -> category(form, current, person, today, reason);
            case MOVE_OUT -> moveOut(form, current, today, reason);
        };
    }

    private static Checked grade(Form form, YoufuRecipient current, YoufuRules.Person person, LocalDate today,
                                 String reason) {
        if (current.category() != YoufuCategory.DISABLED_SOLDIER) {
            throw new RuleViolation("GRADE_NOT_APPLICABLE", current.personName() + "登记为" + current.category().label()
                    + "，只有残疾军人可以调整伤残等级；改为残疾军人请选择“" + YoufuChangeKind.CATEGORY.label() + "”");
        }
        YoufuRules.Form f = form.evidence();
        Object category = f.category() == null || f.category().toString().isBlank()
                ? YoufuCategory.DISABLED_SOLDIER.name() : f.category();
        if (!YoufuCategory.DISABLED_SOLDIER.name().equals(category.toString().trim())) {
            throw new RuleViolation("CATEGORY_NOT_CHANGED_HERE", "伤残等级调整不改变类别；改变类别请选择“"
                    + YoufuChangeKind.CATEGORY.label() + "”");
        }
        YoufuRules.Evidence e = YoufuRules.evidence(new YoufuRules.Form(category, f.certificateNumber(),
                f.disabilityGrade(), f.disabilityCause(), f.assessedDate(), null, null, null, null), person, today);
        if (e.disabilityGrade().equals(current.disabilityGrade()) && e.disabilityCause() == current.disabilityCause()) {
            throw new RuleViolation("NOTHING_CHANGED", "新评定的伤残等级与现登记相同（" + current.disabilityCause().label()
                    + YoufuRules.chineseGrade(current.disabilityGrade()) + "），无需调整");
        }
        if (current.assessedDate() != null && !e.assessedDate().isAfter(current.assessedDate())) {
            throw new RuleViolation("INVALID_DATE", "新的评定伤残等级日期" + e.assessedDate() + "须晚于原评定日期"
                    + current.assessedDate());
        }
        return new Checked(YoufuChangeKind.GRADE, reason, e, null, null);
    }

    private static Checked category(Form form, YoufuRecipient current, YoufuRules.Person person, LocalDate today,
                                    String reason) {
        YoufuRules.Evidence e = YoufuRules.evidence(form.evidence(), person, today);
        if (e.category() == current.category()) {
            throw new RuleViolation("NOTHING_CHANGED", current.personName() + "已登记为" + current.category().label()
                    + "，类别没有变化" + (e.category() == YoufuCategory.DISABLED_SOLDIER
                    ? "；调整伤残等级请选择“" + YoufuChangeKind.GRADE.label() + "”" : ""));
        }
        return new Checked(YoufuChangeKind.CATEGORY, reason, e, null, null);
    }

    private static Checked moveOut(Form form, YoufuRecipient current, LocalDate today, String reason) {
        LocalDate movedOn = YoufuRules.date(form.movedOn(), "迁出日期");
        if (movedOn.isAfter(today)) {
            throw new RuleViolation("INVALID_DATE", "迁出日期" + movedOn + "不能晚于今天：户籍迁出后再办理");
        }
        if (current.startMonth() != null && YearMonth.from(movedOn).isBefore(YearMonth.parse(current.startMonth()))) {
            throw new RuleViolation("INVALID_DATE", "迁出日期" + movedOn + "不能早于开始发放的月份" + current.startMonth());
        }
        String destination = TextRules.required(form.destination(), "迁往地（省市县）", 100);
        return new Checked(YoufuChangeKind.MOVE_OUT, reason, null, movedOn, destination);
    }
}

package cn.minzheng.bureau.youfu;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.regex.Pattern;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.household.Labelled;
import cn.minzheng.bureau.household.Problems;

/**
 * The rules of a registration as 优抚对象, without the database: the certificate number in its form, the grade and
 * cause of a 残疾军人, the dates each category needs. One rule set for Tasklist's start form, the engine REST API
 * and /api; each refusal is a Chinese 400 thrown before anything is written.
 */
public final class YoufuRules {

    /** The provinces' one-character abbreviations a certificate number starts with. */
    static final String PROVINCES = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新";
    /** 在乡老复员军人: enlisted on or before this day (复员 before the 1955 military service system). */
    static final LocalDate LAST_DEMOBILISED_ENLISTMENT = LocalDate.of(1954, 10, 31);
    static final int RURAL_VETERAN_AGE = 60;

    /** A registration as submitted (start form, REST): raw values. */
    public record Form(Object category, Object certificateNumber, Object disabilityGrade, Object disabilityCause,
                       Object assessedDate, Object deceasedName, Object deathDate, Object enlistmentDate,
                       Object dischargeDate) {
    }

    /** The person as the household register holds them. */
    public record Person(String name, LocalDate birthDate, boolean rural) {
    }

    /** The checked evidence: only what the category needs is kept. */
    public record Evidence(YoufuCategory category, String certificateNumber, Integer disabilityGrade,
                           DisabilityCause disabilityCause, LocalDate assessedDate, String deceasedName,
                           LocalDate deathDate, LocalDate enlistmentDate, LocalDate dischargeDate) {
    }

    private YoufuRules() {
    }

    /**
     * Where each field's problems are reported: the columns of an import template (-1: none, as for a form).
     * The age and the rural township of a 农村60周岁以上退役士兵 are reported at the category.
     */
    public record Columns(int category, int certificate, int grade, int cause, int assessed, int deceasedName,
                          int deathDate, int enlistment, int discharge) {
        static final Columns NONE = new Columns(-1, -1, -1, -1, -1, -1, -1, -1, -1);
    }

    /** A form's evidence: the first problem throws a {@link RuleViolation}. */
    public static Evidence evidence(Form form, Person person, LocalDate today) {
        return evidence(form, person, today, Columns.NONE, Problems.firstThrows(""));
    }

    /**
     * The evidence checked field by field, every problem reported to {@code problems} at its column (an import row
     * collects them all; a form throws on the first); null when there was any.
     */
    public static Evidence evidence(Form form, Person person, LocalDate today, Columns at, Problems problems) {
        YoufuCategory category = problems.parse(at.category(),
                () -> Labelled.parse(YoufuCategory.class, blankToNull(form.category()), "优抚对象类别"));
        if (category == null) {
            return null;
        }
        int before = problems.list().size();
        String certificate = problems.parse(at.certificate(), () -> certificateNumber(category, form.certificateNumber()));
        if (category.evidence() != YoufuCategory.Evidence.DISABILITY) {
            if (!isBlank(form.disabilityGrade())) {
                problems.add("GRADE_NOT_APPLICABLE", at.grade(),
                        category.label() + "没有伤残等级，只有残疾军人评定伤残等级，请不要填写");
            }
            if (!isBlank(form.disabilityCause())) {
                problems.add("GRADE_NOT_APPLICABLE", at.cause(), category.label() + "没有致残原因，只有残疾军人填写致残原因");
            }
        }
        Evidence evidence = switch (category.evidence()) {
            case DISABILITY -> disability(form, person, today, category, certificate, at, problems);
            case DEATH -> death(form, today, category, certificate, at, problems);
            case SERVICE -> service(form, person, today, category, certificate, at, problems);
        };
        return problems.list().size() > before ? null : evidence;
    }

    private static Evidence disability(Form form, Person person, LocalDate today, YoufuCategory category,
                                       String certificate, Columns at, Problems problems) {
        Integer grade = problems.parse(at.grade(), () -> grade(form.disabilityGrade()));
        DisabilityCause cause = null;
        if (isBlank(form.disabilityCause())) {
            problems.add("MISSING_EVIDENCE", at.cause(), "请选择致残原因（因战、因公或因病）");
        } else {
            cause = problems.parse(at.cause(),
                    () -> Labelled.parse(DisabilityCause.class, form.disabilityCause(), "致残原因"));
        }
        if (grade != null && cause != null && grade > cause.lowestGrade()) {
            problems.add("INVALID_GRADE", at.grade(), cause.label() + "致残的残疾军人只评定一级至"
                    + chineseGrade(cause.lowestGrade()) + "，不能为" + chineseGrade(grade));
        }
        LocalDate assessed = problems.parse(at.assessed(), () -> date(form.assessedDate(), "评定伤残等级日期"));
        if (assessed != null) {
            notFuture(assessed, today, "评定伤残等级日期", at.assessed(), problems);
            notBefore(assessed, person.birthDate(), "评定伤残等级日期", "出生日期", at.assessed(), problems);
        }
        return new Evidence(category, certificate, grade, cause, assessed, null, null, null, null);
    }

    private static Evidence death(Form form, LocalDate today, YoufuCategory category, String certificate, Columns at,
                                  Problems problems) {
        String deceased = problems.parse(at.deceasedName(),
                () -> TextRules.required(form.deceasedName(), "牺牲（病故）军人姓名", 30));
        LocalDate died = problems.parse(at.deathDate(), () -> date(form.deathDate(),
                category == YoufuCategory.ILLNESS_DEATH_SURVIVOR ? "病故日期" : "牺牲日期"));
        if (died != null) {
            notFuture(died, today, "牺牲（病故）日期", at.deathDate(), problems);
        }
        return new Evidence(category, certificate, null, null, null, deceased, died, null, null);
    }

    private static Evidence service(Form form, Person person, LocalDate today, YoufuCategory category,
                                    String certificate, Columns at, Problems problems) {
        LocalDate enlisted = problems.parse(at.enlistment(), () -> date(form.enlistmentDate(), "入伍日期"));
        LocalDate discharged = problems.parse(at.discharge(), () -> date(form.dischargeDate(),
                category == YoufuCategory.DEMOBILISED_VETERAN ? "复员日期" : "退伍日期"));
        if (enlisted != null) {
            notBefore(enlisted, person.birthDate(), "入伍日期", "出生日期", at.enlistment(), problems);
        }
        if (enlisted != null && discharged != null && !discharged.isAfter(enlisted)) {
            problems.add("INVALID_DATE", at.discharge(), "退伍（复员）日期" + discharged + "须晚于入伍日期" + enlisted);
        }
        if (discharged != null) {
            notFuture(discharged, today, "退伍（复员）日期", at.discharge(), problems);
        }
        if (enlisted != null) {
            serviceRules(category, person, enlisted, today, at, problems);
        }
        return new Evidence(category, certificate, null, null, null, null, null, enlisted, discharged);
    }

    private static void serviceRules(YoufuCategory category, Person person, LocalDate enlisted, LocalDate today,
                                     Columns at, Problems problems) {
        if (category == YoufuCategory.DEMOBILISED_VETERAN && enlisted.isAfter(LAST_DEMOBILISED_ENLISTMENT)) {
            problems.add("NOT_QUALIFIED", at.enlistment(), "在乡老复员军人须为1954年10月31日以前入伍、后经批准复员的人员，"
                    + person.name() + "的入伍日期为" + enlisted);
        }
        if (category == YoufuCategory.RURAL_VETERAN_60) {
            if (!enlisted.isAfter(LAST_DEMOBILISED_ENLISTMENT)) {
                problems.add("NOT_QUALIFIED", at.enlistment(), "农村退役士兵老年生活补助适用于1954年11月1日以后入伍的义务兵，"
                        + person.name() + "的入伍日期为" + enlisted + "，请按在乡老复员军人登记");
                return;
            }
            int age = Period.between(person.birthDate(), today).getYears();
            if (age < RURAL_VETERAN_AGE) {
                problems.add("NOT_QUALIFIED", at.category(), "农村退役士兵须年满60周岁，" + person.name() + "现年" + age + "周岁");
            }
            if (!person.rural()) {
                problems.add("NOT_QUALIFIED", at.category(), "农村退役士兵老年生活补助只发给农村户籍的退役士兵，"
                        + person.name() + "的户籍在街道办事处");
            }
        }
    }

    /** 冀军残字第012345号: the province, the certificate's word, 字第, six digits, 号. */
    static String certificateNumber(YoufuCategory category, Object raw) {
        if (isBlank(raw)) {
            throw new RuleViolation("MISSING_EVIDENCE", "请填写" + category.certificate() + "编号");
        }
        String number = raw.toString().trim();
        Pattern form = Pattern.compile("[" + PROVINCES + "]" + Pattern.quote(category.certificateCode()) + "字第\\d{6}号");
        if (!form.matcher(number).matches()) {
            throw new RuleViolation("INVALID_CERTIFICATE", category.certificate() + "编号“" + number
                    + "”格式不对，应为省份简称、“" + category.certificateCode() + "字第”、6位数字和“号”，如冀"
                    + category.certificateCode() + "字第012345号");
        }
        return number;
    }

    static int grade(Object raw) {
        if (isBlank(raw)) {
            throw new RuleViolation("MISSING_EVIDENCE", "请填写伤残等级（1至10级）");
        }
        int grade;
        try {
            BigDecimal value = new BigDecimal(raw.toString().trim());
            grade = value.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new RuleViolation("INVALID_GRADE", "伤残等级须为1至10的整数，填写的是“" + raw + "”");
        }
        if (grade < 1 || grade > 10) {
            throw new RuleViolation("INVALID_GRADE", "伤残等级须为1至10级，填写的是" + grade);
        }
        return grade;
    }

    static String chineseGrade(int grade) {
        return "一二三四五六七八九十".charAt(grade - 1) + "级";
    }

    static LocalDate date(Object raw, String label) {
        if (isBlank(raw)) {
            throw new RuleViolation("MISSING_EVIDENCE", "请填写" + label);
        }
        if (raw instanceof LocalDate d) {
            return d;
        }
        if (raw instanceof Date d) {
            return new java.sql.Date(d.getTime()).toLocalDate();
        }
        String text = raw.toString().trim();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("INVALID_DATE", label + "“" + text + "”不是有效日期（年-月-日）");
        }
    }

    private static void notFuture(LocalDate date, LocalDate today, String label, int column, Problems problems) {
        if (date.isAfter(today)) {
            problems.add("INVALID_DATE", column, label + date + "不能晚于今天");
        }
    }

    private static void notBefore(LocalDate date, LocalDate earliest, String label, String earliestLabel, int column,
                                  Problems problems) {
        if (date.isBefore(earliest)) {
            problems.add("INVALID_DATE", column, label + date + "不能早于" + earliestLabel + earliest);
        }
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }

    private static Object blankToNull(Object value) {
        return isBlank(value) ? null : value;
    }
}

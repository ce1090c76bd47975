package cn.minzheng.bureau.tekun;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;

/**
 * Who is a 特困人员 (特困人员认定办法): no work ability, no income source, and no legal supporter or one who
 * cannot support. No work ability: aged 60 or more, under 16, or a person with a severe disability (一、二级), or a
 * person with a mild disability assessed as unable to work. No income source: the person's counted income is
 * below the local 低保 standard. Every refusal is a Chinese 4xx naming what does not qualify.
 */
public final class TekunEligibility {

    /** 基本生活标准 is not below 1.3 × the local 低保 standard. */
    public static final BigDecimal BASIC_LIVING_FACTOR = new BigDecimal("1.3");

    private static final Set<EmploymentStatus> WORKING = Set.of(EmploymentStatus.EMPLOYED, EmploymentStatus.FLEXIBLE,
            EmploymentStatus.FARMING);

    private TekunEligibility() {
    }

    /** Why the person has no work ability, or a refusal. */
    public static QualifyingCondition condition(String name, LocalDate birthDate, LocalDate today,
                                                DisabilityLevel disability, EmploymentStatus employment) {
        int age = Period.between(birthDate, today).getYears();
        if (age >= 60) {
            return QualifyingCondition.ELDERLY;
        }
        if (age < 16) {
            return QualifyingCondition.MINOR;
        }
        if (WORKING.contains(employment)) {
            throw new RuleViolation("TEKUN_NOT_ELIGIBLE", name + age + "周岁，" + employment.label()
                    + "，有劳动能力，不符合特困人员认定条件");
        }
        if (disability == DisabilityLevel.SEVERE
                || (disability == DisabilityLevel.MILD && employment == EmploymentStatus.UNABLE_TO_WORK)) {
            return QualifyingCondition.DISABLED;
        }
        throw new RuleViolation("TEKUN_NOT_ELIGIBLE", name + age + "周岁，残疾等级：" + disability.label()
                + "，不符合特困人员认定条件：须年满60周岁、未满16周岁，或为重度残疾人、经认定丧失劳动能力的残疾人");
    }

    /** 无生活来源: the person's counted monthly income is below the local 低保 standard. */
    public static void requireNoIncomeSource(String name, BigDecimal countedIncome, BigDecimal dibaoStandard) {
        if (countedIncome.compareTo(dibaoStandard) >= 0) {
            throw new RuleViolation("TEKUN_NOT_ELIGIBLE", name + "月收入" + countedIncome.setScale(2, RoundingMode.HALF_UP)
                    + "元，不低于当地低保标准" + dibaoStandard.setScale(2, RoundingMode.HALF_UP) + "元，有生活来源，不符合特困人员认定条件");
        }
    }

    /** The supporter situation; one who cannot support needs the reason (e.g. the supporter is a 特困 or 低保 person). */
    public static String supporterNote(SupporterSituation situation, Object note) {
        String text = TextRules.optional(note, "义务人情况说明", 500);
        if (situation == SupporterSituation.UNABLE && text == null) {
            throw new RuleViolation("INVALID_APPLICATION", "法定义务人无赡养、抚养、扶养能力的，须说明义务人情况");
        }
        return text;
    }

    /** 集中供养 names the institution; 分散供养 names the carer and the care agreement. */
    public record CareArrangement(CareMode mode, String institution, String carerName, String careAgreement) {
    }

    public static CareArrangement careArrangement(CareMode mode, Object institution, Object carerName,
                                                  Object careAgreement) {
        if (mode == CareMode.CENTRALISED) {
            return new CareArrangement(mode, TextRules.required(institution, "供养服务机构名称", 100), null, null);
        }
        String carer = TextRules.required(carerName, "照料人姓名", 30);
        String problem = TextRules.nameProblem("照料人姓名", carer);
        if (problem != null) {
            throw new RuleViolation("INVALID_APPLICATION", problem);
        }
        return new CareArrangement(mode, null, carer, TextRules.required(careAgreement, "委托照料协议编号", 100));
    }

    /**
     * The consistency of the tables, as the wage anchors are checked: 基本生活标准 ≥ 1.3 × 低保标准. A DMN edit that
     * breaks it is a configuration error for the process manager, not something a clerk can fix.
     */
    public static void checkBasicLiving(BigDecimal basicLiving, BigDecimal dibaoStandard) {
        BigDecimal floor = dibaoStandard.multiply(BASIC_LIVING_FACTOR);
        if (basicLiving.compareTo(floor) < 0) {
            throw new IllegalStateException("tekun basic living standard " + basicLiving + " is below 1.3 x the dibao standard "
                    + dibaoStandard + " (" + floor + "): correct tekun-basic-living.dmn");
        }
    }
}

package cn.minzheng.bureau.tekun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;

/** Who qualifies for 特困供养, table by table, on a fixed day (2026-06-01). */
class TekunEligibilityTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @ParameterizedTest(name = "born {0}, {1}, {2}: {3}")
    @CsvSource({
            "1966-06-01, NONE,   RETIRED,        ELDERLY",   // 60 today
            "1940-01-01, NONE,   FARMING,        ELDERLY",   // farming at 86 does not make work ability
            "2010-06-02, NONE,   STUDENT,        MINOR",     // 15, turns 16 tomorrow
            "1980-03-01, SEVERE, UNABLE_TO_WORK, DISABLED",
            "1980-03-01, SEVERE, UNEMPLOYED,     DISABLED",
            "1980-03-01, MILD,   UNABLE_TO_WORK, DISABLED",
    })
    void qualifies(LocalDate birth, DisabilityLevel disability, EmploymentStatus employment, QualifyingCondition expected) {
        assertThat(TekunEligibility.condition("张三", birth, TODAY, disability, employment)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "born {0}, {1}, {2}: refused")
    @CsvSource({
            "1966-06-02, NONE,   UNABLE_TO_WORK, '张三59周岁，残疾等级：无，不符合特困人员认定条件：须年满60周岁、未满16周岁，或为重度残疾人、经认定丧失劳动能力的残疾人'",
            "2010-06-01, NONE,   STUDENT,        '张三16周岁，残疾等级：无，不符合特困人员认定条件：须年满60周岁、未满16周岁，或为重度残疾人、经认定丧失劳动能力的残疾人'",
            "1980-03-01, MILD,   UNEMPLOYED,     '张三46周岁，残疾等级：轻度（三、四级），不符合特困人员认定条件：须年满60周岁、未满16周岁，或为重度残疾人、经认定丧失劳动能力的残疾人'",
            "1980-03-01, SEVERE, EMPLOYED,       '张三46周岁，在职，有劳动能力，不符合特困人员认定条件'",
            "1990-01-01, NONE,   FLEXIBLE,       '张三36周岁，灵活就业，有劳动能力，不符合特困人员认定条件'",
    })
    void isRefused(LocalDate birth, DisabilityLevel disability, EmploymentStatus employment, String message) {
        assertThatThrownBy(() -> TekunEligibility.condition("张三", birth, TODAY, disability, employment))
                .isInstanceOf(RuleViolation.class).hasMessage(message);
    }

    @ParameterizedTest(name = "income {0}, standard {1}: no income source {2}")
    @CsvSource({"0, 520, true", "519.99, 520, true", "520, 520, false", "800, 700, false"})
    void incomeBelowTheDibaoStandardIsNoIncomeSource(BigDecimal income, BigDecimal standard, boolean eligible) {
        if (eligible) {
            TekunEligibility.requireNoIncomeSource("张三", income, standard);
        } else {
            assertThatThrownBy(() -> TekunEligibility.requireNoIncomeSource("张三", income, standard))
                    .hasMessageContaining("有生活来源");
        }
    }

    @ParameterizedTest(name = "basic {0}, dibao {1}: consistent {2}")
    @CsvSource({"910, 700, true", "676, 520, true", "680, 520, true", "675.99, 520, false", "909, 700, false"})
    void basicLivingIsAtLeastOnePointThreeTimesTheDibaoStandard(BigDecimal basic, BigDecimal dibao, boolean consistent) {
        if (consistent) {
            TekunEligibility.checkBasicLiving(basic, dibao);
        } else {
            assertThatThrownBy(() -> TekunEligibility.checkBasicLiving(basic, dibao)).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest(name = "{0}: {1} / {2} / {3}")
    @CsvSource({
            "CENTRALISED, 岳村乡敬老院, , , ''",
            "CENTRALISED, ,  , , 供养服务机构名称不能为空",
            "DISPERSED,   , 王大妹, YC-2026-001, ''",
            "DISPERSED,   , , YC-2026-001, 照料人姓名不能为空",
            "DISPERSED,   , 王大妹, , 委托照料协议编号不能为空",
    })
    void careArrangementNamesItsInstitutionOrCarerAndAgreement(CareMode mode, String institution, String carer,
                                                               String agreement, String problem) {
        if (problem.isEmpty()) {
            TekunEligibility.CareArrangement care = TekunEligibility.careArrangement(mode, institution, carer, agreement);
            assertThat(care.mode()).isEqualTo(mode);
        } else {
            assertThatThrownBy(() -> TekunEligibility.careArrangement(mode, institution, carer, agreement))
                    .isInstanceOf(RuleViolation.class).hasMessage(problem);
        }
    }

    @ParameterizedTest(name = "{0}, note {1}")
    @CsvSource({"NONE, '', true", "UNABLE, 儿子本人为重度残疾人, true", "UNABLE, '', false"})
    void aSupporterWhoCannotSupportNeedsTheReason(SupporterSituation situation, String note, boolean ok) {
        if (ok) {
            TekunEligibility.supporterNote(situation, note);
        } else {
            assertThatThrownBy(() -> TekunEligibility.supporterNote(situation, note))
                    .hasMessage("法定义务人无赡养、抚养、扶养能力的，须说明义务人情况");
        }
    }
}

package cn.minzheng.bureau.resettlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.youfu.DisabilityCause;

/** The rules of an arrival registration, row by row: each row one submission and what is answered. */
class ResettlementRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private static final LocalDate BORN = LocalDate.of(2004, 3, 1);

    /** discharge, branch, years, rank, NCO grade, disability grade, cause, merit, wartime, late reason → message (contains). */
    @ParameterizedTest(name = "{0} {3} {2}y: {10}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "2026-12-06 | ARMY  | 2  | CONSCRIPT | -         | -  | -       | -           | -    | -    | 退役日期2026-12-06晚于今天",
            "2026-12-01 | ARMY  | 2  | OFFICER   | -         | -  | -       | -           | -    | -    | 军官（军队转业干部）的安置",
            "2026-12-01 | ARMY  | 2  | -         | -         | -  | -       | -           | -    | -    | 退役类别不能为空",
            "2026-12-01 | ARMY  | 2  | GENERAL   | -         | -  | -       | -           | -    | -    | 退役类别的取值“GENERAL”无效",
            "2026-12-01 | ARMY  | 6  | NCO       | -         | -  | -       | -           | -    | -    | 士官军衔不能为空",
            "2026-12-01 | ARMY  | 2  | CONSCRIPT | CORPORAL  | -  | -       | -           | -    | -    | 义务兵没有士官军衔",
            "2026-12-01 | -     | 2  | CONSCRIPT | -         | -  | -       | -           | -    | -    | 服役部队（军种）不能为空",
            "2026-12-01 | ARMY  | 3  | CONSCRIPT | -         | -  | -       | -           | -    | -    | 义务兵服役年限不超过2年",
            "2026-12-01 | ARMY  | 2  | NCO       | SERGEANT  | -  | -       | -           | -    | -    | 士官服役年限至少3年",
            "2026-12-01 | ARMY  | 0  | CONSCRIPT | -         | -  | -       | -           | -    | -    | 服役年限须为1至40年",
            "2026-12-01 | ARMY  | 1.5 | CONSCRIPT | -        | -  | -       | -           | -    | -    | 服役年限须为整数",
            "2026-12-01 | ARMY  | 8  | NCO       | SERGEANT  | -  | -       | -           | -    | -    | 入伍时未满16周岁",
            "2026-12-01 | ARMY  | 2  | CONSCRIPT | -         | 11 | WAR     | -           | -    | -    | 残疾等级须为1至10级，填写的是11",
            "2026-12-01 | ARMY  | 2  | CONSCRIPT | -         | 5  | -       | -           | -    | -    | 致残原因不能为空",
            "2026-12-01 | ARMY  | 2  | CONSCRIPT | -         | 8  | ILLNESS | -           | -    | -    | 因病致残只评定一至6级",
            "2026-12-01 | ARMY  | 2  | CONSCRIPT | -         | -  | WAR     | -           | -    | -    | 请同时填写残疾等级",
            "2026-12-01 | ARMY  | 2  | CONSCRIPT | -         | -  | -       | NONE        | true | -    | 请同时选择所立的功",
            // 30 days after discharge is in time; the 31st is late and needs its reason
            "2026-11-04 | ARMY  | 2  | CONSCRIPT | -         | -  | -       | -           | -    | -    | 自退役之日起已31天，超过30天的报到期限",
    })
    void badSubmissionsAreRefusedInChinese(String discharge, String branch, String years, String rank, String nco,
                                           String grade, String cause, String merit, String wartime, String late,
                                           String message) {
        ResettlementRules.Form form = new ResettlementRules.Form(discharge, branch, years, rank, nco, grade, cause, merit,
                wartime, null, late);
        assertThatThrownBy(() -> ResettlementRules.check(form, BORN, TODAY, 30))
                .isInstanceOf(RuleViolation.class).hasMessageContaining(message);
    }

    @Test
    void aRegistrationOnTheThirtiethDayIsInTimeAndOneLaterIsLateWithItsReason() {
        ResettlementRules.ServiceRecord inTime = ResettlementRules.check(new ResettlementRules.Form("2026-11-05", "NAVY",
                2L, "CONSCRIPT", null, null, null, null, null, null, null), BORN, TODAY, 30);
        assertThat(inTime.lateArrival()).isFalse();
        assertThat(inTime.lateReason()).isNull();
        assertThat(inTime.merit()).isEqualTo(Merit.NONE);

        ResettlementRules.ServiceRecord late = ResettlementRules.check(new ResettlementRules.Form("2026-09-01", "NAVY",
                2L, "CONSCRIPT", null, null, null, null, null, null, "住院治疗，持医院证明"), BORN, TODAY, 30);
        assertThat(late.lateArrival()).isTrue();
        assertThat(late.lateReason()).isEqualTo("住院治疗，持医院证明");
        // the window is a setting
        assertThat(ResettlementRules.check(new ResettlementRules.Form("2026-09-01", "NAVY", 2L, "CONSCRIPT", null, null,
                null, null, null, null, null), BORN, TODAY, 120).lateArrival()).isFalse();
    }

    @Test
    void anNcosRecordIsReadWithItsGradeDisabilityAndMerit() {
        ResettlementRules.ServiceRecord r = ResettlementRules.check(new ResettlementRules.Form("2026-11-20", "ROCKET_FORCE",
                "12", "NCO", "MASTER_SERGEANT_4", 6L, "WAR", "THIRD_CLASS", true, "true", null),
                LocalDate.of(1990, 5, 5), TODAY, 30);
        assertThat(r.rankKind()).isEqualTo(RankKind.NCO);
        assertThat(r.ncoGrade()).isEqualTo(NcoGrade.MASTER_SERGEANT_4);
        assertThat(r.ncoGrade().level()).isEqualTo("INTERMEDIATE");
        assertThat(r.serviceYears()).isEqualTo(12);
        assertThat(r.disabilityGrade()).isEqualTo(6);
        assertThat(r.disabilityCause()).isEqualTo(DisabilityCause.WAR);
        assertThat(r.wartimeMerit()).isTrue();
        assertThat(r.martyrChild()).isTrue();
        assertThat(r.ageAtDischarge(LocalDate.of(1990, 5, 5))).isEqualTo(36);
    }
}

package cn.minzheng.bureau.youfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.RuleViolation;

/** The rules of a registration, table by table: each row one submission and what is answered. */
class YoufuRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private static final YoufuRules.Person PERSON = new YoufuRules.Person("李卫国", LocalDate.of(1960, 3, 1), true);

    /** category, certificate, grade, cause, assessed, deceased, death, enlisted, discharged → message (contains). */
    @ParameterizedTest(name = "{0} {1} grade {2}: {9}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // the certificate number in its form
            "DISABLED_SOLDIER | -                  | 5  | WAR     | 1985-06-20 | -  | -          | -          | -          | 请填写残疾军人证编号",
            "DISABLED_SOLDIER | 豫军残字第31588号     | 5  | WAR     | 1985-06-20 | -  | -          | -          | -          | 残疾军人证编号“豫军残字第31588号”格式不对",
            "DISABLED_SOLDIER | 豫烈字第031588号     | 5  | WAR     | 1985-06-20 | -  | -          | -          | -          | 格式不对，应为省份简称、“军残字第”、6位数字和“号”",
            "DISABLED_SOLDIER | AB军残字第031588号   | 5  | WAR     | 1985-06-20 | -  | -          | -          | -          | 格式不对",
            "MARTYR_SURVIVOR  | 豫军残字第031588号    | -  | -       | -          | 王建军 | 1979-02-17 | -       | -          | 烈士证明书编号“豫军残字第031588号”格式不对",
            // the grade: 1 to 10, whole, required, 因病 only 1 to 6
            "DISABLED_SOLDIER | 豫军残字第031588号    | 11 | WAR     | 1985-06-20 | -  | -          | -          | -          | 伤残等级须为1至10级，填写的是11",
            "DISABLED_SOLDIER | 豫军残字第031588号    | 0  | WAR     | 1985-06-20 | -  | -          | -          | -          | 伤残等级须为1至10级，填写的是0",
            "DISABLED_SOLDIER | 豫军残字第031588号    | 2.5 | WAR    | 1985-06-20 | -  | -          | -          | -          | 伤残等级须为1至10的整数",
            "DISABLED_SOLDIER | 豫军残字第031588号    | 一级 | WAR    | 1985-06-20 | -  | -          | -          | -          | 伤残等级须为1至10的整数",
            "DISABLED_SOLDIER | 豫军残字第031588号    | -  | WAR     | 1985-06-20 | -  | -          | -          | -          | 请填写伤残等级",
            "DISABLED_SOLDIER | 豫军残字第031588号    | 7  | ILLNESS | 1985-06-20 | -  | -          | -          | -          | 因病致残的残疾军人只评定一级至六级，不能为七级",
            "DISABLED_SOLDIER | 豫军残字第031588号    | 5  | -       | 1985-06-20 | -  | -          | -          | -          | 请选择致残原因",
            "DISABLED_SOLDIER | 豫军残字第031588号    | 5  | WAR     | -          | -  | -          | -          | -          | 请填写评定伤残等级日期",
            "DISABLED_SOLDIER | 豫军残字第031588号    | 5  | WAR     | 2027-01-01 | -  | -          | -          | -          | 评定伤残等级日期2027-01-01不能晚于今天",
            "DISABLED_SOLDIER | 豫军残字第031588号    | 5  | WAR     | 1950-01-01 | -  | -          | -          | -          | 不能早于出生日期",
            // a grade on a category that has none
            "MARTYR_SURVIVOR  | 豫烈字第000417号     | 3  | -       | -          | 王建军 | 1979-02-17 | -       | -          | 烈士遗属没有伤残等级",
            "WAR_PARTICIPANT  | 豫退字第000417号     | -  | WAR     | -          | -  | -          | 1978-12-01 | 1982-11-30 | 参战参试退役人员没有致残原因",
            // missing evidence of survivors and veterans
            "MARTYR_SURVIVOR  | 豫烈字第000417号     | -  | -       | -          | -  | 1979-02-17 | -          | -          | 牺牲（病故）军人姓名不能为空",
            "DUTY_DEATH_SURVIVOR | 豫牺字第000417号  | -  | -       | -          | 王建军 | -       | -          | -          | 请填写牺牲日期",
            "ILLNESS_DEATH_SURVIVOR | 豫病故字第000417号 | - | -     | -          | 王建军 | -       | -          | -          | 请填写病故日期",
            "ILL_DISCHARGED_VETERAN | 豫退字第000417号 | - | -       | -          | -  | -          | -          | 1982-11-30 | 请填写入伍日期",
            "ILL_DISCHARGED_VETERAN | 豫退字第000417号 | - | -       | -          | -  | -          | 1978-12-01 | -          | 请填写退伍日期",
            "ILL_DISCHARGED_VETERAN | 豫退字第000417号 | - | -       | -          | -  | -          | 1982-12-01 | 1978-11-30 | 须晚于入伍日期",
            "ILL_DISCHARGED_VETERAN | 豫退字第000417号 | - | -       | -          | -  | -          | 1978-12-01 | 1982-13-30 | 退伍日期“1982-13-30”不是有效日期",
            // the categories' own conditions
            "DEMOBILISED_VETERAN | 豫复字第000417号  | -  | -       | -          | -  | -          | 1978-12-01 | 1982-11-30 | 在乡老复员军人须为1954年10月31日以前入伍",
            "-                | 豫退字第000417号     | -  | -       | -          | -  | -          | -          | -          | 优抚对象类别不能为空",
            "VETERAN          | 豫退字第000417号     | -  | -       | -          | -  | -          | -          | -          | 优抚对象类别的取值“VETERAN”无效",
    })
    void refusesBadInput(String category, String certificate, String grade, String cause, String assessed,
                         String deceased, String death, String enlisted, String discharged, String message) {
        YoufuRules.Form form = new YoufuRules.Form(category, certificate, grade, cause, assessed, deceased, death,
                enlisted, discharged);
        assertThatThrownBy(() -> YoufuRules.evidence(form, PERSON, TODAY))
                .isInstanceOf(RuleViolation.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((RuleViolation) e).getHttpStatus()).isEqualTo(400));
    }

    @Test
    void keepsOnlyTheEvidenceOfTheCategory() {
        YoufuRules.Evidence disabled = YoufuRules.evidence(new YoufuRules.Form("DISABLED_SOLDIER", " 豫军残字第031588号 ",
                5L, "WAR", "1985-06-20", "不相关", "1979-02-17", "1978-12-01", "1982-11-30"), PERSON, TODAY);
        assertThat(disabled).isEqualTo(new YoufuRules.Evidence(YoufuCategory.DISABLED_SOLDIER, "豫军残字第031588号", 5,
                DisabilityCause.WAR, LocalDate.of(1985, 6, 20), null, null, null, null));
        // a number field arrives as a Double from some clients: 6.0 is grade 6; 因病 6 is the lowest it can be
        assertThat(YoufuRules.evidence(new YoufuRules.Form("DISABLED_SOLDIER", "冀军残字第000001号", 6.0, "ILLNESS",
                "2001-01-01", null, null, null, null), PERSON, TODAY).disabilityGrade()).isEqualTo(6);
        YoufuRules.Evidence survivor = YoufuRules.evidence(new YoufuRules.Form("ILLNESS_DEATH_SURVIVOR", "豫病故字第000417号",
                "", null, null, "王建军", "1990-05-01T00:00:00", null, null), PERSON, TODAY);
        assertThat(survivor.deathDate()).isEqualTo(LocalDate.of(1990, 5, 1));
        assertThat(survivor.disabilityGrade()).isNull();
    }

    @ParameterizedTest(name = "{0}, born {1}, rural {2}, enlisted {3}: {4}")
    @CsvSource(delimiter = '|', value = {
            "RURAL_VETERAN_60    | 1966-12-05 | true  | 1984-11-01 | ok",
            "RURAL_VETERAN_60    | 1966-12-06 | true  | 1984-11-01 | 农村退役士兵须年满60周岁，李卫国现年59周岁",
            "RURAL_VETERAN_60    | 1950-01-01 | false | 1968-03-01 | 只发给农村户籍的退役士兵",
            "RURAL_VETERAN_60    | 1930-01-01 | true  | 1954-10-31 | 请按在乡老复员军人登记",
            "DEMOBILISED_VETERAN | 1930-01-01 | true  | 1954-10-31 | ok",
            "DEMOBILISED_VETERAN | 1930-01-01 | true  | 1954-11-01 | 须为1954年10月31日以前入伍",
    })
    void checksTheVeteransConditions(String category, LocalDate birth, boolean rural, LocalDate enlisted, String expected) {
        YoufuRules.Person person = new YoufuRules.Person("李卫国", birth, rural);
        String prefix = category.equals("DEMOBILISED_VETERAN") ? "豫复" : "豫退";
        YoufuRules.Form form = new YoufuRules.Form(category, prefix + "字第000417号", null, null, null, null, null,
                enlisted.toString(), enlisted.plusYears(3).toString());
        if (expected.equals("ok")) {
            assertThat(YoufuRules.evidence(form, person, TODAY).enlistmentDate()).isEqualTo(enlisted);
        } else {
            assertThatThrownBy(() -> YoufuRules.evidence(form, person, TODAY)).hasMessageContaining(expected);
        }
    }
}

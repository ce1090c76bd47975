package cn.minzheng.bureau.youfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.RuleViolation;

/** The rules of a change, table by table: each row one application against a registration and what is answered. */
class YoufuChangeRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private static final YoufuRules.Person PERSON = new YoufuRules.Person("李卫国", LocalDate.of(1960, 3, 1), true);
    /** 因战六级, assessed 1990-04-01, paid since 2025-11. */
    private static final YoufuRecipient SOLDIER = recipient(YoufuCategory.DISABLED_SOLDIER, 6, DisabilityCause.WAR,
            LocalDate.of(1990, 4, 1), YoufuStatus.ACTIVE);
    private static final YoufuRecipient SURVIVOR = recipient(YoufuCategory.MARTYR_SURVIVOR, null, null, null,
            YoufuStatus.ACTIVE);

    /** on (SOLDIER/SURVIVOR/APPLIED), kind, category, certificate, grade, cause, assessed, movedOn, destination, reason → message. */
    @ParameterizedTest(name = "{1} {2} grade {4}: {9}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // the kind and the reason
            "SOLDIER  | -        | -                | -                  | -  | -       | -          | -          | -      | 理由 | 变更事项不能为空",
            "SOLDIER  | UPGRADE  | -                | -                  | -  | -       | -          | -          | -      | 理由 | 变更事项的取值“UPGRADE”无效",
            "SOLDIER  | GRADE    | -                | 豫军残字第031588号    | 4  | WAR     | 2026-11-20 | -          | -      | -    | 变更理由不能为空",
            // only a registration being paid changes
            "APPLIED  | GRADE    | -                | 豫军残字第031588号    | 4  | WAR     | 2026-11-20 | -          | -      | 理由 | 当前为“认定办理中”，只有享受中的优抚对象可以办理变更",
            // a grade change: the registration's rules, and something must change
            "SOLDIER  | GRADE    | -                | 豫军残字第031588号    | 11 | WAR     | 2026-11-20 | -          | -      | 理由 | 伤残等级须为1至10级，填写的是11",
            "SOLDIER  | GRADE    | -                | 豫军残字第031588号    | 0  | WAR     | 2026-11-20 | -          | -      | 理由 | 伤残等级须为1至10级，填写的是0",
            "SOLDIER  | GRADE    | -                | 豫军残字第031588号    | -  | WAR     | 2026-11-20 | -          | -      | 理由 | 请填写伤残等级",
            "SOLDIER  | GRADE    | -                | 军残字第031588号      | 4  | WAR     | 2026-11-20 | -          | -      | 理由 | 残疾军人证编号“军残字第031588号”格式不对",
            "SOLDIER  | GRADE    | -                | 豫军残字第031588号    | 8  | ILLNESS | 2026-11-20 | -          | -      | 理由 | 因病致残的残疾军人只评定一级至六级，不能为八级",
            "SOLDIER  | GRADE    | -                | 豫军残字第031588号    | 4  | WAR     | 2026-12-06 | -          | -      | 理由 | 评定伤残等级日期2026-12-06不能晚于今天",
            "SOLDIER  | GRADE    | -                | 豫军残字第031588号    | 6  | WAR     | 2026-11-20 | -          | -      | 理由 | 新评定的伤残等级与现登记相同（因战六级），无需调整",
            "SOLDIER  | GRADE    | -                | 豫军残字第031588号    | 4  | WAR     | 1990-04-01 | -          | -      | 理由 | 新的评定伤残等级日期1990-04-01须晚于原评定日期1990-04-01",
            "SOLDIER  | GRADE    | MARTYR_SURVIVOR  | 豫烈字第000417号     | -  | -       | -          | -          | -      | 理由 | 伤残等级调整不改变类别",
            "SURVIVOR | GRADE    | -                | 豫军残字第031588号    | 4  | WAR     | 2026-11-20 | -          | -      | 理由 | 登记为烈士遗属，只有残疾军人可以调整伤残等级",
            // a category change: the new category's evidence, and a different category
            "SOLDIER  | CATEGORY | DISABLED_SOLDIER | 豫军残字第031588号    | 4  | WAR     | 2026-11-20 | -          | -      | 理由 | 已登记为残疾军人，类别没有变化；调整伤残等级请选择“伤残等级调整”",
            "SOLDIER  | CATEGORY | MARTYR_SURVIVOR  | 豫烈字第000417号     | 3  | -       | -          | -          | -      | 理由 | 烈士遗属没有伤残等级",
            "SOLDIER  | CATEGORY | MARTYR_SURVIVOR  | 豫军残字第000417号    | -  | -       | -          | -          | -      | 理由 | 烈士证明书编号“豫军残字第000417号”格式不对",
            "SURVIVOR | CATEGORY | -                | 豫烈字第000417号     | -  | -       | -          | -          | -      | 理由 | 优抚对象类别不能为空",
            // moving out: date (not in the future, not before the first month paid) and destination
            "SOLDIER  | MOVE_OUT | -                | -                  | -  | -       | -          | -          | 济南市 | 理由 | 请填写迁出日期",
            "SOLDIER  | MOVE_OUT | -                | -                  | -  | -       | -          | 2026-12-06 | 济南市 | 理由 | 迁出日期2026-12-06不能晚于今天",
            "SOLDIER  | MOVE_OUT | -                | -                  | -  | -       | -          | 2025-10-31 | 济南市 | 理由 | 迁出日期2025-10-31不能早于开始发放的月份2025-11",
            "SOLDIER  | MOVE_OUT | -                | -                  | -  | -       | -          | 2026-13-01 | 济南市 | 理由 | 迁出日期“2026-13-01”不是有效日期",
            "SOLDIER  | MOVE_OUT | -                | -                  | -  | -       | -          | 2026-11-30 | -      | 理由 | 迁往地（省市县）不能为空",
    })
    void refusesBadInput(String on, String kind, String category, String certificate, String grade, String cause,
                         String assessed, String movedOn, String destination, String reason, String message) {
        YoufuRecipient current = switch (on) {
            case "SOLDIER" -> SOLDIER;
            case "SURVIVOR" -> SURVIVOR;
            default -> recipient(YoufuCategory.DISABLED_SOLDIER, 6, DisabilityCause.WAR, LocalDate.of(1990, 4, 1),
                    YoufuStatus.APPLIED);
        };
        YoufuChangeRules.Form form = new YoufuChangeRules.Form(kind, reason, new YoufuRules.Form(category, certificate,
                grade, cause, assessed, null, null, null, null), movedOn, destination);
        assertThatThrownBy(() -> YoufuChangeRules.check(form, current, PERSON, TODAY))
                .isInstanceOf(RuleViolation.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((RuleViolation) e).getHttpStatus()).isIn(400, 409));
    }

    @Test
    void acceptsAGradeChangeACategoryChangeAndAMove() {
        YoufuChangeRules.Checked grade = YoufuChangeRules.check(new YoufuChangeRules.Form("GRADE", " 旧伤复发 ",
                new YoufuRules.Form(null, "豫军残字第031588号", 4L, "WAR", "2026-11-20", null, null, null, null), null, null),
                SOLDIER, PERSON, TODAY);
        assertThat(grade).isEqualTo(new YoufuChangeRules.Checked(YoufuChangeKind.GRADE, "旧伤复发",
                new YoufuRules.Evidence(YoufuCategory.DISABLED_SOLDIER, "豫军残字第031588号", 4, DisabilityCause.WAR,
                        LocalDate.of(2026, 11, 20), null, null, null, null), null, null));
        // the same grade for another cause is a change (因公六级 → 因战六级)
        assertThat(YoufuChangeRules.check(new YoufuChangeRules.Form("GRADE", "致残原因更正", new YoufuRules.Form(
                "DISABLED_SOLDIER", "豫军残字第031588号", 6, "DUTY", "2026-11-20", null, null, null, null), null, null),
                SOLDIER, PERSON, TODAY).evidence().disabilityCause()).isEqualTo(DisabilityCause.DUTY);
        YoufuChangeRules.Checked category = YoufuChangeRules.check(new YoufuChangeRules.Form("CATEGORY", "改为残疾军人",
                new YoufuRules.Form("DISABLED_SOLDIER", "冀军残字第000001号", 2, "DUTY", "2026-01-10", null, null, null, null),
                null, null), SURVIVOR, PERSON, TODAY);
        assertThat(category.evidence().category()).isEqualTo(YoufuCategory.DISABLED_SOLDIER);
        assertThat(category.evidence().disabilityGrade()).isEqualTo(2);
        // a move: the evidence fields are not read
        YoufuChangeRules.Checked move = YoufuChangeRules.check(new YoufuChangeRules.Form("MOVE_OUT", "户籍迁出",
                new YoufuRules.Form("VETERAN", "乱填", 99, null, null, null, null, null, null), "2026-11-01", " 山东省济南市 "),
                SOLDIER, PERSON, TODAY);
        assertThat(move).isEqualTo(new YoufuChangeRules.Checked(YoufuChangeKind.MOVE_OUT, "户籍迁出", null,
                LocalDate.of(2026, 11, 1), "山东省济南市"));
    }

    private static YoufuRecipient recipient(YoufuCategory category, Integer grade, DisabilityCause cause,
                                            LocalDate assessed, YoufuStatus status) {
        return new YoufuRecipient(1, "YF2025000001", 1, "yuecun", "410101196003010000", "李卫国", category,
                category == YoufuCategory.DISABLED_SOLDIER ? "豫军残字第031500号" : "豫烈字第000400号", grade, cause, assessed,
                null, null, null, null, new BigDecimal("3642.50"), "2025-11", status, null, null, null, null);
    }
}

package cn.minzheng.bureau.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.distribution.DistributionRules.Definition;

/** What a distribution may be, and a township's sign-off against its frozen list, worked by hand. */
class DistributionRulesTest {

    private static final Map<String, String> GROUPS = new LinkedHashMap<>(Map.of("YOUFU", "优抚对象定期抚恤补助",
            "DIBAO", "最低生活保障", "TEKUN", "特困人员救助供养"));
    private static final Set<String> TOWNSHIPS = Set.of("yuecun", "mengke");
    private static final String A = "410313195001010011";
    private static final String B = "410313195001010038";
    private static final String C = "41031319500101005X";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            // what                        | name   | occasion        | programs            | townships        | cash    | item   | qty | unit | message
            "no name                       | null   | SPRING_FESTIVAL | [\"YOUFU\"]         | null             | 500     | null   | 0   | null | 发放名称不能为空",
            "an unknown occasion           | 慰问   | NEW_YEAR        | [\"YOUFU\"]         | null             | 500     | null   | 0   | null | 发放事由的取值“NEW_YEAR”无效",
            "no program                    | 慰问   | SPRING_FESTIVAL | []                  | null             | 500     | null   | 0   | null | 请至少选择一个发放对象",
            "a one-off program             | 慰问   | SPRING_FESTIVAL | [\"LINSHI\"]        | null             | 500     | null   | 0   | null | 发放对象“LINSHI”不是按月享受的救助项目",
            "an unknown township           | 慰问   | ARMY_DAY        | [\"YOUFU\"]         | [\"xiangcun\"]   | 500     | null   | 0   | null | 乡镇（街道）“xiangcun”不存在",
            "negative money                | 慰问   | ARMY_DAY        | [\"YOUFU\"]         | null             | -1      | null   | 0   | null | 每人慰问金（元）不能为负数",
            "three decimals                | 慰问   | ARMY_DAY        | [\"YOUFU\"]         | null             | 100.005 | null   | 0   | null | 最多保留两位小数",
            "money that is no number       | 慰问   | ARMY_DAY        | [\"YOUFU\"]         | null             | 五百    | null   | 0   | null | 必须是数字",
            "a fractional quantity         | 送药   | MEDICINE        | [\"DIBAO\"]         | null             | 0       | 药品包 | 2.5 | 份   | 必须是整数",
            "a negative quantity           | 送药   | MEDICINE        | [\"DIBAO\"]         | null             | 0       | 药品包 | -1  | 份   | 不能为负数",
            "an item without unit          | 送药   | MEDICINE        | [\"DIBAO\"]         | null             | 0       | 药品包 | 1   | null | 须填写物资名称和单位",
            "an item without quantity      | 送药   | MEDICINE        | [\"DIBAO\"]         | null             | 0       | 药品包 | 0   | 份   | 请填写每人发放的药品包数量",
            "nothing per recipient         | 慰问   | OTHER           | [\"DIBAO\"]         | null             | 0       | null   | 0   | null | 每人须发放慰问金或物资",
            "markup in the name            | <b>    | OTHER           | [\"DIBAO\"]         | null             | 1       | null   | 0   | null | 不能包含",
    })
    void badDistributionsAreRefusedInChinese(String what, String name, String occasion, String programs, String townships,
                                             String cash, String item, String quantity, String unit, String message) {
        assertThatThrownBy(() -> DistributionRules.define(name, occasion, programs, townships, cash, item, quantity, unit,
                GROUPS, TOWNSHIPS)).isInstanceOf(RuleViolation.class).hasMessageContaining(message);
    }

    @Test
    void aDistributionKeepsItsGroupOnceAndWhatEachGets() {
        Definition d = DistributionRules.define(" 2027年春节慰问 ", "SPRING_FESTIVAL", List.of("YOUFU", "DIBAO", "YOUFU"),
                "yuecun,mengke", "500", "米面油", 1L, "份", GROUPS, TOWNSHIPS);
        assertThat(d.name()).isEqualTo("2027年春节慰问");
        assertThat(d.programCodes()).containsExactly("YOUFU", "DIBAO");
        assertThat(d.townships()).containsExactly("yuecun", "mengke");
        assertThat(d.cashPerRecipient()).isEqualTo(new BigDecimal("500.00"));
        assertThat(d.perRecipientText()).isEqualTo("每人慰问金500.00元、米面油1份");
        assertThat(d.totalText(3)).isEqualTo("合计慰问金1500.00元、米面油3份");

        Definition medicine = DistributionRules.define("送药", "MEDICINE", "[\"TEKUN\"]", null, null, "药品包", "2", "份",
                GROUPS, TOWNSHIPS);
        assertThat(medicine.townships()).as("no township: the whole district").isEmpty();
        assertThat(medicine.cashPerRecipient()).isEqualTo(new BigDecimal("0.00"));
        assertThat(medicine.perRecipientText()).isEqualTo("每人药品包2份");
        assertThat(medicine.totalText(7)).isEqualTo("合计药品包14份");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // what                       | signed                | message
            "one missing (money)          | [\"A\",\"B\"]         | 发放的慰问金合计1000.00元，少于本乡镇（街道）分配的1500.00元，请全部登记发放",
            "nobody                       | []                    | 少于本乡镇（街道）分配的1500.00元",
            "someone not on the list      | [\"A\",\"B\",\"D\"]   | 410313195001010073不在本乡镇（街道）本次发放名单中",
            "the same person twice        | [\"A\",\"B\",\"A\"]   | 410313195001010011重复签领，同一人在本次发放中只能领取一次",
    })
    void aSignOffMustHandOutExactlyTheList(String what, String signed, String message) {
        Definition d = DistributionRules.define("慰问", "ARMY_DAY", "YOUFU", null, "500", null, null, null, GROUPS, TOWNSHIPS);
        String json = signed.replace("\"A\"", "\"" + A + "\"").replace("\"B\"", "\"" + B + "\"")
                .replace("\"D\"", "\"410313195001010073\"");
        assertThatThrownBy(() -> DistributionRules.signOff(d, List.of(A, B, C), json))
                .isInstanceOf(RuleViolation.class).hasMessageContaining(message);
    }

    @Test
    void itemsAreCheckedAgainstTheShareToo() {
        Definition d = DistributionRules.define("送药", "MEDICINE", "DIBAO", null, "0", "药品包", "2", "份", GROUPS, TOWNSHIPS);
        assertThatThrownBy(() -> DistributionRules.signOff(d, List.of(A, B, C), List.of(A)))
                .hasMessage("发放的药品包合计2份，少于本乡镇（街道）分配的6份，请全部登记发放");
        assertThat(DistributionRules.signOff(d, List.of(A, B, C), List.of(C.toLowerCase(), A, B)))
                .as("a lower-case x is the same person").containsExactly(C, A, B);
    }
}

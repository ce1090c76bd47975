package cn.minzheng.bureau.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import cn.minzheng.bureau.common.RuleViolation;

class RegionFileTest {

    static final String HEADER = "编码,名称,类型,上级编码\n";

    static List<Region> read(String body) {
        return RegionFile.read("regions.csv", (HEADER + body).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDistrictsRegionsInOrderWithChineseKinds() {
        List<Region> regions = read("""
                jinshui-lh,龙湖社区,社区,jinshui-jd
                district,金水区,区,
                jinshui-jd,经八路街道,街道,
                liuzhuang,柳庄镇,镇,district
                liuzhuang-dong,东村,村,liuzhuang
                """);
        assertThat(regions).containsExactly(
                new Region("district", "金水区", RegionKind.DISTRICT, null),
                new Region("jinshui-jd", "经八路街道", RegionKind.STREET_OFFICE, "district"),
                new Region("liuzhuang", "柳庄镇", RegionKind.TOWNSHIP, "district"),
                new Region("jinshui-lh", "龙湖社区", RegionKind.COMMUNITY, "jinshui-jd"),
                new Region("liuzhuang-dong", "东村", RegionKind.VILLAGE, "liuzhuang"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            'a,甲乡,乡,\n,乙乡,乡,'                        | 第3行：编码不能为空
            'a b,甲乡,乡,'                                 | 第2行：编码“a b”只能由字母、数字、点、横线、下划线组成，以字母或数字开头，最长40位
            'a,甲乡,乡,\na,乙乡,乡,'                       | 第3行：编码“a”重复
            'a,,乡,'                                       | 第2行：名称不能为空
            'a,甲乡,县,'                                   | 第2行：类型“县”无效，应为 区、乡、镇、街道、村、社区 之一
            'xian,某区,区,'                                | 第2行：区的编码必须是“district”
            'a,甲乡,乡,other'                              | 第2行：乡镇（街道）的上级编码应为空或“district”
            'a,甲乡,乡,\nb,东村,村,'                       | 第3行：村（社区）要填写所属乡镇（街道）的编码
            'a,甲乡,乡,\nb,东村,村,c'                      | 第3行：上级编码“c”不是本文件中的乡镇（街道）
            'a,甲乡,乡,\nb,东村,村,a\nc,东村,村,a'        | 第4行：同一上级下已有名为“东村”的区域
            'district,某区,区,'                            | 文件中没有乡镇（街道）：至少要有一个类型为 乡、镇 或 街道 的区域
            """)
    void eachMistakeIsNamedWithItsRow(String body, String message) {
        assertThatThrownBy(() -> read(body.replace("\\n", "\n")))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("区域文件有错误，未导入任何区域：\n" + message);
    }

    @Test
    void aWrongHeaderAndManyMistakesAtOnce() {
        assertThatThrownBy(() -> RegionFile.read("r.csv", "code,name\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageEndingWith("第1行应为表头：编码、名称、类型、上级编码");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            rows.append("x").append(i).append(",,乡,\n");
        }
        assertThatThrownBy(() -> read(rows.toString()))
                .hasMessageContaining("第21行：名称不能为空").hasMessageNotContaining("第22行")
                .hasMessageEndingWith("……共25处错误");
    }
}

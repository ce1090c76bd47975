package cn.minzheng.bureau.community.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.RuleViolation;

/** What the recruitment forms submit: the checklist of excluded applications and one applicant's scores. */
class SubmittedInputTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "-                 | ''",
            "''                | ''",
            "[]                | ''",
            "[\"12\"]          | 12",
            "[\"12\",\"15\"]   | 12,15",
            "[12, 15.0, \"12\"] | 12,15",
            "[\"\", \" 7 \"]   | 7",
    })
    void excludedIdsFromTheChecklist(String json, String expected) {
        List<String> ids = RecruitmentService.excludedIds(json);
        assertThat(String.join(",", ids)).isEqualTo(expected);
        if (json != null && !json.isBlank()) {
            assertThat(RecruitmentService.excludedIds(Spin.JSON(json))).as("as a Json variable").isEqualTo(ids);
        }
    }

    @Test
    void aJavaListAndABrokenValue() {
        assertThat(RecruitmentService.excludedIds(List.of("3", 4L))).containsExactly("3", "4");
        assertThatThrownBy(() -> RecruitmentService.excludedIds("{not json")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("取消资格的人员格式不正确");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0, 0.00", "100, 100.00", "86.5, 86.50", "59.99, 59.99", "' 70 ', 70.00"})
    void validScores(String value, String expected) {
        assertThat(RecruitmentService.score(value, "笔试成绩").toPlainString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(nullValues = "-", value = {"-, 请录入笔试成绩", "'', 请录入笔试成绩", "abc, 必须是数字", "-0.01, 0至100分之间",
            "100.01, 0至100分之间", "80.125, 最多保留两位小数"})
    void badScores(String value, String message) {
        assertThatThrownBy(() -> RecruitmentService.score(value, "笔试成绩")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining(message);
    }
}

package cn.minzheng.bureau.community.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.community.recruitment.RecruitmentRepository.Application;

/** A submitted row of a prefilled list is matched to its applicant by id, or by position where the form sent no id. */
class SubmittedRowTest {

    private static final List<Application> SHOWN = List.of(application(11), application(12), application(15));

    @ParameterizedTest(name = "id {0} at {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "12, 0, 12",
            "15.0, 0, 15",
            "11, 2, 11",
            "-, 0, 11",
            "-, 2, 15",
            "'', 1, 12",
    })
    void matchesByIdElseByPosition(String id, int position, long expected) {
        Map<String, Object> row = new HashMap<>();
        row.put("applicationId", id);
        assertThat(RecruitmentTaskListeners.rowApplication(row, position, SHOWN, "成绩表").id()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "id {0} at {1} is refused")
    @CsvSource(nullValues = "-", value = {"13, 0, 不属于本环节", "-, 3, 行数与报名人员不符"})
    void anUnknownIdOrAnExtraRowIsRefused(String id, int position, String message) {
        Map<String, Object> row = new HashMap<>();
        row.put("applicationId", id);
        assertThatThrownBy(() -> RecruitmentTaskListeners.rowApplication(row, position, SHOWN, "成绩表"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining(message);
    }

    private static Application application(long id) {
        return new Application(id, 1, "c", "某" + id, "x", "BACHELOR", 30, true, null, null, null, null, null, false);
    }
}

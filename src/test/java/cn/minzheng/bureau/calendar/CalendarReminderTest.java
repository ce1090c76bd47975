package cn.minzheng.bureau.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the reminder speaks: by date and by which years are entered. */
class CalendarReminderTest {

    static WorkingCalendar entered(String years) {
        return new WorkingCalendar(years.isBlank() ? List.of() : java.util.Arrays.stream(years.split(" "))
                .map(y -> new CalendarDay(LocalDate.of(Integer.parseInt(y), 1, 1), DayKind.HOLIDAY, "元旦")).toList());
    }

    @ParameterizedTest(name = "{0} with {1} entered: {2}")
    @CsvSource(textBlock = """
            2026-11-30, 2026,      ''
            2026-12-01, 2026,      2027
            2026-12-31, 2026,      2027
            2026-12-01, 2026 2027, ''
            2027-01-02, 2026,      2027
            2027-06-01, 2027,      ''
            2026-03-01, '',        2026
            """)
    void warnsOfTheMissingYear(LocalDate today, String years, String missingYear) {
        var warning = CalendarReminder.warning(entered(years), today);
        if (missingYear.isBlank()) {
            assertThat(warning).isEmpty();
        } else {
            assertThat(warning).hasValue(missingYear + "年的工作日历（法定节假日和调休安排）尚未录入，工作日期限将按普通的周一至周五计算。"
                    + "请系统管理员按国务院办公厅的通知在“工作日历”页导入" + missingYear + "年的安排。");
        }
    }

    @ParameterizedTest(name = "{0}: actionable {1}")
    @CsvSource(textBlock = """
            camunda-admin,                 true
            process-manager clerk-yuecun,  true
            clerk-yuecun,                  false
            district-approver finance,     false
            '',                            false
            """)
    void warnsThoseWhoCanImportTheYearAndTellsEveryoneElse(String groups, boolean actionable) {
        var banner = CalendarReminder.banner(2027, groups.isBlank() ? List.of() : List.of(groups.split(" ")));
        assertThat(banner.actionable()).isEqualTo(actionable);
        assertThat(banner.text()).startsWith("2027年的工作日历（法定节假日和调休安排）尚未录入，");
        if (actionable) {
            assertThat(banner.text()).endsWith("请系统管理员按国务院办公厅的通知在“工作日历”页导入2027年的安排。");
        } else {
            assertThat(banner.text()).isEqualTo("2027年的工作日历（法定节假日和调休安排）尚未录入，落在2027年的工作日期限"
                    + "暂按普通的周一至周五计算。工作日历由系统管理员导入。");
        }
    }

    @Test
    void noGroupsIsNoImport() {
        assertThat(CalendarReminder.banner(2027, null).actionable()).isFalse();
    }
}

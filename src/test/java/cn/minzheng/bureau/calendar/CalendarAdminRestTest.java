package cn.minzheng.bureau.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.support.Http;

/** The administrator's calendar API over HTTP: the seeded years, validation in Chinese, and the engine seeing a change. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarAdminRestTest {

    @LocalServerPort
    int port;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theSeededYearsHoldTheStateCouncilsArrangements() {
        JsonNode years = http.get("clerk.yuecun", "/api/admin/calendar").json();
        assertThat(years.toString()).contains("2025").contains("2026");

        JsonNode year = http.get("clerk.yuecun", "/api/admin/calendar/2026").json();
        assertThat(dayKind(year, "2026-02-14")).isEqualTo("WORKDAY");
        assertThat(dayKind(year, "2026-02-28")).isEqualTo("WORKDAY");
        assertThat(dayKind(year, "2026-02-17")).isEqualTo("HOLIDAY");
        assertThat(dayKind(year, "2026-10-10")).isEqualTo("WORKDAY");
        assertThat(year.get("days")).hasSize(33 + 6);

        cn.minzheng.bureau.support.WebappSession clerk = new cn.minzheng.bureau.support.WebappSession(port);
        clerk.login("clerk.yuecun", "demo");
        String page = clerk.get("/ledger/calendar?year=2026").body();
        assertThat(page).contains("2026年工作日历").contains("2026-02-14").contains("调休上班").contains("春节")
                .doesNotContain("2026年的节假日安排尚未录入");
        assertThat(clerk.get("/ledger/calendar?year=2031").body()).contains("2031年的节假日安排尚未录入");

        JsonNode answer = http.get("clerk.yuecun", "/api/admin/calendar/working-days?from=2026-02-10&days=10").json();
        assertThat(answer.get("lastWorkingDay").asText()).isEqualTo("2026-03-02");
    }

    @Test
    void onlyAdministratorsChangeAYearAndBadDaysAreRefusedInChinese() {
        List<Map<String, String>> days2030 = List.of(
                Map.of("date", "2030-02-04", "kind", "HOLIDAY", "holidayName", "春节"),
                Map.of("date", "2030-02-05", "kind", "HOLIDAY", "holidayName", "春节"),
                Map.of("date", "2030-02-09", "kind", "WORKDAY", "holidayName", "春节"));

        Http.Response clerk = http.put("clerk.yuecun", "/api/admin/calendar/2030", days2030);
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(clerk.json().get("detail").asText()).contains("只有系统管理员或流程管理员");

        Http.Response weekday = http.put("admin", "/api/admin/calendar/2030", List.of(
                Map.of("date", "2030-02-04", "kind", "HOLIDAY", "holidayName", "春节"),
                Map.of("date", "2030-02-06", "kind", "WORKDAY", "holidayName", "春节")));
        assertThat(weekday.status()).isEqualTo(400);
        assertThat(weekday.json().get("detail").asText()).contains("2030-02-06 是工作日（周三），调休上班日只能是周六或周日");

        Http.Response duplicate = http.put("admin", "/api/admin/calendar/2030", List.of(
                Map.of("date", "2030-02-04", "kind", "HOLIDAY", "holidayName", "春节"),
                Map.of("date", "2030-02-04", "kind", "HOLIDAY", "holidayName", "春节")));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("detail").asText()).contains("2030-02-04 重复填写");
        assertThat(http.get("admin", "/api/admin/calendar/2030").json().get("days")).isEmpty();

        // before: Monday 2030-02-04 is a working day; the engine's calendar sees the change at once
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2030-02-04"))).isTrue();
        Http.Response saved = http.put("admin", "/api/admin/calendar/2030", days2030);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("days")).hasSize(3);
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2030-02-04"))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2030-02-09"))).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CALENDAR_YEAR_REPLACED' and entity_id = 2030")
                .query(Long.class).single()).isEqualTo(1);

        Http.Response again = http.post("procmgr", "/api/admin/calendar/days",
                Map.of("date", "2030-02-05", "kind", "HOLIDAY", "holidayName", "春节"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("detail").asText()).contains("已在2030年的安排中");
        Http.Response added = http.post("procmgr", "/api/admin/calendar/days",
                Map.of("date", "2030-02-06", "kind", "HOLIDAY", "holidayName", "春节"));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("days")).hasSize(4);
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2030-02-06"))).isFalse();
    }

    private static String dayKind(JsonNode year, String date) {
        for (JsonNode day : year.get("days")) {
            if (day.get("date").asText().equals(date)) {
                return day.get("kind").asText();
            }
        }
        return null;
    }
}

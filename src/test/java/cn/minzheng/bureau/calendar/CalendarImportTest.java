package cn.minzheng.bureau.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.WebappSession;

/**
 * Next year's calendar, on the engine's clock: from 1 December the health indicator and every ledger page warn until
 * the administrator imports the year from a file; a file with mistakes is refused in Chinese and changes nothing.
 * Works in 2098/2099, years no migration seeds, and leaves them empty again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarImportTest {

    static final String YEAR_2098 = """
            日期,类型,节日
            2098-01-01,放假,元旦
            2098/1/25,调休上班,春节
            2098-01-27,放假,春节
            2098-01-28,放假,春节
            """;
    static final String YEAR_2099 = "日期,类型,节日\n2099-01-01,放假,元旦\n2099-02-16,放假,春节\n";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingDays workingDays;

    Http http;

    @BeforeEach
    @AfterEach
    void withoutTheTestYears() {
        http = new Http(port);
        jdbc.sql("delete from calendar_day where calendar_year in (2098, 2099)").update();
        workingDays.invalidate();
        ClockUtil.reset();
    }

    static void clock(String beijingTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(beijingTime).atZone(WorkingCalendar.ZONE).toInstant()));
    }

    String calendarHealth() {
        Http.Response health = http.get(null, "/actuator/health/workingCalendar");
        assertThat(health.status()).isEqualTo(200);
        assertThat(http.get(null, "/actuator/health").json().get("status").asText()).isEqualTo("UP");
        return health.json().get("status").asText();
    }

    @Test
    void fromTheFirstOfDecemberTheMissingYearIsReportedUntilItIsImported() {
        Http.Response imported = http.postFile("admin", "/api/admin/calendar/import", "file", "2098.csv",
                YEAR_2098.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json().get("year").asInt()).isEqualTo(2098);
        assertThat(imported.json().get("days")).hasSize(4);
        assertThat(workingDays.isWorkingDay(java.time.LocalDate.of(2098, 1, 25))).isTrue(); // a Saturday worked

        WebappSession clerk = new WebappSession(port);
        clerk.login("clerk.yuecun", "demo");
        clock("2098-11-30T23:59:00");
        assertThat(calendarHealth()).isEqualTo("UP");
        assertThat(clerk.get("/ledger").body()).doesNotContain("calendar-warning");

        clock("2098-12-01T00:01:00");
        assertThat(calendarHealth()).isEqualTo("WARNING");
        // the clerk cannot import the year: told why deadlines may fall on holidays, not asked to act
        assertThat(clerk.get("/ledger").body()).contains("id=\"calendar-warning\" class=\"notice\"")
                .contains("2099年的工作日历（法定节假日和调休安排）尚未录入，落在2099年的工作日期限暂按普通的周一至周五计算。")
                .doesNotContain("请系统管理员");
        WebappSession administrator = new WebappSession(port);
        administrator.login("admin", "demo");
        assertThat(administrator.get("/ledger").body()).contains("id=\"calendar-warning\" class=\"warning\"")
                .contains("请系统管理员按国务院办公厅的通知在“工作日历”页导入2099年的安排。");

        Http.Response gbk = http.postFile("procmgr", "/api/admin/calendar/import", "file", "2099年节假日.csv",
                YEAR_2099.getBytes(Charset.forName("GB18030")));
        assertThat(gbk.status()).isEqualTo(200);
        assertThat(calendarHealth()).isEqualTo("UP");
        assertThat(clerk.get("/ledger").body()).doesNotContain("calendar-warning");
    }

    @Test
    void aFileWithMistakesOrFromANonAdministratorChangesNothing() {
        Http.Response mistakes = http.postFile("admin", "/api/admin/calendar/import", "file", "2098.csv",
                (YEAR_2098 + "2098-02-30,放假,春节\n2098-02-01,休息,春节\n").getBytes(StandardCharsets.UTF_8));
        assertThat(mistakes.status()).isEqualTo(400);
        assertThat(mistakes.json().get("detail").asText()).isEqualTo("工作日历文件有错误，未导入：\n"
                + "第6行：日期“2098-02-30”无效，应写作 2027-01-01\n第7行：类型“休息”无效，应为“放假”或“调休上班”");

        Http.Response rules = http.postFile("admin", "/api/admin/calendar/import", "file", "2098.csv",
                "日期,类型,节日\n2098-01-25,调休上班,国庆节\n".getBytes(StandardCharsets.UTF_8));
        assertThat(rules.status()).isEqualTo(400);
        assertThat(rules.json().get("detail").asText()).contains("调休上班所属的“国庆节”在2098年没有放假日");

        Http.Response twoYears = http.postFile("admin", "/api/admin/calendar/import", "file", "x.csv",
                "日期,类型,节日\n2098-01-01,放假,元旦\n2099-01-01,放假,元旦\n".getBytes(StandardCharsets.UTF_8));
        assertThat(twoYears.json().get("detail").asText()).contains("文件中的日期应在同一年内");

        Http.Response clerk = http.postFile("clerk.yuecun", "/api/admin/calendar/import", "file", "2098.csv",
                YEAR_2098.getBytes(StandardCharsets.UTF_8));
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from calendar_day where calendar_year = 2098").query(Long.class).single())
                .isZero();
    }
}

package cn.minzheng.bureau.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.calendar.WorkingDays;
import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.deadline.LimitKind;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.TestApplications;
import cn.minzheng.bureau.support.WebappSession;

/**
 * 期限预警: cases near (at most two working days left) or past a statutory limit, per township for
 * township staff and for the whole district; the extension over REST (the page in a real browser: {@link TimeLimitListBrowserTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TimeLimitListTest {

    @LocalServerPort
    int port;
    @Autowired
    DibaoWalker walker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    ManagementService managementService;

    @Test
    void nearAndPastLimitsPerTownshipAndForTheDistrict() throws Exception {
        DibaoCase near = accepted(TestApplications.yuecunHousehold(2, "300"), "clerk.yuecun");
        DibaoCase past = accepted(TestApplications.household("renqiu", "renqiu-jingdong", "ORDINARY", 1, "100"), "clerk.renqiu");
        DibaoCase far = accepted(TestApplications.yuecunHousehold(1, "200"), "clerk.yuecun");
        // one working day left for the first; the second's 30 working days have run out (its timer fires)
        Date inOneWorkingDay = workingDays.deadline(ClockUtil.getCurrentTime(), 1);
        jdbc.sql("update dibao_time_limit set due_at = ? where case_id = ? and limit_kind = 'PROCEDURE'")
                .params(new Timestamp(inOneWorkingDay.getTime()), near.id()).update();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(past.processInstanceId())
                .activityId(LimitKind.PROCEDURE.timerId()).singleResult().getId());

        Http http = new Http(port);
        JsonNode clerk = http.get("clerk.yuecun", "/api/dibao/time-limits").json();
        assertThat(clerk.toString()).contains(near.caseNumber()).contains("剩余1个工作日")
                .doesNotContain(past.caseNumber()).doesNotContain(far.caseNumber());
        JsonNode district = http.get("approver", "/api/dibao/time-limits").json();
        assertThat(district.toString()).contains(near.caseNumber()).contains(past.caseNumber()).contains("已超期，已报上级督办")
                .doesNotContain(far.caseNumber());
        assertThat(http.get("approver", "/api/dibao/time-limits?township=renqiu").json().toString())
                .contains(past.caseNumber()).doesNotContain(near.caseNumber());
        assertThat(http.get("clerk.yuecun", "/api/dibao/cases/" + past.id() + "/time-limits").status()).isEqualTo(404);
        assertThat(http.get("clerk.renqiu", "/api/dibao/cases/" + past.id() + "/time-limits").json().get(0)
                .get("overrunAt").isNull()).isFalse();

        WebappSession reviewer = new WebappSession(port);
        reviewer.login("reviewer.yuecun", "demo");
        String page = reviewer.get("/ledger/lists/time-limits").body();
        assertThat(page).contains("法定期限预警").contains(near.caseNumber()).contains("审批程序办结（受理后30个工作日内）")
                .doesNotContain(past.caseNumber());
        assertThat(reviewer.download("/ledger/lists/time-limits.xlsx").statusCode()).isEqualTo(200);

        // extended to 45 working days, the first case is no longer near; a second extension is refused
        Http.Response clerkExtends = http.post("clerk.yuecun", "/api/dibao/cases/" + near.id() + "/procedure-extension",
                Map.of("reason", "需异地核查"));
        assertThat(clerkExtends.status()).isEqualTo(403);
        Http.Response extended = http.post("approver", "/api/dibao/cases/" + near.id() + "/procedure-extension",
                Map.of("reason", "申请人长期在外务工，需异地核查收入"));
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json().get("workingDays").asInt()).isEqualTo(45);
        assertThat(extended.json().get("extendedBy").asText()).isEqualTo("approver");
        Http.Response twice = http.post("approver", "/api/dibao/cases/" + near.id() + "/procedure-extension",
                Map.of("reason", "再次延长"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asText()).contains("只能延长一次");
        assertThat(http.get("clerk.yuecun", "/api/dibao/time-limits").json().toString()).doesNotContain(near.caseNumber());
    }

    private DibaoCase accepted(cn.minzheng.bureau.dibao.application.DibaoApplicationForm form, String clerk) {
        DibaoCase dibaoCase = walker.submit(clerk, form);
        walker.accept(clerk, dibaoCase);
        return dibaoCase;
    }
}

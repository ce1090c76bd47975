package cn.minzheng.bureau.dibao.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.support.Http;

/** A survey campaign opened over HTTP: by the district approver only, with Chinese refusals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CampaignRestTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theDistrictApproverOpensACampaignAndTheTeamLeaderGetsTheTeamTask() {
        long before = campaigns();
        Http.Response byClerk = http.post("clerk.yuecun", "/api/dibao/survey-campaigns",
                Map.of("name", "三月集中摸底调查", "teamLeads", List.of("teamlead")));
        assertThat(byClerk.status()).isEqualTo(403);
        assertThat(campaigns()).isEqualTo(before);

        Http.Response badDate = http.post("approver", "/api/dibao/survey-campaigns",
                Map.of("name", "三月集中摸底调查", "teamLeads", List.of("teamlead"), "deadline", "三月底"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("detail").asText()).contains("完成期限");

        Http.Response opened = http.post("approver", "/api/dibao/survey-campaigns",
                Map.of("name", "三月集中摸底调查", "teamLeads", List.of("teamlead")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long campaignId = opened.json().get("campaignId").asLong();
        String instance = jdbc.sql("select process_instance_id from survey_campaign where id = ?").param(campaignId)
                .query(String.class).single();
        assertThat(http.get("teamlead", "/engine-rest/task?processInstanceId=" + instance).json().findValuesAsText("name"))
                .containsExactly("调查组入户调查并由组长签发");
        assertThat(http.get("clerk.yuecun", "/engine-rest/task?processInstanceId=" + instance).json()).isEmpty();
    }

    private long campaigns() {
        return jdbc.sql("select count(*) from survey_campaign").query(Long.class).single();
    }
}

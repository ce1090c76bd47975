package cn.minzheng.bureau.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.support.Http;

/**
 * Community work over HTTP on the demo data: each committee reads its own community's offices and disputes,
 * a street office its township's, the district everything; and each finds its tasks in Tasklist's API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommunityWorkRestTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void officesAreReadByTheirCommunityTheirStreetOfficeAndTheDistrict() {
        assertThat(communities("committee.qinghuayuan", "/api/community/offices", "project"))
                .isNotEmpty().allMatch("renqiu-qinghuayuan"::equals);
        assertThat(communities("clerk.renqiu", "/api/community/offices", "project"))
                .contains("renqiu-qinghuayuan", "renqiu-jingdong").allMatch(c -> c.startsWith("renqiu-"));
        assertThat(communities("approver", "/api/community/offices", "project"))
                .contains("renqiu-qinghuayuan", "renqiu-jingdong", "zhongyuan-nanjiang");
        assertThat(communities("clerk.yuecun", "/api/community/offices", "project")).doesNotContain("renqiu-qinghuayuan");

        JsonNode building = http.get("approver", "/api/community/offices").json();
        JsonNode nanjiang = null;
        for (JsonNode office : building) {
            if (office.get("project").get("communityCode").asText().equals("zhongyuan-nanjiang")) {
                nanjiang = office;
            }
        }
        assertThat(nanjiang).isNotNull();
        assertThat(nanjiang.get("project").get("status").asText()).isEqualTo("COMPLETION");
        assertThat(nanjiang.get("stages")).hasSize(4);
        long id = nanjiang.get("project").get("id").asLong();
        assertThat(http.get("committee.nanjiang", "/api/community/offices/" + id).status()).isEqualTo(200);
        assertThat(http.get("committee.qinghuayuan", "/api/community/offices/" + id).status()).isEqualTo(404);
        assertThat(http.get("reviewer.renqiu", "/api/community/offices/" + id).status()).isEqualTo(404);
    }

    @Test
    void disputesAndRecruitmentStayInTheirArea() {
        assertThat(communities("committee.dongyue", "/api/community/disputes", null)).isNotEmpty().allMatch("yuecun-dongyue"::equals);
        assertThat(communities("reviewer.renqiu", "/api/community/disputes", null)).contains("renqiu-qinghuayuan")
                .doesNotContain("yuecun-dongyue");
        JsonNode disputes = http.get("committee.qinghuayuan", "/api/community/disputes").json();
        long disputeId = disputes.get(0).get("id").asLong();
        JsonNode dispute = http.get("committee.qinghuayuan", "/api/community/disputes/" + disputeId).json();
        assertThat(dispute.get("parties")).hasSize(2);
        assertThat(dispute.get("sessions").get(0).get("result").asText()).isEqualTo("CONTINUE");
        assertThat(http.get("committee.dongyue", "/api/community/disputes/" + disputeId).status()).isEqualTo(404);

        JsonNode rounds = http.get("clerk.renqiu", "/api/community/recruitment/rounds").json();
        assertThat(rounds).isNotEmpty();
        long roundId = rounds.get(0).get("id").asLong();
        JsonNode round = http.get("reviewer.renqiu", "/api/community/recruitment/rounds/" + roundId).json();
        assertThat(round.get("posts").get("renqiu-qinghuayuan").asInt()).isEqualTo(2);
        assertThat(round.get("applicants").get(0).get("idNumber").asText()).contains("*");
        assertThat(http.get("clerk.yuecun", "/api/community/recruitment/rounds/" + roundId).status()).isEqualTo(404);
        assertThat(http.get("clerk.yuecun", "/api/community/recruitment/rounds").json()).isEmpty();
        assertThat(http.get("committee.qinghuayuan", "/api/community/recruitment/directors/renqiu-qinghuayuan").status())
                .isEqualTo(200);
        assertThat(http.get("committee.qinghuayuan", "/api/community/recruitment/directors/zhongyuan-nanjiang").status())
                .isEqualTo(404);
    }

    @Test
    void everyRoleFindsItsCommunityWorkInTasklist() {
        assertThat(taskNames("committee.qinghuayuan")).contains("组织调解并记录");
        assertThat(taskNames("committee.dongyue")).contains("组织调解并记录");
        assertThat(taskNames("committee.nanjiang")).contains("登记竣工");
        assertThat(taskNames("clerk.renqiu")).contains("登记规划审批");
        assertThat(taskNames("reviewer.renqiu")).contains("资格审查");
        assertThat(taskNames("committee.qinghuayuan")).doesNotContain("登记竣工", "资格审查");
    }

    private List<String> taskNames(String user) {
        Http.Response response = http.get(user, "/engine-rest/task?maxResults=500");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().findValuesAsText("name");
    }

    private List<String> communities(String user, String path, String wrapper) {
        Http.Response response = http.get(user, path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        for (JsonNode row : response.json()) {
            codes.add((wrapper == null ? row : row.get(wrapper)).get("communityCode").asText());
        }
        return codes;
    }
}

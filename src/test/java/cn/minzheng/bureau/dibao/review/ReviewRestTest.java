package cn.minzheng.bureau.dibao.review;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.APPROVE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.TestApplications;

/** A change of circumstances reported over HTTP by the township's clerk, and the case's reviews. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewRestTest {

    @LocalServerPort
    int port;
    @Autowired
    DibaoWalker walker;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theTownshipClerkReportsAChangeAndAReviewStarts() {
        DibaoCase dibaoCase = walker.submit("clerk.yuecun", TestApplications.yuecunHousehold(2, "300"));
        walker.accept("clerk.yuecun", dibaoCase);
        walker.survey("clerk.yuecun", dibaoCase, Map.of());
        walker.reviewByTownship("reviewer.yuecun", dibaoCase, APPROVE, "同意");
        walker.endNotice(dibaoCase);
        walker.approveByDistrict("approver", dibaoCase, APPROVE, "同意");
        String path = "/api/dibao/cases/" + dibaoCase.id();

        assertThat(http.post("clerk.mengke", path + "/changes", Map.of("description", "户主就业")).status()).isEqualTo(404);
        Http.Response missing = http.post("clerk.yuecun", path + "/changes", Map.of("description", ""));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asText()).contains("请填写家庭情况变化");

        Http.Response reported = http.post("clerk.yuecun", path + "/changes", Map.of("description", "户主在县城找到工作"));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        assertThat(http.get("clerk.yuecun", "/engine-rest/task?processInstanceId="
                + reported.json().get("processInstanceId").asText()).json().findValuesAsText("name")).containsExactly("复核入户调查");

        Http.Response again = http.post("clerk.yuecun", path + "/changes", Map.of("description", "成员迁出"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("已有正在办理的复核");

        var reviews = http.get("reviewer.yuecun", path + "/reviews").json();
        assertThat(reviews).hasSize(1);
        assertThat(reviews.get(0).get("kind").asText()).isEqualTo("CHANGE_REPORTED");
        assertThat(reviews.get(0).get("changeDescription").asText()).isEqualTo("户主在县城找到工作");
        assertThat(http.get("clerk.mengke", path + "/reviews").status()).isEqualTo(404);
    }
}

package cn.minzheng.bureau.community.mediation;

import static cn.minzheng.bureau.community.mediation.CivilMediationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.documents.DocumentFonts;
import cn.minzheng.bureau.documents.PdfText;
import cn.minzheng.bureau.support.WebappSession;

/**
 * 调解协议书 of a dispute mediated through civil-mediation.bpmn, downloaded by its committee and read back with
 * PDFBox; the 民事调解台账 page; the area rule (another community's committee and another township get "not found").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MediationAgreementTest {

    private static final String COMMITTEE = "committee.qinghuayuan";
    private static final LocalDate TODAY = LocalDate.now();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;

    @BeforeEach
    void fonts() {
        DocumentFonts.assumeInstalled();
    }

    @Test
    void theCommitteeDownloadsTheAgreementWithPartiesSessionsAgreementAndSigners() {
        String subject = "楼上漏水致楼下墙面受损" + ThreadLocalRandom.current().nextInt(100_000);
        long disputeId = mediate(subject, "李某赔偿张大爷修缮费800元，于三日内付清。");
        String path = "/ledger/community/disputes/" + disputeId + "/agreement.pdf";
        WebappSession committee = loggedIn(COMMITTEE);

        var response = committee.download(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        PdfText.keep("mediation-agreement.pdf", response.body());
        PdfText agreement = PdfText.of(response.body());
        assertThat(agreement.text()).contains("人民调解协议书", "调字第" + disputeId + "号", "申请人张大爷13800000001",
                "被申请人李某", subject, "双方各执一词", "经现场查看，双方同意协商赔偿", "李某赔偿张大爷修缮费800元，于三日内付清。",
                "申请人（签名）", "被申请人（签名）", "人民调解员（签名）：黄秀英", "清华苑社区人民调解委员会（印）",
                TODAY.getYear() + "年" + TODAY.getMonthValue() + "月" + TODAY.getDayOfMonth() + "日")
                .doesNotContain(COMMITTEE);
        assertThat(agreement.fontsEmbedded()).containsOnly(true);
        // the same request gives the same document
        assertThat(committee.download(path).body()).isEqualTo(response.body());
        // the street office and the district see it too
        assertThat(loggedIn("reviewer.renqiu").download(path).body()).isEqualTo(response.body());
        assertThat(loggedIn("community").download(path).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherCommunityOrTownshipGetsNotFoundAndADisputeStillInMediationHasNoAgreement() {
        long agreed = mediate("宅前通道占用" + ThreadLocalRandom.current().nextInt(100_000), "双方互让，各退半米。");
        String path = "/ledger/community/disputes/" + agreed + "/agreement.pdf";
        for (String outsider : List.of("committee.nanjiang", "clerk.yuecun")) {
            var refused = loggedIn(outsider).download(path);
            assertThat(refused.statusCode()).as(outsider).isEqualTo(404);
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("不存在").doesNotContain("各退半米");
        }
        assertThat(new WebappSession(port).download(path).statusCode()).as("without login").isNotEqualTo(200);

        long open = disputeId(register("尚在调解的纠纷" + ThreadLocalRandom.current().nextInt(100_000)));
        var none = loggedIn(COMMITTEE).download("/ledger/community/disputes/" + open + "/agreement.pdf");
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(new String(none.body(), StandardCharsets.UTF_8)).contains("尚未达成调解协议");
    }

    @Test
    void theLedgerListsACommitteesOwnDisputesWithTheAgreementLinkOfAnAgreedOne() {
        String subject = "邻里噪音纠纷" + ThreadLocalRandom.current().nextInt(100_000);
        long disputeId = mediate(subject, "楼上住户晚十点后不再装修。");

        String page = loggedIn(COMMITTEE).get("/ledger/community/disputes").body();
        assertThat(page).contains("民事调解台账", subject, "已达成协议", "清华苑社区",
                "/ledger/community/disputes/" + disputeId + "/agreement.pdf");
        assertThat(loggedIn("committee.nanjiang").get("/ledger/community/disputes").body())
                .contains("民事调解台账").doesNotContain(subject);
        assertThat(loggedIn("clerk.yuecun").get("/ledger/community/disputes").body()).doesNotContain(subject);
    }

    /** A dispute of 清华苑社区 mediated twice, the second time to an agreement. */
    private long mediate(String subject, String agreementText) {
        ProcessInstance instance = register(subject);
        session(instance, TODAY.minusDays(3), "双方各执一词，约定再次调解", CONTINUE, Map.of());
        session(instance, TODAY, "经现场查看，双方同意协商赔偿", AGREEMENT, Map.of(VAR_AGREEMENT, agreementText));
        return disputeId(instance);
    }

    private ProcessInstance register(String subject) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_SUBJECT, subject);
        variables.put(VAR_PARTIES, SpinValues.jsonValue("""
                [{"partyName":"张大爷","role":"APPLICANT","contact":"13800000001"},{"partyName":"李某","role":"RESPONDENT"}]""")
                .create());
        return walker.as(COMMITTEE, () -> engine.getFormService().submitStartForm(definition, variables));
    }

    private void session(ProcessInstance instance, LocalDate heldOn, String summary, String result, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(more);
        variables.put(VAR_HELD_ON, heldOn.toString());
        variables.put(VAR_SESSION_SUMMARY, summary);
        variables.put(VAR_SESSION_RESULT, result);
        walker.as(COMMITTEE, () -> {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(TASK_SESSION).singleResult();
            engine.getTaskService().complete(task.getId(), variables);
            return null;
        });
    }

    private long disputeId(ProcessInstance instance) {
        return ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(VAR_DISPUTE_ID).singleResult().getValue()).longValue();
    }

    private WebappSession loggedIn(String user) {
        WebappSession session = new WebappSession(port);
        assertThat(session.login(user, "demo").statusCode()).isEqualTo(200);
        return session;
    }
}

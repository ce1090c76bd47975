package cn.minzheng.bureau.relief.documents;

import static cn.minzheng.bureau.relief.DisasterReliefProcess.APPROVE;
import static cn.minzheng.bureau.relief.DisasterReliefProcess.TASK_APPROVE_ALLOCATION;
import static cn.minzheng.bureau.relief.DisasterReliefProcess.TASK_CONFIRM_RECEIPT;
import static cn.minzheng.bureau.relief.DisasterReliefProcess.TASK_FOLLOW_UP_REPORT;
import static cn.minzheng.bureau.relief.DisasterReliefProcess.TASK_INITIAL_REPORT;
import static cn.minzheng.bureau.relief.DisasterReliefProcess.TASK_PAY_RELIEF;
import static cn.minzheng.bureau.relief.DisasterReliefProcess.TASK_RECORD_CITY_FUND;
import static cn.minzheng.bureau.relief.DisasterReliefProcess.TASK_VERIFIED_REPORT;
import static cn.minzheng.bureau.relief.DisasterReliefProcess.TASK_VERIFY_LOSSES;
import static cn.minzheng.bureau.relief.DisasterReliefProcess.VAR_ALLOCATION_DECISION;
import static cn.minzheng.bureau.relief.DisasterReliefProcess.VAR_CITY_FUND;
import static cn.minzheng.bureau.relief.DisasterReliefProcess.VAR_DISASTER_ID;
import static cn.minzheng.bureau.relief.DisasterReliefProcess.VAR_FUND_REQUESTED;
import static cn.minzheng.bureau.relief.DisasterReliefProcess.VAR_SITUATION_STABLE;
import static cn.minzheng.bureau.relief.DisasterReliefProcess.VAR_TOWNSHIP_CODE;
import static cn.minzheng.bureau.relief.DisasterWalker.FINANCE;
import static cn.minzheng.bureau.relief.DisasterWalker.HEAD;
import static cn.minzheng.bureau.relief.DisasterWalker.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.bureau.documents.DocumentFonts;
import cn.minzheng.bureau.documents.PdfText;
import cn.minzheng.bureau.relief.AffectedHousehold;
import cn.minzheng.bureau.relief.DisasterWalker;
import cn.minzheng.bureau.relief.RosterRepository;
import cn.minzheng.bureau.support.WebappSession;

/**
 * The relief register and the 发放登记表 of a disaster walked through disaster-relief.bpmn, downloaded as their
 * users do and read back with PDFBox: names, masked ID numbers, amounts, signers, the township area rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReliefDocumentsTest {

    @LocalServerPort
    int port;
    @Autowired
    DisasterWalker walker;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RosterRepository roster;

    @BeforeEach
    void fonts() {
        DocumentFonts.assumeInstalled();
    }

    private static Map<String, Object> household(String village, String name, String category, String damage, long need) {
        Map<String, Object> row = new HashMap<>(DisasterWalker.household(village, category, damage,
                "NONE".equals(damage) ? 0 : 2, need));
        row.put("headName", name);
        return row;
    }

    /** A disaster in 岳村乡 and 孟轲乡, both rosters signed off; paid when {@code pay}. */
    private long disaster(boolean pay) {
        ProcessInstance instance = walker.register(LocalDateTime.now().minusMinutes(30), "yuecun-dongyue", "mengke-beimeng");
        long disasterId = ((Number) engine.getRuntimeService().getVariable(instance.getId(), VAR_DISASTER_ID)).longValue();
        walker.report(instance, TASK_INITIAL_REPORT, Map.of());
        walker.report(instance, TASK_FOLLOW_UP_REPORT, Map.of(VAR_SITUATION_STABLE, true));
        walker.registerHouseholds("yuecun", instance, List.of(
                household("yuecun-dongyue", "登记甲", "EXTREMELY_POOR", "GENERAL", 1500),
                household("yuecun-dongyue", "登记乙", "SEVERELY_AFFECTED", "SEVERE", 1000)), null);
        walker.signOff("yuecun", instance, APPROVE, null);
        walker.registerHouseholds("mengke", instance, List.of(
                household("mengke-beimeng", "登记丙", "SEVERELY_AFFECTED", "GENERAL", 800)), null);
        walker.signOff("mengke", instance, APPROVE, "属实");
        if (pay) {
            walker.complete(STAFF, instance, TASK_VERIFY_LOSSES, Map.of("verificationNote", "经核实，灾情属实"));
            walker.report(instance, TASK_VERIFIED_REPORT, Map.of(VAR_FUND_REQUESTED, 3300));
            walker.complete(STAFF, instance, TASK_RECORD_CITY_FUND, Map.of(VAR_CITY_FUND, 3300));
            walker.complete(HEAD, instance, TASK_APPROVE_ALLOCATION, Map.of(VAR_ALLOCATION_DECISION, APPROVE));
            walker.complete(FINANCE, instance, TASK_PAY_RELIEF, Map.of("paymentIssued", true));
        }
        return disasterId;
    }

    private WebappSession loggedIn(String user) {
        WebappSession session = new WebappSession(port);
        assertThat(session.login(user, "demo").statusCode()).isEqualTo(200);
        return session;
    }

    private static PdfText pdf(WebappSession session, String path, String keepAs) {
        var response = session.download(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        PdfText.keep(keepAs, response.body());
        return PdfText.of(response.body());
    }

    private AffectedHousehold named(long disasterId, String name) {
        return roster.list(disasterId, null).stream().filter(h -> h.headName().equals(name)).findFirst().orElseThrow();
    }

    private static String masked(AffectedHousehold h) {
        String id = h.idNumber().value();
        return id.substring(0, 6) + "********" + id.substring(14);
    }

    @Test
    void aTownshipClerkGetsTheRegisterOfTheirTownshipOnlyWithIdNumbersMaskedAndTheSigners() {
        long disasterId = disaster(false);
        AffectedHousehold first = named(disasterId, "登记甲");
        WebappSession clerk = loggedIn("clerk.yuecun");

        PdfText register = pdf(clerk, "/ledger/relief/disasters/" + disasterId + "/register.pdf", "relief-register-yuecun.pdf");
        assertThat(register.text()).contains("救灾对象登记表", "岳村乡", "东岳村", "登记甲" + masked(first), "特困户",
                "登记乙", "1500.00", "1000.00", "合计2500.00", "受灾户：2户6人", "口粮", "登记人：", "（岳村乡经办人）", "审核人：", "（岳村乡审核人）")
                .doesNotContain(first.idNumber().value(), "登记丙", "孟轲乡", "clerk.yuecun", "reviewer.yuecun");
        assertThat(register.pages()).isEqualTo(1);
        assertThat(register.text()).doesNotContain("尚未经审核签认");

        // district roles get every township, one section each
        PdfText whole = pdf(loggedIn(STAFF), "/ledger/relief/disasters/" + disasterId + "/register.pdf", "relief-register.pdf");
        assertThat(whole.text()).contains("岳村乡", "孟轲乡", "登记甲", "登记丙", "800.00");
        assertThat(whole.pages()).isEqualTo(2);

        // the 灾情登记户 list links the register, not yet the 发放登记表
        String list = clerk.get("/ledger/lists/disaster-households").body();
        assertThat(list).contains("/ledger/relief/disasters/" + disasterId + "/register.pdf")
                .doesNotContain("/ledger/relief/disasters/" + disasterId + "/distribution.pdf");
        assertThat(loggedIn("clerk.renqiu").get("/ledger/lists/disaster-households").body())
                .doesNotContain("/ledger/relief/disasters/" + disasterId + "/");

        // paid nothing yet: no 发放登记表
        var notPaid = clerk.download("/ledger/relief/disasters/" + disasterId + "/distribution.pdf");
        assertThat(notPaid.statusCode()).isEqualTo(409);
        assertThat(new String(notPaid.body(), StandardCharsets.UTF_8)).contains("尚未发放");
    }

    @Test
    void thePaidHouseholdsAreOnTheDistributionFormWithTheirAmountsAndASignatureColumn() {
        long disasterId = disaster(true);
        AffectedHousehold poor = named(disasterId, "登记甲");
        AffectedHousehold severe = named(disasterId, "登记乙");
        String path = "/ledger/relief/disasters/" + disasterId + "/distribution.pdf";
        WebappSession reviewer = loggedIn("reviewer.yuecun");

        PdfText distribution = pdf(reviewer, path, "relief-distribution-yuecun.pdf");
        String total = poor.allocatedAmount().add(severe.allocatedAmount()).setScale(2).toPlainString();
        assertThat(distribution.text()).contains("救灾救助款物发放登记表", "岳村乡", "领取人签字", "领取日期",
                "登记甲" + masked(poor), poor.allocatedAmount().setScale(2).toPlainString(),
                "登记乙" + masked(severe), severe.allocatedAmount().setScale(2).toPlainString(), "合计" + total)
                .doesNotContain(poor.idNumber().value(), "登记丙");

        assertThat(reviewer.get("/ledger/lists/disaster-households?township=yuecun").body())
                .contains(path + "?township=yuecun");
        PdfText mengke = pdf(loggedIn(FINANCE), path + "?township=mengke", "relief-distribution-mengke.pdf");
        assertThat(mengke.text()).contains("孟轲乡", "登记丙").doesNotContain("登记甲", "岳村乡人民政府");

        // the same request gives the same document
        assertThat(reviewer.download(path).body()).isEqualTo(reviewer.download(path).body());

        // the link of the township's 确认发放 form, filled with its task's variables, is this document
        var task = engine.getTaskService().createTaskQuery().taskDefinitionKey(TASK_CONFIRM_RECEIPT)
                .processVariableValueEquals(VAR_DISASTER_ID, disasterId).list().stream()
                .filter(t -> "yuecun".equals(engine.getTaskService().getVariable(t.getId(), VAR_TOWNSHIP_CODE)))
                .findFirst().orElseThrow();
        String link = formLink("disaster-relief-confirm-receipt.form", "distribution.pdf",
                engine.getTaskService().getVariables(task.getId()));
        assertThat(link).isEqualTo(path + "?township=yuecun");
        assertThat(loggedIn("clerk.yuecun").download(link).body()).isEqualTo(reviewer.download(path).body());
    }

    /** The link to the document in the form's text, its {{variables}} replaced as the form renders them. */
    private static String formLink(String form, String document, Map<String, Object> variables) {
        try (var in = ReliefDocumentsTest.class.getResourceAsStream("/forms/" + form)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            var matcher = java.util.regex.Pattern.compile("\\((/ledger/[^)]*" + document.replace(".", "\\.") + "[^)]*)\\)")
                    .matcher(text);
            assertThat(matcher.find()).as(form + " links " + document).isTrue();
            String link = matcher.group(1);
            for (var variable : variables.entrySet()) {
                link = link.replace("{{" + variable.getKey() + "}}", String.valueOf(variable.getValue()));
            }
            return link;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anotherTownshipGetsNotFoundAndNobodyGetsItWithoutLogin() {
        long disasterId = disaster(false);
        String path = "/ledger/relief/disasters/" + disasterId + "/register.pdf";
        WebappSession renqiu = loggedIn("clerk.renqiu");
        var refused = renqiu.download(path);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("不存在").doesNotContain("登记甲");
        assertThat(loggedIn("clerk.yuecun").download(path + "?township=mengke").statusCode()).isEqualTo(404);
        assertThat(loggedIn("clerk.yuecun").download("/ledger/relief/disasters/999999/register.pdf").statusCode())
                .isEqualTo(404);
        assertThat(new WebappSession(port).download(path).statusCode()).isEqualTo(302);
    }
}

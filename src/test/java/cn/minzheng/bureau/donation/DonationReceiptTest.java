package cn.minzheng.bureau.donation;

import static cn.minzheng.bureau.donation.DonationCampaignProcess.KEY;
import static cn.minzheng.bureau.donation.DonationCampaignProcess.TASK_REGISTER_DONATION;
import static cn.minzheng.bureau.donation.DonationCampaignProcess.VAR_GOODS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.documents.DocumentFonts;
import cn.minzheng.bureau.documents.PdfText;
import cn.minzheng.bureau.support.WebappSession;

/** 捐赠收据 of donations registered through the campaign's register task, downloaded and read back with PDFBox. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DonationReceiptTest {

    private static final String STAFF = "approver";

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

    private ProcessInstance campaign() {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        Map<String, Object> variables = Variables.createVariables().putValue("campaignTitle", "收据测试送温暖")
                .putValue("notice", "请踊跃捐款捐物").putValue("windowStart", LocalDate.now().toString())
                .putValue("windowEnd", LocalDate.now().plusDays(20).toString())
                .putValue("distributionDate", LocalDate.now().plusDays(25).toString());
        return walker.as(STAFF, () -> engine.getFormService().submitStartForm(definition, variables));
    }

    /** Registers a donation as the register form does and gives its receipt number. */
    private String donate(ProcessInstance instance, String donorType, String donor, String cash, List<Map<String, Object>> goods)
            throws Exception {
        Map<String, Object> variables = new HashMap<>(Map.of("donorType", donorType, "donorName", donor));
        if (cash != null) {
            variables.put("cash", new BigDecimal(cash));
        }
        variables.put(VAR_GOODS, SpinValues.jsonValue(new ObjectMapper().writeValueAsString(goods)).create());
        walker.as(STAFF, () -> {
            var task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(TASK_REGISTER_DONATION).singleResult();
            engine.getTaskService().claim(task.getId(), STAFF);
            engine.getTaskService().complete(task.getId(), variables);
            return null;
        });
        String last = (String) engine.getRuntimeService().getVariable(instance.getId(), "lastReceiptNumber");
        return last.substring(0, last.indexOf('（'));
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

    @Test
    void aReceiptShowsTheDonorTheAmountInFiguresAndCapitalsTheGoodsAndTheCampaign() throws Exception {
        ProcessInstance instance = campaign();
        String unit = donate(instance, "UNIT", "收据测试公司", "200050.50",
                List.of(Map.of("goodsKind", "COTTON_COAT", "quantity", 40), Map.of("goodsKind", "QUILT", "quantity", 3)));
        String person = donate(instance, "PERSON", "收据张三", null, List.of(Map.of("goodsKind", "RICE", "quantity", 2)));
        WebappSession staff = loggedIn(STAFF);

        PdfText receipt = pdf(staff, "/ledger/donations/receipts/" + unit + ".pdf", "donation-receipt-unit.pdf");
        assertThat(receipt.text()).contains("公益事业捐赠收据", "收据编号：" + unit, "收据测试公司（单位）", "200050.50",
                "人民币贰拾万零伍拾元伍角整", "棉衣40件", "棉被3床", "收据测试送温暖", "区民政局")
                .doesNotContain("收据张三", "approver");

        PdfText goodsOnly = pdf(staff, "/ledger/donations/receipts/" + person + ".pdf", "donation-receipt-person.pdf");
        assertThat(goodsOnly.text()).contains("收据张三（个人）", "0.00", "人民币零元整", "大米2袋").doesNotContain("收据测试公司");

        // the same request gives the same document
        String path = "/ledger/donations/receipts/" + unit + ".pdf";
        assertThat(staff.download(path).body()).isEqualTo(staff.download(path).body());

        // the register form links the last receipt: its link, filled with the process's variables, is that receipt
        String form;
        try (var in = getClass().getResourceAsStream("/forms/donation-campaign-register.form")) {
            form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var link = java.util.regex.Pattern.compile("\\((/ledger/donations/receipts/[^)]*)\\)").matcher(form);
        assertThat(link.find()).isTrue();
        String lastReceipt = (String) engine.getRuntimeService().getVariable(instance.getId(), "lastReceipt");
        assertThat(lastReceipt).isEqualTo(person);
        assertThat(staff.download(link.group(1).replace("{{lastReceipt}}", lastReceipt)).body())
                .isEqualTo(staff.download("/ledger/donations/receipts/" + person + ".pdf").body());
    }

    @Test
    void townshipStaffAndAnonymousUsersGetNoReceipt() throws Exception {
        String unit = donate(campaign(), "UNIT", "收据李四公司", "100", List.of());
        String path = "/ledger/donations/receipts/" + unit + ".pdf";
        var refused = loggedIn("clerk.yuecun").download(path);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("不存在").doesNotContain("收据李四公司");
        assertThat(loggedIn(STAFF).download("/ledger/donations/receipts/NO-SUCH-0001.pdf").statusCode()).isEqualTo(404);
        assertThat(new WebappSession(port).download(path).statusCode()).isEqualTo(302);
        assertThat(pdf(loggedIn("finance"), path, "donation-receipt-finance.pdf").text()).contains("壹佰元整");
    }
}

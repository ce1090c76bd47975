package cn.minzheng.bureau.dibao.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.documents.DocumentFonts;
import cn.minzheng.bureau.documents.PdfText;
import cn.minzheng.bureau.household.HouseholdForm.IncomeForm;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.dibao.application.DibaoApplicationForm;
import cn.minzheng.bureau.support.TestApplications;
import cn.minzheng.bureau.support.WebappSession;

/**
 * The 低保 documents downloaded as their users do (the webapps' login, the ledgers' area rule) and read back with
 * PDFBox: names, amounts, signers, the reasons and the appeal route, the masking of the notice list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DibaoDocumentsTest {

    private static final String TOWNSHIP_CLERK = "clerk.mengke";
    private static final String TOWNSHIP_REVIEWER = "reviewer.mengke";

    @LocalServerPort
    int port;
    @Autowired
    DibaoWalker walker;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    HouseholdRepository households;

    @BeforeEach
    void fonts() {
        DocumentFonts.assumeInstalled();
    }

    /** A household of the given village with a head of this name and a second member, head earning the wage. */
    private static DibaoApplicationForm household(String village, String head, String member, String wage) {
        DibaoApplicationForm form = TestApplications.household("mengke", village, "ORDINARY", 2, wage);
        return TestApplications.withMembers(form, List.of(
                new MemberForm(head, TestApplications.idNumber(true), "HEAD", "FLEXIBLE", "NONE",
                        List.of(new IncomeForm("WAGE", wage))),
                new MemberForm(member, TestApplications.idNumber(false), "SPOUSE", "UNEMPLOYED", "NONE", List.of())));
    }

    private WebappSession loggedIn(String user) {
        WebappSession session = new WebappSession(port);
        assertThat(session.login(user, "demo").statusCode()).isEqualTo(200);
        return session;
    }

    private static PdfText pdf(WebappSession session, String path) {
        var response = session.download(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        PdfText.keep(path.substring(path.indexOf("/dibao/") + 7).replace('/', '-'), response.body());
        return PdfText.of(response.body());
    }

    @Test
    void anApprovedCaseHasItsConfirmationTableDecisionAndCertificateFromTheStoredCase() {
        DibaoCase approved = walker.approved(TOWNSHIP_CLERK, TOWNSHIP_REVIEWER, "approver",
                household("mengke-beimeng", "文书张甲", "文书李乙", "300"));
        String amount = approved.monthlyAmount().setScale(2).toPlainString();
        String headId = headIdNumber(approved);
        WebappSession clerk = loggedIn(TOWNSHIP_CLERK);

        PdfText confirmation = pdf(clerk, "/ledger/dibao/cases/" + approved.id() + "/confirmation.pdf");
        assertThat(confirmation.text()).contains("城乡居民最低生活保障审核确认表", approved.caseNumber(), "孟轲乡", "北孟村",
                "文书张甲", "文书李乙", headId, "家庭经济困难属实", "自有住房一处", amount + "元",
                approved.perCapitaIncome().setScale(2).toPlainString(),
                "受理申请", "入户调查", "乡镇（街道）审核", "区民政局审批", "陈立新（区民政局审批人）")
                .doesNotContain("Task_", "APPROVE", "clerk.mengke", "approver");

        PdfText decision = pdf(clerk, "/ledger/dibao/cases/" + approved.id() + "/decision.pdf");
        assertThat(decision.text()).contains("最低生活保障批准决定书", "文书张甲", "决定予以批准", "月补助金额：" + amount + "元",
                "保障人口：2人", month(approved.startMonth()), "区民政局");

        PdfText certificate = pdf(clerk, "/ledger/dibao/cases/" + approved.id() + "/certificate.pdf");
        assertThat(certificate.text()).contains("城乡居民最低生活保障证", "证号：" + approved.caseNumber(), "文书张甲", headId,
                amount + "元", month(approved.startMonth()));

        assertThat(clerk.get("/ledger/households/" + approved.householdId()).body()).contains(
                "/ledger/dibao/cases/" + approved.id() + "/confirmation.pdf",
                "/ledger/dibao/cases/" + approved.id() + "/decision.pdf",
                "/ledger/dibao/cases/" + approved.id() + "/certificate.pdf", ">低保证</a>");

        // the same request gives the same document
        assertThat(clerk.download("/ledger/dibao/cases/" + approved.id() + "/decision.pdf").body())
                .isEqualTo(clerk.download("/ledger/dibao/cases/" + approved.id() + "/decision.pdf").body());
    }

    @Test
    void aRejectedCaseGetsTheWrittenRefusalWithTheReasonAndTheAppealRouteAndNoCertificate() {
        DibaoCase dibaoCase = walker.submit(TOWNSHIP_CLERK, household("mengke-beimeng", "文书王丙", "文书赵丁", "200"));
        walker.accept(TOWNSHIP_CLERK, dibaoCase);
        walker.survey(TOWNSHIP_CLERK, dibaoCase, Map.of());
        walker.reviewByTownship(TOWNSHIP_REVIEWER, dibaoCase, "APPROVE", "同意");
        walker.endNotice(dibaoCase);
        walker.approveByDistrict("approver", dibaoCase, "REJECT", "名下登记小型汽车一辆，不符合财产条件");
        WebappSession reviewer = loggedIn(TOWNSHIP_REVIEWER);

        PdfText refusal = pdf(reviewer, "/ledger/dibao/cases/" + dibaoCase.id() + "/decision.pdf");
        assertThat(refusal.text()).contains("不予批准最低生活保障书面通知", "文书王丙", "决定不予批准",
                "名下登记小型汽车一辆，不符合财产条件", "60日内向区民政局提出申诉复核", "行政复议", "六个月内向人民法院提起行政诉讼");

        var certificate = reviewer.download("/ledger/dibao/cases/" + dibaoCase.id() + "/certificate.pdf");
        assertThat(certificate.statusCode()).isEqualTo(409);
        assertThat(new String(certificate.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("没有低保证");
    }

    @Test
    void theNoticeListOfAVillageShowsItsHouseholdsInNoticeWithIdNumbersMasked() {
        List<String> heads = List.of("文书孙戊", "文书周己");
        List<DibaoCase> inNotice = new ArrayList<>();
        for (String head : heads) {
            DibaoCase dibaoCase = walker.submit(TOWNSHIP_CLERK, household("mengke-mengke", head, head + "妻", "100"));
            walker.accept(TOWNSHIP_CLERK, dibaoCase);
            walker.survey(TOWNSHIP_CLERK, dibaoCase, Map.of());
            walker.reviewByTownship(TOWNSHIP_REVIEWER, dibaoCase, "APPROVE", "同意");
            inNotice.add(cases.find(dibaoCase.id()).orElseThrow());
        }
        walker.submit(TOWNSHIP_CLERK, household("mengke-beimeng", "文书吴庚", "文书吴庚妻", "100"));

        PdfText list = pdf(loggedIn(TOWNSHIP_CLERK), "/ledger/dibao/notices/mengke-mengke.pdf");
        assertThat(list.text()).contains("城乡居民最低生活保障公示名单", "孟轲乡", "孟轲村", "公示期", "有异议的")
                .doesNotContain("文书吴庚");
        for (DibaoCase dibaoCase : inNotice) {
            String id = headIdNumber(dibaoCase);
            String name = heads.get(inNotice.indexOf(dibaoCase));
            assertThat(list.text()).contains(name + id.substring(0, 6) + "********" + id.substring(14) + "2"
                    + dibaoCase.monthlyAmount().setScale(2).toPlainString());
            assertThat(list.text()).doesNotContain(id).doesNotContain(name + "妻");
        }
    }

    @Test
    void aTownshipGetsOnlyItsOwnDocumentsAndNobodyWithoutLogin() {
        DibaoCase mengke = walker.approved(TOWNSHIP_CLERK, TOWNSHIP_REVIEWER, "approver",
                household("mengke-beimeng", "文书郑辛", "文书郑辛妻", "300"));
        WebappSession renqiu = loggedIn("clerk.renqiu");
        for (String document : List.of("confirmation", "decision", "certificate")) {
            var refused = renqiu.download("/ledger/dibao/cases/" + mengke.id() + "/" + document + ".pdf");
            assertThat(refused.statusCode()).as(document).isEqualTo(404);
            assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("不存在").doesNotContain("文书郑辛");
        }
        assertThat(renqiu.download("/ledger/dibao/notices/mengke-beimeng.pdf").statusCode()).isEqualTo(404);
        assertThat(renqiu.download("/ledger/dibao/notices/no-such-village.pdf").statusCode()).isEqualTo(404);

        assertThat(pdf(loggedIn("approver"), "/ledger/dibao/cases/" + mengke.id() + "/certificate.pdf").text())
                .contains("文书郑辛");
        assertThat(new WebappSession(port).download("/ledger/dibao/cases/" + mengke.id() + "/certificate.pdf").statusCode())
                .isEqualTo(302);
    }

    private String headIdNumber(DibaoCase dibaoCase) {
        return households.find(dibaoCase.householdId()).orElseThrow().head().idNumber().value();
    }

    private static String month(String yearMonth) {
        String[] parts = yearMonth.split("-");
        return parts[0] + "年" + Integer.parseInt(parts[1]) + "月";
    }
}

package cn.minzheng.bureau.program.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.documents.DocumentFonts;
import cn.minzheng.bureau.documents.PdfText;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramCase;
import cn.minzheng.bureau.program.ProgramRegistry;
import cn.minzheng.bureau.support.TestApplications;
import cn.minzheng.bureau.support.WebappSession;

/**
 * The decision letter of an enrolment of a program other than 低保, downloaded from the household file as a
 * township's staff do and read back: granted monthly (amount in figures and capitals, first month), granted
 * one-off, refused with its reason; not yet decided has none; another township gets "not found"; a 低保
 * enrolment points to its case's letter. The programs are registered the way a program's Flyway script does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnrolmentDecisionsTest {

    private static final String MONTHLY = "TEST_LETTER_MONTHLY";
    private static final String ONE_OFF = "TEST_LETTER_ONE_OFF";
    private static final String CLERK = "clerk.renqiu";

    @LocalServerPort
    int port;
    @Autowired
    DibaoWalker walker;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    ProgramRegistry programs;
    @Autowired
    HouseholdRepository households;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void programs() {
        DocumentFonts.assumeInstalled();
        register(MONTHLY, "测试月度津贴", "MONTHLY");
        register(ONE_OFF, "测试一次性救助", "ONE_OFF");
    }

    @Test
    void aGrantedMonthlyEnrolmentsLetterNamesThePersonTheAmountInCapitalsTheFirstMonthAndTheAppealRoute() {
        Household household = household();
        Household.Member spouse = household.members().get(1);
        Enrolment granted = enrol(MONTHLY, household, spouse.idNumber().value(), EnrolmentStatus.ACTIVE, "125.50", "2026-03", "经审核符合条件");
        WebappSession clerk = loggedIn(CLERK);

        String file = clerk.get("/ledger/households/" + household.id()).body();
        String link = "/ledger/enrolments/" + granted.id() + "/decision.pdf";
        assertThat(file).contains("测试月度津贴", link);

        PdfText letter = pdf(clerk, link, "enrolment-decision-monthly.pdf");
        int year = LocalDate.now().getYear();
        assertThat(letter.text()).contains("测试月度津贴批准决定通知书", "（" + year + "）" + MONTHLY + "决字第" + granted.id() + "号",
                spouse.name() + "（公民身份号码" + spouse.idNumber().masked() + "）", "你（任丘", "决定予以批准",
                "自2026年3月起每月发放125.50元（人民币壹佰贰拾伍元伍角整）", "六十日内", "行政复议", "六个月内", "行政诉讼",
                "享受中", "（任丘办经办人）", "经审核符合条件", "区民政局（盖章）")
                .doesNotContain(spouse.idNumber().value(), "不予批准");
        assertThat(letter.fontsEmbedded()).containsOnly(true);
        // the same request gives the same document
        assertThat(clerk.download(link).body()).isEqualTo(clerk.download(link).body());
        // another township: not found
        var refused = loggedIn("clerk.yuecun").download(link);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain(spouse.name());
    }

    @Test
    void aOneOffGrantARefusalAndAnUndecidedEnrolment() {
        Household household = household();
        Enrolment grant = enrol(ONE_OFF, household, null, EnrolmentStatus.ACTIVE, "1800", null, "急难型救助");
        Enrolment refusal = enrol(MONTHLY, household, household.head().idNumber().value(), EnrolmentStatus.REFUSED, "0", null,
                "年龄不满80周岁");
        Enrolment undecided = enrol(MONTHLY, household, household.members().get(1).idNumber().value(), EnrolmentStatus.APPLIED,
                "0", null, "提出申请");
        WebappSession clerk = loggedIn(CLERK);

        assertThat(pdf(clerk, "/ledger/enrolments/" + grant.id() + "/decision.pdf", "enrolment-decision-one-off.pdf").text())
                .contains("测试一次性救助批准决定通知书", household.head().name(), "你户", "一次性给予测试一次性救助金1800.00元（人民币壹仟捌佰元整）")
                .doesNotContain("每月发放");
        assertThat(pdf(clerk, "/ledger/enrolments/" + refusal.id() + "/decision.pdf", "enrolment-decision-refused.pdf").text())
                .contains("测试月度津贴不予批准决定通知书", "决定不予批准", "理由：年龄不满80周岁", "行政复议")
                .doesNotContain("每月发放");

        var none = clerk.download("/ledger/enrolments/" + undecided.id() + "/decision.pdf");
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(new String(none.body(), StandardCharsets.UTF_8)).contains("尚未审批");
        assertThat(clerk.get("/ledger/households/" + household.id()).body())
                .doesNotContain("/ledger/enrolments/" + undecided.id() + "/decision.pdf");
    }

    @Test
    void aDibaoEnrolmentsLetterIsItsCasesDecision() {
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.household("renqiu", "renqiu-yongle", "ORDINARY", 2, "300"));
        Enrolment dibao = enrolments.forProgramCase(Program.DIBAO, dibaoCase.id()).orElseThrow();
        var response = loggedIn(CLERK).download("/ledger/enrolments/" + dibao.id() + "/decision.pdf");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .endsWith("/ledger/dibao/cases/" + dibaoCase.id() + "/decision.pdf");
    }

    private Household household() {
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.household("renqiu", "renqiu-yongle", "ORDINARY", 2, "300"));
        return households.find(dibaoCase.householdId()).orElseThrow();
    }

    private Enrolment enrol(String program, Household household, String idNumber, EnrolmentStatus status, String amount,
                            String startMonth, String reason) {
        return enrolments.mirror(new ProgramCase(program, ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE),
                household.id(), idNumber, household.townshipCode(), status, new BigDecimal(amount), startMonth, null),
                CLERK, reason);
    }

    private void register(String code, String name, String kind) {
        if (programs.find(code).isEmpty()) {
            jdbc.sql("""
                    insert into program (code, name, kind, application_process_key, decision_keys, payment_cycle)
                    values (?, ?, ?, 'test-letter', '', 'MONTHLY')""").params(code, name, kind).update();
        }
    }

    private static PdfText pdf(WebappSession session, String path, String keepAs) {
        var response = session.download(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        PdfText.keep(keepAs, response.body());
        return PdfText.of(response.body());
    }

    private WebappSession loggedIn(String user) {
        WebappSession session = new WebappSession(port);
        assertThat(session.login(user, "demo").statusCode()).isEqualTo(200);
        return session;
    }
}

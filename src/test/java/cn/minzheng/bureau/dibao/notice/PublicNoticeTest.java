package cn.minzheng.bureau.dibao.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.application.DibaoApplicationForm;
import cn.minzheng.bureau.dibao.application.DibaoApplicationProcess;
import cn.minzheng.bureau.household.HouseholdForm.IncomeForm;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.support.TestApplications;
import cn.minzheng.bureau.support.WebappSession;

/** The public notice page as anyone meets it, without a login: what it shows, what it never shows, the objection. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicNoticeTest {

    private static final String CLERK = "clerk.zhongyuan";
    private static final String REVIEWER = "reviewer.zhongyuan";

    @LocalServerPort
    int port;
    @Autowired
    DibaoWalker walker;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;

    private record Applied(DibaoCase dibaoCase, String headId, String account) {
    }

    private Applied inNotice(String head, String wage) {
        DibaoApplicationForm form = TestApplications.withMembers(
                TestApplications.household("zhongyuan", "zhongyuan-huanghenan", "ORDINARY", 2, wage),
                List.of(new MemberForm(head, TestApplications.idNumber(true), "HEAD", "FLEXIBLE", "NONE",
                                List.of(new IncomeForm("WAGE", wage))),
                        new MemberForm(head + "妻", TestApplications.idNumber(false), "SPOUSE", "UNEMPLOYED", "NONE", List.of())));
        DibaoCase dibaoCase = walker.submit(CLERK, form);
        walker.accept(CLERK, dibaoCase);
        walker.survey(CLERK, dibaoCase, Map.of());
        walker.reviewByTownship(REVIEWER, dibaoCase, "APPROVE", "同意");
        return new Applied(cases.find(dibaoCase.id()).orElseThrow(), form.household().members().get(0).idNumber(),
                form.household().bankAccount());
    }

    @Test
    void thePageListsNamesVillagesSizesAndAmountsAndNothingElse() {
        Applied notice = inNotice("公示钱甲", "317.00");
        DibaoCase approved = walker.approved(CLERK, REVIEWER, "approver", TestApplications.withMembers(
                TestApplications.household("zhongyuan", "zhongyuan-huanghenan", "ORDINARY", 1, "100"),
                List.of(new MemberForm("公示孙乙", TestApplications.idNumber(true), "HEAD", "FLEXIBLE", "NONE",
                        List.of(new IncomeForm("WAGE", "100"))))));
        walker.approved("clerk.yuecun", "reviewer.yuecun", "approver", TestApplications.withMembers(
                TestApplications.yuecunHousehold(1, "100"),
                List.of(new MemberForm("公示外乡丙", TestApplications.idNumber(true), "HEAD", "FLEXIBLE", "NONE",
                        List.of(new IncomeForm("WAGE", "100"))))));

        var response = new WebappSession(port).get("/public/notices/zhongyuan");
        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();
        String inNoticeTable = page.substring(page.indexOf("id=\"in-notice\""), page.indexOf("如何提出异议"));
        assertThat(inNoticeTable).contains("公示钱甲", "黄河南", ">2<", notice.dibaoCase().monthlyAmount().setScale(2).toPlainString(),
                "年", "月");
        String approvedTable = page.substring(page.indexOf("id=\"approved\""));
        assertThat(approvedTable).contains("公示孙乙", approved.monthlyAmount().setScale(2).toPlainString())
                .doesNotContain("公示钱甲");
        assertThat(page).contains("如何提出异议", "公示截止")
                .doesNotContain(notice.headId(), notice.headId().substring(0, 14), notice.account(), "6228480000000000001",
                        "317.00", "工资", "公示钱甲妻", "测试地址", notice.dibaoCase().caseNumber(), "公示外乡丙", "岳村乡");
        assertThat(new WebappSession(port).get("/public/notices").body()).contains("中原办事处", "岳村乡");
        assertThat(new WebappSession(port).get("/public/notices/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void anEndedNoticeDisappears() {
        Applied notice = inNotice("公示李丁", "200.00");
        assertThat(new WebappSession(port).get("/public/notices/zhongyuan").body()).contains("公示李丁");

        walker.endNotice(notice.dibaoCase());

        assertThat(cases.find(notice.dibaoCase().id()).orElseThrow().status()).isEqualTo(CaseStatus.UNDER_REVIEW);
        assertThat(new WebappSession(port).get("/public/notices/zhongyuan").body()).doesNotContain("公示李丁");
    }

    @Test
    void anOnlineObjectionTakesTheNoticesObjectionPathAndIsRefusedInChineseWhenIncompleteOrLate() {
        Applied notice = inNotice("公示周戊", "200.00");
        String path = "/public/notices/zhongyuan/objections";
        WebappSession anyone = new WebappSession(port);
        // the session's token, from the page's form as the resident's browser holds it; it stays valid after the
        // form has gone from the page (no application left in notice)
        String page = "/public/notices/zhongyuan";
        String token = anyone.pageToken(page);

        var forged = anyone.postFormWithoutToken(path, objection(notice, "13800000000", "该户有门面房出租", null));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(cases.find(notice.dibaoCase().id()).orElseThrow().status()).isEqualTo(CaseStatus.IN_NOTICE);

        var incomplete = anyone.postFormWithoutToken(path, objection(notice, "", "该户有门面房出租", token));
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.body()).contains("联系方式不能为空").contains("该户有门面房出租");
        assertThat(cases.find(notice.dibaoCase().id()).orElseThrow().status()).isEqualTo(CaseStatus.IN_NOTICE);

        var done = anyone.postFormWithoutToken(path, objection(notice, "13800000000", "该户有门面房出租", token));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("您的异议已登记");
        assertThat(taskService.createTaskQuery().processInstanceId(notice.dibaoCase().processInstanceId())
                .taskDefinitionKey(DibaoApplicationProcess.TASK_SURVEY).count()).isOne();
        assertThat(jdbc.sql("select comment from dibao_decision where case_id = ? and decision = 'OBJECTION'")
                .param(notice.dibaoCase().id()).query(String.class).single())
                .isEqualTo("网上异议 张三（13800000000）：该户有门面房出租");

        var late = anyone.postFormWithoutToken(path, objection(notice, "13800000000", "再次反映", token));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("不在公示期内");
        // a case of another township cannot be objected to through this township's page
        var elsewhere = anyone.postFormWithoutToken("/public/notices/yuecun/objections",
                objection(inNotice("公示吴己", "200.00"), "1", "x", token));
        assertThat(elsewhere.statusCode()).isEqualTo(409);
    }

    /** The objection form's fields as a resident fills them in, with the session's token (none: a forged post). */
    private static Map<String, String> objection(Applied notice, String contact, String content, String token) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("caseId", Long.toString(notice.dibaoCase().id()),
                "name", "张三", "contact", contact, "content", content));
        if (token != null) {
            fields.put("_csrf", token);
        }
        return fields;
    }
}

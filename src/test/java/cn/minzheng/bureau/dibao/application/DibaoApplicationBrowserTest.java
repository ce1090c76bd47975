package cn.minzheng.bureau.dibao.application;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.verification.AgencyRecord;
import cn.minzheng.bureau.dibao.verification.AgencyRecordKind;
import cn.minzheng.bureau.dibao.verification.AgencyRecordRepository;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/**
 * The 低保 application end to end in a real browser, each step by the person who does it: the township
 * clerk registers it with the start form (发起流程 → 城乡低保申请审批), accepts it (受理) and records the
 * household survey (入户调查), the township reviewer reviews it (乡镇审核), the public notice runs its
 * course (公示), and the district approver approves it (区审批). Screenshots of each step stay in
 * target/screenshots/.
 */
@BrowserTest
class DibaoApplicationBrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    DibaoWalker walker;
    @Autowired
    AgencyRecordRepository agencyRecords;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void aClerkRegistersAnApplicationThatGoesThroughEveryLevelToApproval(Tasklist tasklist) {
        String headId = TestApplications.idNumber(false);
        // what the bank told the bureau about the applicant, found by the economic-status check
        agencyRecords.insert(new AgencyRecord(headId, AgencyRecordKind.DEPOSIT, "农村商业银行", "活期储蓄",
                new BigDecimal("2400.00"), false, false, LocalDate.of(2026, 11, 1)));
        tasklist.loginAs("clerk.yuecun");
        CamundaForm start = tasklist.startProcess("城乡低保申请审批");
        tasklist.screenshot("dibao-1-start-form-empty");
        // the clerk is offered their own township only, and the villages of the township chosen
        assertThat(start.options("乡镇（街道）", 0)).containsExactly("岳村乡");
        start.select("乡镇（街道）", "岳村乡");
        assertThat(start.options("村（社区）", 0)).contains("岳村", "东岳村", "西岳村").doesNotContain("孟轲村", "中庆社区");
        fillApplication(start, headId);
        // a son outside the household: rural threshold 1500, so his 1200 a month contributes nothing
        String sonId = TestApplications.idNumber(true);
        start.addRow("家庭以外的赡养（抚养、扶养）义务人")
                .type("义务人姓名", 0, "赵大成")
                .type("义务人公民身份号码", 0, sonId)
                .select("义务关系", 0, "赡养（子女对父母、孙子女对祖父母）")
                .type("义务人月收入", 0, 1200);
        tasklist.screenshot("dibao-1-start-form-filled");
        assertThat(start.errors()).isEmpty();
        start.submit();

        tasklist.waiting().until(d -> caseOf(headId) != null);
        DibaoCase dibaoCase = cases.find(caseOf(headId)).orElseThrow();
        assertThat(dibaoCase.townshipCode()).isEqualTo("yuecun");
        assertThat(jdbc.sql("select community_code from household where id = ?").param(dibaoCase.householdId())
                .query(String.class).single()).isEqualTo("yuecun-dongyue");
        assertThat(taskKey(dibaoCase)).isEqualTo(TASK_ACCEPT);
        assertThat(jdbc.sql("select name || ' ' || id_number || ' ' || relation || ' ' || monthly_income from dibao_supporter"
                + " where case_id = ?").param(dibaoCase.id()).query(String.class).list())
                .containsExactly("赵大成 " + sonId + " MAINTAINS_PARENT 1200.00");

        CamundaForm accept = tasklist.openTask(task(dibaoCase).getId());
        assertThat(String.join(" ", accept.values())).contains(dibaoCase.caseNumber(), "赵春花");
        accept.choose("受理决定", "受理").check("申请人及家庭成员已签署家庭经济状况核对授权书", true);
        tasklist.screenshot("dibao-2-accept");
        accept.submit();
        // 居民家庭经济状况核对: the application's worker runs the external task (its polling is off in tests)
        tasklist.waiting().until(d -> activities(dibaoCase).contains(TASK_CHECK_ECONOMIC_STATUS));
        walker.verify(dibaoCase);
        tasklist.waiting().until(d -> TASK_SURVEY.equals(taskKey(dibaoCase)));

        CamundaForm survey = tasklist.openTask(task(dibaoCase).getId());
        tasklist.screenshot("dibao-3-survey-verification-report");
        // the surveyor sees the verification report: what the agencies hold on the household
        assertThat(String.join(" ", survey.values())).contains("核对机构：区民政局核对记录", "赵春花", "银行存款",
                "活期储蓄", "2400.00元", "合计：金融资产2400.00元；机动车0辆");
        assertThat(survey.text()).contains("居民家庭经济状况核对");
        survey.type("一看家底：住房、车辆、存款等", "土坯房三间，无车辆，存款不足千元")
                .type("二问收入", "户主打零工，月收入约300元")
                .type("三查就业情况", "户主灵活就业")
                .type("四核水电气暖开支（元/月，核实数）", 60)
                .type("五了解隐性收入（元/月，无则填0）", 0)
                .check("已入户走访核查", true)
                .type("调查结论", "家庭经济困难属实");
        // 入户调查 by two named investigators: the second is required
        survey.type("第二调查人姓名", "孙立群");
        tasklist.screenshot("dibao-3-survey");
        survey.submit();
        tasklist.waiting().until(d -> TASK_REVIEW_BY_TOWNSHIP.equals(taskKey(dibaoCase)));

        tasklist.loginAs("reviewer.yuecun");
        CamundaForm review = tasklist.openTask(task(dibaoCase).getId());
        // the reviewer sees the report, the asset rule's verdict and, declared 0 against 2400.00 verified, the gap
        assertThat(String.join(" ", review.values())).contains("活期储蓄", "多出2400.00元");
        assertThat(review.field("家庭财产状况认定结果", 0).getAttribute("value")).isEqualTo("家庭财产状况符合规定");
        // rural standard 520: (520 − 300) × 1 = 220.00
        assertThat(String.join(" ", review.values())).contains("220.00");
        review.choose("审核决定", "同意（进入公示）").type("审核意见；不同意时须写明理由，将告知申请人", "情况属实，同意公示。");
        tasklist.screenshot("dibao-4-township-review");
        review.submit();
        tasklist.waiting().until(d -> TASK_PUBLIC_NOTICE.equals(taskKey(dibaoCase)));

        walker.endNotice(cases.find(dibaoCase.id()).orElseThrow());
        assertThat(taskKey(dibaoCase)).isEqualTo(TASK_APPROVE_BY_DISTRICT);

        tasklist.loginAs("approver");
        CamundaForm approval = tasklist.openTask(task(dibaoCase).getId());
        approval.choose("审批决定", "批准").type("审批意见；不批准时须写明理由，将告知申请人", "同意纳入农村低保。");
        tasklist.screenshot("dibao-5-district-approval");
        approval.submit();
        tasklist.waiting().until(d -> "APPROVED".equals(cases.find(dibaoCase.id()).orElseThrow().status().name()));
        assertThat(cases.find(dibaoCase.id()).orElseThrow().monthlyAmount()).isEqualByComparingTo("220.00");
        assertThat(cases.find(dibaoCase.id()).orElseThrow().calculationSnapshot()).contains("赵大成", "\"contribution\":\"0.00\"");
        assertThat(jdbc.sql("select second_investigator from dibao_survey where case_id = ?").param(dibaoCase.id())
                .query(String.class).single()).isEqualTo("孙立群");
        tasklist.screenshot("dibao-6-approved");
    }

    @Test
    void aRefusalOfTheServerIsShownInChineseBesideTheButtonAndNothingIsWritten(Tasklist tasklist) {
        String validId = TestApplications.idNumber(true);
        String wrongCheckDigit = validId.substring(0, 17) + (validId.charAt(17) == '1' ? "2" : "1");
        long casesBefore = jdbc.sql("select count(*) from dibao_case").query(Long.class).single();
        tasklist.loginAs("clerk.yuecun");
        CamundaForm start = tasklist.startProcess("城乡低保申请审批");
        fillApplication(start, wrongCheckDigit);
        start.submit();

        var refusal = tasklist.waiting().until(d -> d.findElements(By.cssSelector(".modal-footer .bureau-refusal")).stream()
                .filter(e -> e.isDisplayed() && e.getText().contains("：") && !e.getText().endsWith("：")).findFirst().orElse(null));
        tasklist.screenshot("dibao-start-form-refused");
        assertThat(refusal.getText()).contains("公民身份号码").doesNotContain("Cannot", "ENGINE", "dibao-application:");
        assertThat(jdbc.sql("select count(*) from dibao_case").query(Long.class).single()).isEqualTo(casesBefore);
        // the dialog and what was typed are still there
        assertThat(start.values()).contains("东岳村12号");
    }

    @Test
    void formTextsAreChineseAndAFilledFormIsNotLostByEscOrAClickBeside(Tasklist tasklist) {
        tasklist.loginAs("clerk.yuecun");
        CamundaForm start = tasklist.startProcess("城乡低保申请审批");
        start.type("家庭住址", "东岳村3号").type("银行账号", "12ab");
        start.type("家庭住址", "");
        tasklist.screenshot("dibao-start-form-errors");
        assertThat(start.errors()).contains("此项必填。").anySatisfy(e -> assertThat(e).startsWith("银行账号格式不正确"));
        assertThat(start.text()).contains("添加一行", "请选择").doesNotContain("Field", "Select", "Add new");

        tasklist.driver().findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
        tasklist.driver().findElement(By.cssSelector(".modal-backdrop, .modal")).click();
        assertThat(tasklist.driver().findElements(By.cssSelector(".modal .fjs-form"))).hasSize(1);
        assertThat(start.values()).contains("12ab");
    }

    static void fillApplication(CamundaForm form, String headId) {
        form.select("村（社区）", "东岳村")
                .type("家庭住址", "东岳村12号")
                .select("保障类别", "一般困难家庭")
                .type("开户银行", "中国农业银行")
                .type("银行账号", "6228480012345678901")
                .type("水费（元/月）", 15)
                .type("电费（元/月）", 40)
                .type("姓名", 0, "赵春花")
                .type("公民身份号码", 0, headId)
                .select("与户主关系", 0, "户主")
                .select("就业状况", 0, "务农")
                .select("残疾等级", 0, "无")
                .type("工资性收入", 0, 300);
    }

    private Long caseOf(String headId) {
        List<Long> found = jdbc.sql("""
                select c.id from dibao_case c join household_member m on m.household_id = c.household_id
                where m.id_number = ?""").param(headId).query(Long.class).list();
        return found.isEmpty() ? null : found.get(0);
    }

    private Task task(DibaoCase dibaoCase) {
        return taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId()).singleResult();
    }

    private List<String> activities(DibaoCase dibaoCase) {
        return runtimeService.getActiveActivityIds(dibaoCase.processInstanceId());
    }

    private String taskKey(DibaoCase dibaoCase) {
        Task task = task(cases.find(dibaoCase.id()).orElseThrow());
        return task == null ? "" : task.getTaskDefinitionKey();
    }
}

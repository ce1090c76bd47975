package cn.minzheng.bureau.access;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.APPROVE;
import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.TASK_ACCEPT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DemoUsers;
import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.application.DibaoApplicationForm;
import cn.minzheng.bureau.dibao.application.DibaoApplicationProcess;
import cn.minzheng.bureau.dibao.deadline.SupervisionProcess;
import cn.minzheng.bureau.dibao.report.ReportProcess;
import cn.minzheng.bureau.household.HouseholdForm.IncomeForm;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.LoginSessions;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/**
 * Tasklist and Cockpit as the bureau's new users met them (issue 19), in a real browser: every demo user's
 * list holds today's work with the case on each card, every role finds a case by typing the applicant's
 * name or the case number into the search box, people appear by name and post (header, assignee, history,
 * the approver's form, the investigator to choose), the priority shows only where a task was escalated,
 * and the process manager's Cockpit counts the open tasks and shows the human-task page in Chinese.
 * Screenshots: target/screenshots/tasklist-*.png, cockpit-procmgr-*.png.
 */
@BrowserTest
class TasklistBrowserTest {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";

    @Autowired
    DibaoWalker walker;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDemoUserFindsTodaysWorkWithTheCaseOnEachCard(Tasklist tasklist) {
        for (DemoUsers.DemoUser user : DemoUsers.all()) {
            // the funeral home only starts claims (惠民殡葬); it has no task of its own
            if (List.of("procmgr", "admin", "funeralhome").contains(user.id())) {
                continue;
            }
            tasklist.loginThroughThePage(user.id());
            tasklist.waiting().until(d -> !cards(tasklist).isEmpty());
            tasklist.screenshot("tasklist-" + user.id());
            List<String> cards = cards(tasklist);
            assertThat(cards).as("cards of %s", user.id()).allSatisfy(card ->
                    assertThat(card).as("a card of %s shows its case", user.id()).contains(":"));
            // no bare number ("50" on every card): nothing, or 加急 where a task was escalated
            assertThat(priorities(tasklist)).as("priorities shown to %s", user.id())
                    .allMatch(p -> p.isEmpty() || p.equals("加急"));
            assertThat(tasklist.bodyText()).as("header of %s", user.id())
                    .contains(user.name() + "（" + user.post() + "）");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "clerk.yuecun,    yuecun,    yuecun-dongyue,      ACCEPTANCE,        岳搜索",
            "reviewer.mengke, mengke,    mengke-mengke,       TOWNSHIP_REVIEW,   孟搜索",
            "approver,        zhongyuan, zhongyuan-zhongqing, DISTRICT_APPROVAL, 中搜索"})
    void eachRoleFindsACaseByApplicantOrCaseNumber(String user, String township, String community, String stage,
                                                   String surname, Tasklist tasklist) {
        String applicant = TestApplications.personName(surname);
        DibaoCase dibaoCase = caseAt(stage, township, community, applicant);

        tasklist.loginAs(user);
        search(tasklist, applicant);
        tasklist.waiting().until(d -> onlyCard(tasklist, applicant));
        assertThat(cards(tasklist).get(0)).contains("案件编号", dibaoCase.caseNumber(), "申请人", applicant);
        tasklist.screenshot("tasklist-search-" + user);

        tasklist.open(TASKLIST);
        tasklist.waiting().until(d -> cards(tasklist).size() > 1);
        search(tasklist, dibaoCase.caseNumber());
        tasklist.waiting().until(d -> onlyCard(tasklist, applicant));
    }

    @Test
    void theHeadOfTheSectionFindsASupervisedCaseByItsApplicant(Tasklist tasklist) {
        Task supervision = taskService.createTaskQuery().processDefinitionKey(SupervisionProcess.KEY).list().get(0);
        String applicant = (String) taskService.getVariable(supervision.getId(), "applicantName");
        String caseNumber = (String) taskService.getVariable(supervision.getId(), "caseNumber");

        tasklist.loginAs("dibaohead");
        search(tasklist, applicant);
        tasklist.waiting().until(d -> onlyCard(tasklist, caseNumber));
        assertThat(cards(tasklist).get(0)).contains("督办超期案件", applicant);
    }

    @Test
    void peopleAppearByNameAndPost(Tasklist tasklist) {
        String applicant = TestApplications.personName("中名字");
        DibaoCase dibaoCase = caseAt("ACCEPTANCE", "zhongyuan", "zhongyuan-nanjiang", applicant);
        Task accept = taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId()).singleResult();

        tasklist.loginAs("clerk.zhongyuan");
        tasklist.openTask(accept.getId()); // claims it
        tasklist.open(TASKLIST + "#/?task=" + accept.getId() + "&detailsTab=task-detail-history");
        tasklist.waiting().until(d -> !d.findElements(By.cssSelector(".history-pane .operation-user")).isEmpty());
        tasklist.waiting().until(d -> d.findElement(By.cssSelector(".history-pane")).getText().contains("郑静（中原办经办人）"));
        tasklist.screenshot("tasklist-history-by-name");
        assertThat(tasklist.driver().findElement(By.cssSelector(".history-pane")).getText()).doesNotContain("clerk.zhongyuan");
        search(tasklist, applicant);
        tasklist.waiting().until(d -> onlyCard(tasklist, applicant));
        assertThat(cards(tasklist).get(0)).contains("郑静（中原办经办人）");

        // the approver reads who reviewed the case and who decided what, by name
        walker.accept("clerk.zhongyuan", dibaoCase);
        walker.survey("clerk.zhongyuan", dibaoCase, Map.of());
        walker.reviewByTownship("reviewer.zhongyuan", dibaoCase, APPROVE, "同意");
        walker.endNotice(dibaoCase);
        Task approval = taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId()).singleResult();
        tasklist.loginAs("approver");
        CamundaForm form = tasklist.openTask(approval.getId());
        tasklist.waiting().until(d -> String.join("\n", form.values()).contains("冯国庆（中原办审核人）"));
        tasklist.screenshot("tasklist-approval-reviewer-by-name");
        assertThat(String.join("\n", form.values())).contains("郑静（中原办经办人）：受理", "冯国庆（中原办审核人）：同意")
                .doesNotContain("clerk.zhongyuan", "reviewer.zhongyuan");
    }

    @Test
    void theReviewerChoosesTheInvestigatorByName(Tasklist tasklist) {
        Task assign = taskService.createTaskQuery().processDefinitionKey(ReportProcess.KEY)
                .taskDefinitionKey(ReportProcess.TASK_ASSIGN).taskCandidateGroup("reviewer-zhongyuan").list().get(0);
        try {
            tasklist.loginAs("reviewer.zhongyuan");
            CamundaForm form = tasklist.openTask(assign.getId());
            assertThat(form.options("调查人员", 0)).contains("郑静（中原办经办人）", "冯国庆（中原办审核人）");
            tasklist.screenshot("tasklist-investigator-by-name");
        } finally {
            taskService.setAssignee(assign.getId(), null); // the demo task stays as it was for the other tests
        }
    }

    /**
     * A clerk sees her task's due date and the group it is offered to, but not the controls that change them, which
     * only the administrator has (the engine would refuse her, web/TaskManagementTest); she claims it and returns it
     * (取消认领). The administrator has the controls. Screenshots: tasklist-task-worker, tasklist-task-returned,
     * tasklist-task-administrator.
     */
    @Test
    void aClerkClaimsAndReturnsHerTaskAndIsNotOfferedWhatOnlyTheAdministratorChanges(Tasklist tasklist) {
        String applicant = TestApplications.personName("孟退回");
        DibaoCase dibaoCase = caseAt("ACCEPTANCE", "mengke", "mengke-mengke", applicant);
        Task accept = taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId()).singleResult();

        tasklist.loginAs("clerk.mengke");
        tasklist.openTask(accept.getId());
        WebDriver driver = tasklist.driver();
        assertThat(driver.findElement(By.cssSelector(".task-details .due-date")).getText()).contains("天后");
        assertThat(driver.findElement(By.cssSelector(".task-details .groups")).getText()).contains("孟轲乡经办人");
        assertThat(driver.findElements(By.cssSelector(".task-details .followup-date, .task-details .reset-due-date")))
                .isNotEmpty().noneMatch(WebElement::isDisplayed);
        assertThat(pointerEvents(driver, ".task-details .groups > span")).isEqualTo("none");
        assertThat(pointerEvents(driver, ".task-details .due-date")).isEqualTo("none");
        assertThat(driver.findElement(CREATE_TASK).isDisplayed()).as("新建任务").isFalse();
        tasklist.screenshot("tasklist-task-worker");
        driver.findElement(By.cssSelector(".task-details button.unclaim")).click();
        tasklist.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[normalize-space()='认领']")));
        tasklist.screenshot("tasklist-task-returned");

        assertThat(taskService.createTaskQuery().taskId(accept.getId()).singleResult().getAssignee()).isNull();
        tasklist.loginAs("admin");
        driver.get(tasklist.url(TASKLIST + "#/?task=" + accept.getId()));
        tasklist.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details .followup-date")));
        assertThat(pointerEvents(driver, ".task-details .groups > span")).isEqualTo("auto");
        assertThat(driver.findElement(CREATE_TASK).isDisplayed()).as("新建任务").isTrue();
        tasklist.screenshot("tasklist-task-administrator");
    }

    @Test
    void aClerkWhoseColleagueClaimedTheTaskFirstIsToldWhoHasIt(Tasklist tasklist) {
        String applicant = TestApplications.personName("任先认");
        DibaoCase dibaoCase = caseAt("ACCEPTANCE", "renqiu", "renqiu-qinghuayuan", applicant);
        Task accept = taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId()).singleResult();

        tasklist.loginAs("clerk2.renqiu");
        WebDriver driver = tasklist.driver();
        driver.get(tasklist.url(TASKLIST + "#/?task=" + accept.getId()));
        By claim = By.xpath("//button[normalize-space()='认领']");
        tasklist.waiting().until(ExpectedConditions.elementToBeClickable(claim));
        // meanwhile her colleague, at another desk, claims it
        walker.as("clerk.renqiu", () -> {
            taskService.claim(accept.getId(), "clerk.renqiu");
            return null;
        });
        driver.findElement(claim).click();

        tasklist.waiting().until(d -> d.findElements(By.cssSelector(".notifications")).stream()
                .anyMatch(n -> n.getText().contains("这项任务已由周芳（任丘办经办人）认领")));
        // the task is read again: the pane names who has it and no longer offers 认领
        tasklist.waiting().until(d -> d.findElements(claim).isEmpty() && d.findElements(
                By.cssSelector("[cam-tasklist-task-meta] .assignee")).stream().anyMatch(a -> a.getText().contains("周芳")));
        tasklist.screenshot("tasklist-claimed-by-colleague");
        // the title Tasklist puts before the message and its colon: no full stop in between
        assertThat(driver.findElement(By.cssSelector(".notifications .status")).getText()).isEqualTo("认领任务时出错");
        assertThat(taskService.createTaskQuery().taskId(accept.getId()).singleResult().getAssignee()).isEqualTo("clerk.renqiu");
    }

    /**
     * An interview longer than the session: the clerk's login ends while her form stands open. 完成 takes her to the
     * login page with the reason in Chinese; once she has logged in again, Tasklist opens the task with her answers
     * put back, and 完成 goes through.
     */
    @Test
    void aClerkWhoseLoginEndedWhileHerFormStoodOpenLogsInAgainAndFindsHerAnswers(Tasklist tasklist) {
        Task accept = acceptanceTask("中超时");
        CamundaForm form = acceptanceFilledIn(tasklist, accept);
        endTheLogin(tasklist);

        form.submit();
        tasklist.waiting().until(d -> d.findElements(By.cssSelector(".notifications")).stream()
                .anyMatch(n -> n.getText().contains("登录已超时")));
        tasklist.screenshot("tasklist-login-ended");
        assertThat(tasklist.bodyText()).doesNotContain("Unauthorized").doesNotContain("timestamp");
        assertThat(taskService.createTaskQuery().taskId(accept.getId()).count()).as("nothing was submitted").isOne();

        tasklist.logInAgainWhereTheLoginPageShows("clerk.zhongyuan");
        CamundaForm again = tasklist.openTask(accept.getId());
        assertThat(again.field("申请人及家庭成员已签署家庭经济状况核对授权书", 0).isSelected()).as("her answers put back").isTrue();
        // 受理 put back too: without it the form would refuse to complete (请选择受理决定)
        again.submit();
        tasklist.waiting().until(d -> taskService.createTaskQuery().taskId(accept.getId()).count() == 0);
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(accept.getId()).singleResult().getAssignee())
                .isEqualTo("clerk.zhongyuan");
    }

    /**
     * The login ends while a start form stands open: once the clerk has logged in again, Tasklist opens the start
     * form again with her input, and only that process's start form gets it back (Tasklist would put it into every
     * start form until one succeeds). She gives that application up (关闭, confirmed): the next start form opens
     * empty, not with this household's data.
     */
    @Test
    void aStartFormKeptWhenTheLoginEndedIsThrownAwayWhenTheClerkClosesIt(Tasklist tasklist) {
        tasklist.loginAs("clerk.yuecun");
        CamundaForm start = tasklist.startProcess("城乡低保申请审批");
        start.select("乡镇（街道）", "岳村乡").select("村（社区）", "东岳村").type("家庭住址", "东岳村99号")
                .select("保障类别", "一般困难家庭").type("开户银行", "中国农业银行").type("银行账号", "6228480012345678901")
                .type("水费（元/月）", 15).type("电费（元/月）", 40).type("姓名", 0, TestApplications.personName("岳放弃"))
                .type("公民身份号码", 0, TestApplications.idNumber(true)).select("与户主关系", 0, "户主")
                .select("就业状况", 0, "务农").select("残疾等级", 0, "无").type("工资性收入", 0, 300);
        endTheLogin(tasklist);
        start.submit();

        tasklist.waiting().until(d -> d.findElements(By.cssSelector(".modal")).isEmpty()
                && d.findElements(By.cssSelector(".notifications")).stream()
                        .anyMatch(n -> n.getText().contains("发起流程的表单会重新打开")));
        tasklist.screenshot("tasklist-login-ended-start-form");
        assertThat(tasklist.driver().findElements(By.cssSelector(".notifications .alert"))).as("said once").hasSize(1);
        tasklist.logInAgainWhereTheLoginPageShows("clerk.yuecun");
        // Tasklist opens the start form again, her input put back
        tasklist.waiting().until(d -> d.findElements(By.cssSelector(".modal .fjs-form input")).stream()
                .anyMatch(input -> "东岳村99号".equals(input.getAttribute("value"))));
        // another process's start form with fields of the same names does not get it
        CamundaForm linshi = tasklist.startProcess("临时救助申请审批").check("申请人家庭尚未登记（在此登记新家庭）", true);
        assertThat(linshi.field("家庭住址", 0).getAttribute("value")).isEmpty();
        assertThat(linshi.field("银行账号", 0).getAttribute("value")).isEmpty();
        tasklist.startProcess("城乡低保申请审批");
        tasklist.waiting().until(d -> d.findElements(By.cssSelector(".modal .fjs-form input")).stream()
                .anyMatch(input -> "东岳村99号".equals(input.getAttribute("value"))));
        // she answers the page's question with 确定: headless Chromium under ChromeDriver answers a confirm() raised by
        // a click itself, before a test can, so the page's confirm() records the question and answers as she does
        ChromeDriver driver = (ChromeDriver) tasklist.driver();
        driver.executeScript("window.bureauAsked = []; window.confirm = function (q) { window.bureauAsked.push(q); return true; };");
        driver.findElement(By.xpath("//div[contains(@class,'modal')]//button[normalize-space()='关闭']")).click();
        tasklist.waiting().until(d -> d.findElements(By.cssSelector(".modal .fjs-form")).isEmpty());
        assertThat(driver.executeScript("return window.bureauAsked.join('|')").toString()).contains("关闭后将丢失");

        CamundaForm next = tasklist.startProcess("城乡低保申请审批");
        assertThat(next.field("家庭住址", 0).getAttribute("value")).isEmpty();
        assertThat(next.field("银行账号", 0).getAttribute("value")).isEmpty();
    }

    /** The 受理申请 of a new application in 中原办事处. */
    private Task acceptanceTask(String applicantSurname) {
        DibaoCase dibaoCase = caseAt("ACCEPTANCE", "zhongyuan", "zhongyuan-nanjiang", TestApplications.personName(applicantSurname));
        return taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId()).singleResult();
    }

    /** 郑静 (中原办经办人) has the task's form open, filled in to accept the application. */
    private CamundaForm acceptanceFilledIn(Tasklist tasklist, Task accept) {
        tasklist.loginAs("clerk.zhongyuan");
        return tasklist.openTask(accept.getId())
                .choose("受理决定", "受理").check("申请人及家庭成员已签署家庭经济状况核对授权书", true);
    }

    /** The clerk's login ends, as after half an hour without a request: her session is gone from the database. */
    private void endTheLogin(Tasklist tasklist) {
        LoginSessions.end(jdbc, tasklist.driver().manage().getCookieNamed("JSESSIONID").getValue());
    }

    @Test
    void aClerkWhoseTaskWasFinishedMeanwhileIsToldHerFormWasNotSaved(Tasklist tasklist) {
        Task accept = acceptanceTask("中已办");
        CamundaForm form = acceptanceFilledIn(tasklist, accept);
        // while her form stands open, the administrator has the task finished (reassigned, done by a colleague)
        walker.as("admin", () -> {
            taskService.setAssignee(accept.getId(), "admin");
            taskService.complete(accept.getId(), Map.of(DibaoApplicationProcess.VAR_ACCEPT_DECISION, DibaoApplicationProcess.ACCEPT,
                    DibaoApplicationProcess.VAR_ECONOMIC_CHECK_AUTHORISED, true));
            return null;
        });
        form.submit();

        tasklist.waiting().until(d -> d.findElements(By.cssSelector(".notifications")).stream()
                .anyMatch(n -> n.getText().contains("这项任务已经办结或已不在您的待办中")));
        tasklist.screenshot("tasklist-task-finished-meanwhile");
        assertThat(tasklist.driver().findElement(By.cssSelector(".notifications")).getText()).doesNotContain("Cannot");
    }

    private static final By CREATE_TASK = By.cssSelector("li.create-task-action");

    private static String pointerEvents(WebDriver driver, String selector) {
        return driver.findElement(By.cssSelector(selector)).getCssValue("pointer-events");
    }

    @Test
    void onlyAnEscalatedTaskShowsItsPriority(Tasklist tasklist) {
        String applicant = TestApplications.personName("任加急");
        DibaoCase dibaoCase = caseAt("ACCEPTANCE", "renqiu", "renqiu-jingdong", applicant);
        Task accept = taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId()).singleResult();
        taskService.setPriority(accept.getId(), 100);

        tasklist.loginAs("clerk.renqiu");
        tasklist.waiting().until(d -> cards(tasklist).stream().anyMatch(c -> c.contains(applicant)));
        assertThat(cards(tasklist)).filteredOn(c -> c.contains(applicant)).singleElement()
                .satisfies(card -> assertThat(card).contains("加急"));
        assertThat(priorities(tasklist)).contains("加急").allMatch(p -> p.isEmpty() || p.equals("加急"));
        tasklist.screenshot("tasklist-escalated");
    }

    @Test
    void theProcessManagerSeesTheOpenTasksInCockpit(Tasklist tasklist) {
        tasklist.loginAs("procmgr");
        tasklist.open("/camunda/app/cockpit/default/");
        tasklist.waiting().until(d -> openTasksOnDashboard(tasklist) > 0);
        tasklist.screenshot("cockpit-procmgr-dashboard");
        assertThat(openTasksOnDashboard(tasklist)).isEqualTo(taskService.createTaskQuery().count());

        tasklist.open("/camunda/app/cockpit/default/#/tasks");
        tasklist.waiting().until(d -> tasklist.bodyText().contains("按用户组统计")
                && tasklist.bodyText().contains("区民政局审批人"));
        tasklist.screenshot("cockpit-procmgr-tasks");
        String tasksPage = tasklist.bodyText();
        assertThat(tasksPage).doesNotContain("permission", "Error", "无法获取");
        assertThat(englishWords(tasksPage)).as("English on the human-task page").isEmpty();

        tasklist.open("/camunda/app/cockpit/default/#/processes");
        tasklist.waiting().until(d -> tasklist.bodyText().contains("城乡低保申请审批"));
        assertThat(tasklist.bodyText()).doesNotContain("permission", "无法获取");
    }

    private DibaoCase caseAt(String stage, String township, String community, String applicant) {
        String clerk = "clerk." + township;
        var form = TestApplications.household(township, community, "ORDINARY", 1, "100");
        DibaoApplicationForm application = TestApplications.withMembers(form, List.of(new MemberForm(applicant,
                TestApplications.idNumber(true), "HEAD", "UNEMPLOYED", "NONE", List.of(new IncomeForm("WAGE", "100")))));
        DibaoCase dibaoCase = walker.submit(clerk, application);
        if (stage.equals("ACCEPTANCE")) {
            assertThat(taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId()).singleResult()
                    .getTaskDefinitionKey()).isEqualTo(TASK_ACCEPT);
            return dibaoCase;
        }
        walker.accept(clerk, dibaoCase);
        walker.survey(clerk, dibaoCase, Map.of());
        if (stage.equals("TOWNSHIP_REVIEW")) {
            return dibaoCase;
        }
        walker.reviewByTownship("reviewer." + township, dibaoCase, APPROVE, "同意");
        walker.endNotice(dibaoCase);
        return dibaoCase;
    }

    /** Types into Tasklist's search box and presses Enter, as a user looking for a case does. */
    private static void search(Tasklist tasklist, String text) {
        WebElement box = tasklist.waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[cam-widget-search] .search-container > input")));
        box.sendKeys(text);
        box.sendKeys(Keys.ENTER);
    }

    /** The list shows one card, and it is this one. */
    private static boolean onlyCard(Tasklist tasklist, String text) {
        List<String> cards = cards(tasklist);
        return cards.size() == 1 && cards.get(0).contains(text);
    }

    /** The text of each task card, read at once (Tasklist redraws the list every few seconds). */
    @SuppressWarnings("unchecked")
    private static List<String> cards(Tasklist tasklist) {
        return (List<String>) tasklist.driver().executeScript("return Array.from(document.querySelectorAll("
                + "'.tasks-list li.task')).map(function (card) { return card.innerText; });");
    }

    @SuppressWarnings("unchecked")
    private static List<String> priorities(Tasklist tasklist) {
        return (List<String>) tasklist.driver().executeScript("return Array.from(document.querySelectorAll("
                + "'.tasks-list li.task .priority')).map(function (p) { return p.innerText.trim(); });");
    }

    private static long openTasksOnDashboard(Tasklist tasklist) {
        // the dashboard's text reads "未完成的人工任务" with its figure on the next line
        Matcher figure = Pattern.compile("未完成的人工任务\\s*\\n\\s*(\\d+)").matcher(tasklist.bodyText());
        return figure.find() ? Long.parseLong(figure.group(1)) : -1;
    }

    /** Latin words of three letters or more, other than the platform's name, version and time zone. */
    private static List<String> englishWords(String page) {
        // the test JVM holds one engine per cached application context, and Cockpit then offers them by name
        List<String> names = ProcessEngines.getProcessEngines().size() > 1 ? List.of("Camunda", "Platform", "UTC", "default")
                : List.of("Camunda", "Platform", "UTC");
        return Pattern.compile("[A-Za-z]{3,}").matcher(page).results().map(m -> m.group())
                .filter(w -> !names.contains(w)).toList();
    }
}

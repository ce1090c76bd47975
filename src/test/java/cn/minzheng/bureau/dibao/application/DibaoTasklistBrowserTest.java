package cn.minzheng.bureau.dibao.application;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.household.HouseholdForm.IncomeForm;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.support.Browser;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/**
 * A township reviewer in a real browser: logs into Tasklist, opens a 低保 review task, reads the
 * household in the Camunda Form, decides and submits, and the case moves on to the public notice.
 * Screenshots land in target/screenshots/ (kept as build artifacts).
 */
@BrowserTest
class DibaoTasklistBrowserTest {

    private static final String REVIEWER = "reviewer.zhongyuan";

    @LocalServerPort
    int port;
    @Autowired
    HistoryService historyService;
    @Autowired
    DibaoWalker walker;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;

    ChromeDriver browser;
    WebDriverWait wait;

    Tasklist tasklist;

    @BeforeEach
    void useTheSharedBrowser(Tasklist shared) {
        tasklist = shared;
        browser = shared.driver();
        wait = Browser.waitUpTo(browser, Duration.ofSeconds(60));
    }

    @Test
    void aReviewerCompletesTheTownshipReviewWithItsFormInTasklist() {
        DibaoCase dibaoCase = waitingForTownshipReview();
        Task review = taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId()).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo(TASK_REVIEW_BY_TOWNSHIP);

        tasklist.loginAs(REVIEWER);

        // the UI speaks Chinese and the vendor's migration banner is not shown
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("待办任务");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + review.getId());
        WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='认领']")));
        claim.click();
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        wait.until(d -> form.getText().contains(dibaoCase.caseNumber()) || valueShown(dibaoCase.caseNumber()));

        assertThat(form.getText()).contains("申请家庭", "申请人（户主）", "家庭人口", "乡镇（街道）审核", "审核决定");
        // the household as the clerk registered it, and the calculation: (700 - 400 / 2) x 2 = 1000
        assertThat(String.join("\n", values())).contains(dibaoCase.caseNumber(), "王秀兰", "中原办事处", "中庆社区",
                "一般困难家庭", "工资性收入400.00元/月", "调查结论：家庭经济困难属实", "1000.00");
        assertThat(form.getText()).doesNotContain(SPENDING_WARNING);

        browser.findElement(By.xpath("//label[contains(., '同意（进入公示）')]")).click();
        WebElement comment = browser.findElement(By.xpath("//label[contains(., '审核意见')]/following::textarea[1]"));
        comment.sendKeys("经审核，家庭经济状况属实，同意进入公示。");
        Browser.screenshot(browser, "tasklist-township-review-form");

        browser.findElement(By.xpath("//button[normalize-space()='完成']")).click();
        wait.withTimeout(Duration.ofSeconds(30)).until(d -> currentTaskKey(dibaoCase).equals(TASK_PUBLIC_NOTICE));
        Browser.screenshot(browser, "tasklist-after-review");

        assertThat(runtimeService.getVariable(dibaoCase.processInstanceId(), VAR_REVIEW_DECISION)).isEqualTo(APPROVE);
        // the facts the form only shows are not written back: the two inputs, and what the completion records
        String reviewActivity = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(dibaoCase.processInstanceId()).activityId(TASK_REVIEW_BY_TOWNSHIP).singleResult().getId();
        assertThat(historyService.createHistoricDetailQuery().variableUpdates()
                .processInstanceId(dibaoCase.processInstanceId()).activityInstanceId(reviewActivity).list())
                .extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName())
                .containsExactlyInAnyOrder(VAR_REVIEW_DECISION, VAR_REVIEW_COMMENT, "reviewedBy");

        // a household whose verified utilities are far above its declared income: the form warns the reviewer
        DibaoCase flagged = waitingForTownshipReview(Map.of("utilitiesMonthlyVerified", 900));
        Task flaggedReview = taskService.createTaskQuery().processInstanceId(flagged.processInstanceId()).singleResult();
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + flaggedReview.getId());
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='认领']"))).click();
        WebElement flaggedForm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        wait.until(d -> valueShown(flagged.caseNumber()));
        assertThat(flaggedForm.getText()).contains(SPENDING_WARNING, "开支异常说明");
        assertThat(String.join("\n", values())).contains("900.00");
    }

    private static final String SPENDING_WARNING = "水电气暖开支明显高于申报收入";

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"cockpit, procmgr", "admin, admin", "welcome, clerk.yuecun"})
    void theWebappsSpeakChineseWithoutTheVendorsBanner(String app, String user) {
        browser.get("http://localhost:" + port + "/camunda/app/" + app + "/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".navbar-brand .brand-name")));
        wait.until(d -> d.findElement(By.tagName("body")).getText().length() > 40);
        Browser.screenshot(browser, app + "-" + user);

        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(browser.findElement(By.cssSelector(".navbar-brand .brand-name")).getText()).contains("区民政局业务流程平台");
        assertThat(page).doesNotContain("Camunda 8").doesNotContainIgnoringCase("migrate");
        assertThat(page.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count())
                .as("Chinese characters on the %s page", app).isGreaterThan(10);
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
    }

    private DibaoCase waitingForTownshipReview() {
        return waitingForTownshipReview(Map.of());
    }

    private DibaoCase waitingForTownshipReview(Map<String, Object> survey) {
        var form = TestApplications.household("zhongyuan", "zhongyuan-zhongqing", "ORDINARY", 2, "400");
        var head = new MemberForm("王秀兰", TestApplications.idNumber(false), "HEAD", "UNEMPLOYED", "NONE",
                List.of(new IncomeForm("WAGE", "400")));
        DibaoCase dibaoCase = walker.submit("clerk.zhongyuan",
                TestApplications.withMembers(form, List.of(head, form.household().members().get(1))));
        walker.accept("clerk.zhongyuan", dibaoCase);
        walker.survey("clerk.zhongyuan", dibaoCase, survey);
        return dibaoCase;
    }

    private List<String> values() {
        return browser.findElements(By.cssSelector(".fjs-form input, .fjs-form textarea")).stream()
                .map(e -> e.getAttribute("value")).filter(v -> v != null && !v.isBlank()).toList();
    }

    private boolean valueShown(String value) {
        return values().stream().anyMatch(v -> v.contains(value));
    }

    private String currentTaskKey(DibaoCase dibaoCase) {
        Task task = taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId()).singleResult();
        return task == null ? "" : task.getTaskDefinitionKey();
    }
}

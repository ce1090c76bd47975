package cn.minzheng.bureau.community.recruitment;

import static cn.minzheng.bureau.community.recruitment.RecruitmentProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.support.Browser;

/**
 * The recruitment forms in a real Tasklist: the street office's reviewer excludes an applicant with the
 * checklist and confirms, the clerk enters the remaining applicant's scores in that applicant's own task,
 * and what the browser submits is what the server reads back. Skipped where Chromium and chromedriver are
 * not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecruitmentTasklistBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    DibaoWalker walker;
    @Autowired
    FormService formService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RecruitmentRepository recruitment;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed (Debian: chromium chromium-driver)");
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theReviewerExcludesAndTheClerkScoresInTasklist() {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
                .singleResult().getId();
        ProcessInstance round = walker.as("clerk.zhongyuan", () -> formService.submitStartForm(definition, Map.of(
                VAR_TOWNSHIP_CODE, "zhongyuan", VAR_TITLE, "中原办事处社区工作者竞争上岗",
                VAR_POSTS, SpinValues.jsonValue("[{\"community\":\"南江社区\",\"posts\":1}]").create())));
        long roundId = ((Number) runtimeService.getVariable(round.getId(), VAR_ROUND_ID)).longValue();
        String applicants = """
                [{"applicantName":"周文静","idNumber":"%s","community":"南江社区","education":"BACHELOR"},
                 {"applicantName":"吴长青","idNumber":"%s","community":"南江社区","education":"BACHELOR"},
                 {"applicantName":"郑晓光","idNumber":"%s","community":"南江社区","education":"HIGH_SCHOOL"}]"""
                .formatted(RecruitmentProcessTest.id(31), RecruitmentProcessTest.id(60), RecruitmentProcessTest.id(27));
        walker.as("clerk.zhongyuan", () -> {
            taskService.complete(task(round).getId(), Map.of(VAR_APPLICATIONS, SpinValues.jsonValue(applicants).create()));
            return null;
        });

        login("reviewer.zhongyuan");
        WebElement form = openForm(task(round));
        wait.until(d -> String.join("\n", values()).contains("周文静"));
        assertThat(form.getText()).contains("资格审查表", "取消资格的人员", "取消资格的理由", "审查结论");
        assertThat(String.join("\n", values())).contains("吴长青（南江社区） 60岁 本科 — 不合格：年龄60岁，不在18至45岁之间");
        assertThat(browser.findElements(By.xpath("//label[contains(., '吴长青（南江社区）')]"))).as("refused by the rules: no option").isEmpty();
        browser.findElement(By.xpath("//label[contains(., '确认资格审查结果')]")).click();
        browser.findElement(By.xpath("//label[contains(., '郑晓光（南江社区）')]")).click();
        browser.findElement(By.xpath("//label[contains(., '取消资格的理由')]/following::textarea[1]")).sendKeys("学历证书无法核实");
        wait.until(d -> d.findElement(By.xpath("//label[contains(., '确认资格审查结果')]//input")).isSelected()
                && d.findElement(By.xpath("//label[contains(., '郑晓光（南江社区）')]//input")).isSelected());
        Browser.screenshot(browser, "tasklist-recruitment-eligibility");
        complete(round, TASK_SCORE, "tasklist-recruitment-eligibility-done");
        assertThat(recruitment.applications(roundId)).extracting(a -> a.applicantName() + ":" + a.eligible())
                .containsExactly("周文静:true", "吴长青:false", "郑晓光:false");
        assertThat(recruitment.applications(roundId).get(2).ineligibleReason()).isEqualTo("学历证书无法核实");

        browser.manage().deleteAllCookies();
        login("clerk.zhongyuan");
        form = openForm(task(round));
        wait.until(d -> values().contains("周文静"));
        assertThat(values()).contains("南江社区");
        browser.findElement(By.xpath("//label[contains(., '笔试成绩')]/following::input[1]")).sendKeys("86.5");
        browser.findElement(By.xpath("//label[contains(., '面试成绩')]/following::input[1]")).sendKeys("90");
        Browser.screenshot(browser, "tasklist-recruitment-scores");
        complete(round, TASK_APPROVE_APPOINTMENTS, "tasklist-recruitment-scores-done");
        var scored = recruitment.applications(roundId).get(0);
        assertThat(scored.writtenScore()).isEqualByComparingTo("86.5");
        assertThat(scored.interviewScore()).isEqualByComparingTo("90");
        assertThat(scored.totalScore()).isEqualByComparingTo("87.90");
        assertThat(scored.proposed()).isTrue();
    }

    /** Clicks 完成 and waits for the next task; on a timeout the page (with Tasklist's notification) is in the screenshot. */
    private void complete(ProcessInstance round, String nextTask, String screenshot) {
        browser.findElement(By.xpath("//button[normalize-space()='完成']")).click();
        try {
            wait.until(d -> nextTask.equals(taskKey(round)));
        } catch (org.openqa.selenium.TimeoutException e) {
            String errors = browser.findElements(By.cssSelector(".fjs-has-errors, .fjs-form-field-error, [aria-invalid=true], .notifications, .alert"))
                    .stream().map(el -> el.getAttribute("outerHTML")).map(h -> h.length() > 400 ? h.substring(0, 400) : h).toList().toString();
            String button = browser.findElement(By.xpath("//button[normalize-space()='完成']")).getAttribute("outerHTML");
            String notifications = browser.findElements(By.cssSelector(".notifications")).stream().map(WebElement::getText).toList().toString();
            List<String> tasks = taskService.createTaskQuery().processInstanceId(round.getId()).list().stream()
                    .map(t -> t.getTaskDefinitionKey() + " " + t.getName()).toList();
            throw new AssertionError("not completed: " + tasks + " " + notifications + " " + errors + " " + button, e);
        } finally {
            Browser.screenshot(browser, screenshot);
        }
    }

    private void login(String user) {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasks], .tasks-list")));
    }

    private WebElement openForm(Task task) {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='认领']"))).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    }

    private Task task(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private String taskKey(ProcessInstance instance) {
        Task task = task(instance);
        return task == null ? "" : task.getTaskDefinitionKey();
    }

    private List<String> values() {
        return browser.findElements(By.cssSelector(".fjs-form input, .fjs-form textarea")).stream()
                .map(e -> e.getAttribute("value")).filter(v -> v != null && !v.isBlank()).toList();
    }
}

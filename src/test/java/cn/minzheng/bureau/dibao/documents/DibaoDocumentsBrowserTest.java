package cn.minzheng.bureau.dibao.documents;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.APPROVE;
import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.REJECT;
import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.TASK_ISSUE_REFUSAL_NOTICE;
import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.TASK_PUBLIC_NOTICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/**
 * The documents where a clerk meets them: a link in the task form (Tasklist renders the form's text with the
 * case's id), and the PDF opening in Chromium's own viewer.
 */
@BrowserTest
class DibaoDocumentsBrowserTest {

    private static final String CLERK = "clerk.renqiu";
    private static final String REVIEWER = "reviewer.renqiu";

    @Autowired
    DibaoWalker walker;
    @Autowired
    TaskService taskService;

    @Test
    void theRefusalTaskLinksTheWrittenRefusalWhichOpensInChromiumsPdfViewer(Tasklist tasklist) {
        DibaoCase dibaoCase = surveyed();
        walker.reviewByTownship(REVIEWER, dibaoCase, REJECT, "家庭成员名下有商铺一间出租，不符合低保条件");

        tasklist.loginAs(CLERK);
        CamundaForm form = tasklist.openTask(task(dibaoCase, TASK_ISSUE_REFUSAL_NOTICE).getId());
        tasklist.waiting().until(d -> form.values().contains(dibaoCase.caseNumber()));
        WebElement link = form.element().findElement(By.partialLinkText("不予批准书面通知"));
        String href = link.getAttribute("href");
        assertThat(href).endsWith("/ledger/dibao/cases/" + dibaoCase.id() + "/decision.pdf");
        assertThat(form.element().findElement(By.partialLinkText("审核确认表")).getAttribute("href"))
                .endsWith("/ledger/dibao/cases/" + dibaoCase.id() + "/confirmation.pdf");
        tasklist.screenshot("documents-refusal-task-link");

        tasklist.driver().get(href);
        // Chromium shows the response as a PDF (its viewer), not an error page: the document's type says so
        tasklist.waiting().until(d -> "application/pdf".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.contentType")));
        assertThat(tasklist.driver().getPageSource()).doesNotContain("ERR_", "无法访问");
        tasklist.screenshot("documents-refusal-pdf-viewer");
    }

    @Test
    void thePublicNoticeTaskLinksTheVillagesNoticeList(Tasklist tasklist) {
        DibaoCase dibaoCase = surveyed();
        walker.reviewByTownship(REVIEWER, dibaoCase, APPROVE, "同意");

        tasklist.loginAs(CLERK);
        CamundaForm form = tasklist.openTask(task(dibaoCase, TASK_PUBLIC_NOTICE).getId());
        tasklist.waiting().until(d -> form.values().contains(dibaoCase.caseNumber()));
        assertThat(form.element().findElement(By.partialLinkText("公示名单")).getAttribute("href"))
                .endsWith("/ledger/dibao/cases/" + dibaoCase.id() + "/notice-list.pdf");
        tasklist.screenshot("documents-notice-task-link");
    }

    private DibaoCase surveyed() {
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.household("renqiu", "renqiu-yongle", "ORDINARY", 2, "300"));
        walker.accept(CLERK, dibaoCase);
        walker.survey(CLERK, dibaoCase, Map.of());
        return dibaoCase;
    }

    private Task task(DibaoCase dibaoCase, String key) {
        return taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId()).taskDefinitionKey(key)
                .singleResult();
    }
}

package cn.minzheng.bureau.dibao.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.application.DibaoApplicationProcess;
import cn.minzheng.bureau.household.HouseholdForm.IncomeForm;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/** A resident reads the township's public notice page and objects online; the case goes back to the survey. */
@BrowserTest
class PublicNoticeBrowserTest {

    @Autowired
    DibaoWalker walker;
    @Autowired
    TaskService taskService;

    @Test
    void aResidentReadsTheNoticeAndObjectsOnline(Tasklist tasklist) {
        DibaoCase dibaoCase = walker.submit("clerk.mengke", TestApplications.withMembers(
                TestApplications.household("mengke", "mengke-beimeng", "ORDINARY", 1, "150"),
                List.of(new MemberForm("网页公示甲", TestApplications.idNumber(true), "HEAD", "FLEXIBLE", "NONE",
                        List.of(new IncomeForm("WAGE", "150"))))));
        walker.accept("clerk.mengke", dibaoCase);
        walker.survey("clerk.mengke", dibaoCase, Map.of());
        walker.reviewByTownship("reviewer.mengke", dibaoCase, "APPROVE", "同意");

        tasklist.open("/public/notices");
        tasklist.driver().findElement(By.linkText("孟轲乡")).click();
        tasklist.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("in-notice")));
        assertThat(tasklist.driver().findElement(By.id("in-notice")).getText()).contains("网页公示甲", "北孟村", "公示截止");
        tasklist.screenshot("public-notice-page");

        new Select(tasklist.driver().findElement(By.id("caseId"))).selectByVisibleText("网页公示甲（北孟村）");
        tasklist.driver().findElement(By.id("name")).sendKeys("李四");
        tasklist.driver().findElement(By.id("contact")).sendKeys("13900000000");
        tasklist.driver().findElement(By.id("content")).sendKeys("该户在县城另有住房一套");
        tasklist.screenshot("public-notice-objection-filled");
        tasklist.driver().findElement(By.cssSelector("#objection button[type=submit]")).click();

        tasklist.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("objection-done")));
        tasklist.screenshot("public-notice-objection-done");
        assertThat(tasklist.bodyText()).doesNotContain("网页公示甲");
        assertThat(taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId())
                .taskDefinitionKey(DibaoApplicationProcess.TASK_SURVEY).count()).isOne();
    }
}

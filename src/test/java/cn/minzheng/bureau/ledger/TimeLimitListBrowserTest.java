package cn.minzheng.bureau.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.deadline.LimitKind;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/** 期限预警 as the 低保 section head opens it in a real browser: a case past its limit, the township filter. */
@BrowserTest
class TimeLimitListBrowserTest {

    @Autowired
    DibaoWalker walker;
    @Autowired
    ManagementService managementService;

    @Test
    void theSectionHeadOpensTheWarningListAndFiltersByTownship(Tasklist tasklist) {
        DibaoCase past = walker.submit("clerk.renqiu", TestApplications.household("renqiu", "renqiu-jingdong", "ORDINARY", 1, "150"));
        walker.accept("clerk.renqiu", past);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(past.processInstanceId())
                .activityId(LimitKind.PROCEDURE.timerId()).singleResult().getId());

        ChromeDriver browser = tasklist.loginAs("dibaohead").driver();
        WebDriverWait wait = tasklist.waiting();
        tasklist.open("/ledger");
        browser.findElement(By.linkText("期限预警")).click();
        wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("法定期限预警"));
        assertThat(browser.findElement(By.id("rows")).getText()).contains(past.caseNumber()).contains("已超期，已报上级督办");
        tasklist.screenshot("ledger-time-limits");
        browser.findElement(By.cssSelector("select[name=township]")).sendKeys("岳村乡");
        browser.findElement(By.cssSelector("form.filters button")).click();
        wait.until(d -> d.getCurrentUrl().contains("township=yuecun"));
        assertThat(browser.findElement(By.id("rows")).getText()).doesNotContain(past.caseNumber());
    }
}

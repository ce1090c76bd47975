package cn.minzheng.bureau.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.support.Browser;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.Tasklist;

/**
 * The administrator in a real browser, in January of a year nobody entered (2099, on the engine's clock): the
 * banner on the ledger page says so, the 工作日历 page takes the year's file, and the banner is gone.
 */
@BrowserTest
class CalendarImportBrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingDays workingDays;

    @BeforeEach
    @AfterEach
    void without2099() {
        jdbc.sql("delete from calendar_day where calendar_year = 2099").update();
        workingDays.invalidate();
        ClockUtil.reset();
    }

    @Test
    void theAdministratorImportsTheMissingYearFromTheBanner(Tasklist tasklist) throws Exception {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2099-01-10T09:00:00").atZone(WorkingCalendar.ZONE).toInstant()));
        Path file = Files.createTempDirectory("calendar").resolve("2099年节假日安排.csv");
        Files.writeString(file, "日期,类型,节日\n2099-01-01,放假,元旦\n2099-01-21,放假,春节\n2099-01-22,放假,春节\n"
                + "2099-01-24,调休上班,春节\n", StandardCharsets.UTF_8);

        ChromeDriver browser = tasklist.driver();
        tasklist.loginAs("admin");
        browser.get(tasklist.url("/ledger"));
        assertThat(browser.findElement(By.id("calendar-warning")).getText())
                .startsWith("2099年的工作日历（法定节假日和调休安排）尚未录入");
        Browser.screenshot(browser, "calendar-warning-banner");
        browser.findElement(By.cssSelector("#calendar-warning a")).click();

        browser.findElement(By.id("calendar-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("calendar-import-submit")).click();
        // the click returns before the posted form's answer has loaded: wait for it
        assertThat(tasklist.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("imported"))).getText())
                .isEqualTo("2099年的安排已导入，共4天");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("2099年工作日历");
        assertThat(browser.findElement(By.id("days")).getText()).contains("2099-01-24", "调休上班", "春节");
        assertThat(browser.findElements(By.id("calendar-warning"))).isEmpty();
        Browser.screenshot(browser, "calendar-imported");
        assertThat(workingDays.isWorkingDay(java.time.LocalDate.of(2099, 1, 24))).isTrue();
    }
}

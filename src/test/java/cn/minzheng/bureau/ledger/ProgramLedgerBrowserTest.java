package cn.minzheng.bureau.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.Browser;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.Tasklist;

/**
 * The district approver in a real browser filters the ledger by 特困人员救助供养 (享受中), finds a 岳村乡 household whose
 * members are in 特困供养 and 高龄津贴 and which had a 临时救助 grant, and opens its file: all three programs are there.
 */
@BrowserTest
class ProgramLedgerBrowserTest {

    @Autowired
    HouseholdRepository households;
    @Autowired
    EnrolmentRepository enrolments;

    @Test
    void theDistrictFiltersTheLedgerByAProgramAndOpensAFileWithSeveralPrograms(Tasklist tasklist) {
        String tag = Integer.toString(ThreadLocalRandom.current().nextInt(100, 1000));
        String month = YearMonth.from(EngineClock.today()).toString();
        List<String> ids = new ArrayList<>();
        long family = ProgramHouseholds.household(households, List.of("岳多项" + tag, "岳老人" + tag, "岳供养" + tag),
                List.of(LocalDate.of(1972, 2, 3), LocalDate.of(1936, 4, 5), LocalDate.of(1952, 6, 7)), ids);
        ProgramHouseholds.enrol(enrolments, Program.TEKUN, family, ids.get(2), EnrolmentStatus.ACTIVE, "1760.00", month,
                "区民政局认定");
        ProgramHouseholds.enrol(enrolments, Program.GAOLING, family, ids.get(1), EnrolmentStatus.ACTIVE, "100.00", month,
                "户籍核对确认");
        ProgramHouseholds.enrol(enrolments, Program.LINSHI, family, null, EnrolmentStatus.ACTIVE, "2400.00", month,
                "批准救助");

        ChromeDriver browser = tasklist.driver();
        WebDriverWait wait = tasklist.waiting();
        tasklist.loginAs("approver");
        browser.get(tasklist.url("/ledger"));
        browser.findElement(By.name("name")).sendKeys("岳多项" + tag);
        new Select(browser.findElement(By.id("program"))).selectByVisibleText("特困人员救助供养");
        new Select(browser.findElement(By.id("programStatus"))).selectByVisibleText("享受中");
        browser.findElement(By.id("search")).click();
        wait.until(d -> d.getCurrentUrl().contains("program=TEKUN"));
        wait.until(d -> d.findElement(By.cssSelector(".count")).getText().contains("共 1 户"));
        String programs = browser.findElement(By.cssSelector("#households td.programs")).getText();
        assertThat(programs).contains("特困人员救助供养（享受中）", "高龄津贴（享受中）", "临时救助（享受中）");
        Browser.screenshot(browser, "ledger-search-by-program");

        browser.findElement(By.linkText("岳多项" + tag)).click();
        wait.until(d -> d.findElement(By.id("file-title")).getText().contains("岳多项" + tag));
        String enrolled = browser.findElement(By.id("enrolments")).getText();
        assertThat(enrolled).contains("特困人员救助供养", "岳供养" + tag, "1760.00（每月）")
                .contains("高龄津贴", "岳老人" + tag, "100.00（每月）")
                .contains("临时救助", "全户", "2400.00（一次性）");
        assertThat(browser.findElements(By.cssSelector("#enrolments tbody tr"))).hasSize(3);
        Browser.screenshot(browser, "ledger-household-file-programs");

        browser.get(tasklist.url("/ledger/dashboard"));
        assertThat(browser.findElement(By.id("programs")).getText()).contains("其他救助项目（与低保并列）", "特困人员救助供养",
                "高龄津贴", "临时救助");
        Browser.screenshot(browser, "ledger-dashboard-programs");
    }
}

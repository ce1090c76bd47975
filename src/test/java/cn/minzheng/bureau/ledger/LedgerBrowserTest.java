package cn.minzheng.bureau.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.bureau.demo.DemoHouseholds;
import cn.minzheng.bureau.support.Browser;

/**
 * A township clerk in a real browser (headless Chromium): logs in through Tasklist, opens the ledgers
 * with the same login, finds a household by its ID number, opens its file, and downloads the disaster
 * roster households of the township. Screenshots land in target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LedgerBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aClerkSearchesAHouseholdOpensItsFileAndDownloadsTheRoster() throws Exception {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are installed");
        Path downloads = Files.createTempDirectory("ledger-downloads");
        ChromeDriver browser = Browser.start(downloads);
        try {
            // pages are replaced while the waits poll them: an element found a moment ago may be gone
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.ignoring(StaleElementReferenceException.class);
            browser.get(url("/camunda/app/tasklist/default/"));
            wait.until(d -> !d.findElements(By.cssSelector("input[ng-model=username]")).isEmpty());
            browser.findElement(By.cssSelector("input[ng-model=username]")).sendKeys("clerk.yuecun");
            browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains("我的任务"));

            var head = DemoHouseholds.all().get(0).form().household().members().get(0);
            browser.get(url("/ledger"));
            browser.findElement(By.id("idNumber")).sendKeys(head.idNumber());
            browser.findElement(By.id("search")).click();
            wait.until(d -> d.findElement(By.cssSelector(".count")).getText().contains("共 1 户"));
            Browser.screenshot(browser, "ledger-search");
            browser.findElement(By.linkText(head.name())).click();
            wait.until(d -> d.findElement(By.id("file-title")).getText().contains(head.name()));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("家庭成员与收入", "状态记录", "变更记录（审计）")
                    .doesNotContain(head.idNumber());
            Browser.screenshot(browser, "ledger-household-file");

            browser.get(url("/ledger/lists/disaster-households"));
            String roster = browser.findElement(By.tagName("body")).getText();
            assertThat(roster).contains("灾情登记户").doesNotContain("孟轲乡");
            Browser.screenshot(browser, "ledger-disaster-households");
            browser.findElement(By.id("download")).click();
            Path file = waitForDownload(downloads);
            List<String> townships = new ArrayList<>();
            try (var workbook = new XSSFWorkbook(Files.newInputStream(file))) {
                for (Row row : workbook.getSheetAt(0)) {
                    townships.add(row.getCell(3).toString());
                }
            }
            assertThat(townships.get(0)).isEqualTo("乡镇（街道）");
            assertThat(townships.subList(1, townships.size())).allSatisfy(t -> assertThat(t).isEqualTo("岳村乡"));

            browser.get(url("/ledger/dashboard"));
            assertThat(browser.findElement(By.id("summary")).getText()).contains("共保障城乡低保对象");
            assertThat(browser.findElements(By.cssSelector("svg.chart"))).hasSize(4);
            Browser.screenshot(browser, "ledger-dashboard");
        } finally {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Path waitForDownload(Path folder) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(folder)) {
                var done = files.filter(f -> f.toString().endsWith(".xlsx")).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no .xlsx downloaded into " + folder);
    }
}

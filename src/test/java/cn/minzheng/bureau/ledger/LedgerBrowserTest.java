package cn.minzheng.bureau.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.minzheng.bureau.demo.DemoHouseholds;
import cn.minzheng.bureau.support.Browser;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.Tasklist;

/**
 * A township clerk in a real browser (headless Chromium): logs in through Tasklist, opens the ledgers
 * with the same login, finds a household by its ID number, opens its file, and downloads the disaster
 * roster households of the township. Screenshots land in target/screenshots/.
 */
@BrowserTest
class LedgerBrowserTest {

    @Test
    void aClerkSearchesAHouseholdOpensItsFileAndDownloadsTheRoster(Tasklist tasklist) throws Exception {
        ChromeDriver browser = tasklist.driver();
        WebDriverWait wait = tasklist.waiting();
        tasklist.loginAs("clerk.yuecun");
        Path downloads = Browser.DOWNLOADS;
        Set<Path> before = listing(downloads);
        {

            var head = DemoHouseholds.all().get(0).form().household().members().get(0);
            browser.get(tasklist.url("/ledger"));
            browser.findElement(By.id("idNumber")).sendKeys(head.idNumber());
            browser.findElement(By.id("search")).click();
            wait.until(d -> d.findElement(By.cssSelector(".count")).getText().contains("共 1 户"));
            Browser.screenshot(browser, "ledger-search");
            browser.findElement(By.linkText(head.name())).click();
            wait.until(d -> d.findElement(By.id("file-title")).getText().contains(head.name()));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("家庭成员与收入", "状态记录", "变更记录（审计）")
                    .doesNotContain(head.idNumber());
            Browser.screenshot(browser, "ledger-household-file");

            browser.get(tasklist.url("/ledger/lists/disaster-households"));
            String roster = browser.findElement(By.tagName("body")).getText();
            assertThat(roster).contains("灾情登记户").doesNotContain("孟轲乡");
            Browser.screenshot(browser, "ledger-disaster-households");
            browser.findElement(By.id("download")).click();
            Path file = waitForDownload(downloads, before);
            List<String> townships = new ArrayList<>();
            try (var workbook = new XSSFWorkbook(Files.newInputStream(file))) {
                for (Row row : workbook.getSheetAt(0)) {
                    townships.add(row.getCell(3).toString());
                }
            }
            assertThat(townships.get(0)).isEqualTo("乡镇（街道）");
            assertThat(townships.subList(1, townships.size())).allSatisfy(t -> assertThat(t).isEqualTo("岳村乡"));

            browser.get(tasklist.url("/ledger/dashboard"));
            assertThat(browser.findElement(By.id("summary")).getText()).contains("共保障城乡低保对象");
            assertThat(browser.findElements(By.cssSelector("svg.chart"))).hasSize(4);
            Browser.screenshot(browser, "ledger-dashboard");
        }
    }

    private static Set<Path> listing(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (var files = Files.list(folder)) {
            return files.collect(Collectors.toSet());
        }
    }

    /** The .xlsx that appeared in the shared browser's download folder since {@code before}. */
    private static Path waitForDownload(Path folder, Set<Path> before) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(folder)) {
                var done = files.filter(f -> f.toString().endsWith(".xlsx") && !before.contains(f)).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no .xlsx downloaded into " + folder);
    }
}

package cn.minzheng.bureau.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.support.Browser;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.Tasklist;

/**
 * The administrator in a real browser (headless Chromium): logs in through the webapps, uploads a roster
 * on the import page, watches the progress, reloads the page while it runs, reads the warning, accepts it
 * and commits. Screenshots land in target/screenshots/.
 */
@BrowserTest
class RosterImportBrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAdministratorUploadsWatchesTheProgressAcceptsTheWarningAndCommits(Tasklist tasklist) throws Exception {
        RosterSheets.Ids ids = new RosterSheets.Ids();
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i <= 1500; i++) {
            rows.addAll(RosterSheets.household("b" + i, ids, "640"));
        }
        rows.get(0)[14] = "700";
        Path file = Files.createTempDirectory("roster").resolve("浏览器名册.xlsx");
        Files.write(file, RosterSheets.workbook(rows));

        ChromeDriver browser = tasklist.driver();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        // the page reloads itself when the job ends: an element found just before is then replaced
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        tasklist.loginAs("admin");

        browser.get(tasklist.url("/ledger/import"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("名册导入");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("submit")).click();
        wait.until(d -> d.getCurrentUrl().matches(".*/ledger/import/\\d+"));
        String page = browser.getCurrentUrl();
        Browser.screenshot(browser, "import-progress");
        browser.navigate().refresh(); // the job runs on; the page picks it up again
        wait.until(d -> d.findElement(By.id("status")).getText().equals("已校验"));
        assertThat(browser.getCurrentUrl()).isEqualTo(page);
        assertThat(browser.findElement(By.id("warnings")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("rows")).getText()).contains("警告").contains("640.00元不一致");
        Browser.screenshot(browser, "import-report");

        browser.findElement(By.id("commit")).click(); // without accepting the warning: refused
        wait.until(d -> !d.findElements(By.id("error")).isEmpty());
        assertThat(browser.findElement(By.id("error")).getText()).contains("确认接受警告");
        browser.findElement(By.id("acceptWarnings")).click();
        browser.findElement(By.id("commit")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().equals("已导入"));
        assertThat(browser.findElement(By.id("committed")).getText()).contains("3000 行").contains("张强（系统管理员）")
                .doesNotContain("admin");
        Browser.screenshot(browser, "import-committed");
        long batch = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select count(*) from dibao_case where import_batch_id = ? and status = 'APPROVED'")
                .param(batch).query(Long.class).single()).isEqualTo(1500);
    }
}

package cn.minzheng.bureau.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.documents.PdfText;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/**
 * The ledgers in a real browser as a new user meets them: a household file in words a clerk reads that
 * fits a 1,366 px screen, its link to the case's task in Tasklist, who is logged in and 退出, the
 * dashboard saying what is covered now and why a year shows no money, and a bad address answered in
 * Chinese.
 */
@BrowserTest
class LedgerPagesBrowserTest {

    /** The common office screen the pages must fit without scrolling sideways. */
    private static final Dimension OFFICE_SCREEN = new Dimension(1366, 768);

    @Autowired
    DibaoWalker walker;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aClerkReadsAHouseholdFileInChineseOnAnOfficeScreen(Tasklist tasklist) {
        NamedStaff.reviewer(identityService);
        DibaoCase dibaoCase = walker.submit("clerk.yuecun", TestApplications.yuecunHousehold(2, "300"));
        walker.accept("clerk.yuecun", dibaoCase);
        walker.survey("clerk.yuecun", dibaoCase, Map.of());
        walker.reviewByTownship(NamedStaff.REVIEWER, dibaoCase, "APPROVE",
                "经入户核实，申请人家庭成员二人，户主长期患病无劳动能力，配偶务农收入微薄，家庭人均收入低于本地低保标准，同意上报公示。");
        walker.complete("clerk.yuecun", dibaoCase, "Task_PublicNotice",
                Map.of("objectionSource", "村民", "objectionContent", "家中另有经营收入"));

        tasklist.loginAs("clerk.yuecun");
        onOfficeScreen(tasklist, () -> {
            tasklist.open("/ledger/households/" + dibaoCase.householdId());
            String page = tasklist.bodyText();
            assertThat(page).contains("受理申请", "乡镇（街道）审核", "公示（登记异议）", "受理", "同意", "登记异议",
                    NamedStaff.REVIEWER_NAME, "王丽（岳村乡经办人）", "低保案件", "状态：已申请 → 入户调查中",
                    "状态：审核审批中 → 公示中")
                    .doesNotContain("Task_", "clerk.yuecun", NamedStaff.REVIEWER + "：", "DIBAO_CASE", "UNDER_SURVEY", "{\"");
            assertFits(tasklist, "/ledger/households/" + dibaoCase.householdId());
            tasklist.screenshot("ledger-household-file-1366");
            // the reason column is wide enough to read: one character per line was the fault
            WebElement reasonColumn = tasklist.driver().findElement(By.cssSelector("#audit th.reason"));
            assertThat(reasonColumn.getSize().getWidth()).isGreaterThanOrEqualTo(150);
            scrollTo(tasklist, reasonColumn);
            tasklist.screenshot("ledger-household-audit-1366");
        });
    }

    @Test
    void aHouseholdFileAndAListPrintOnA4WithoutTheScreensNavigation(Tasklist tasklist) {
        DibaoCase dibaoCase = walker.submit("clerk.yuecun", TestApplications.yuecunHousehold(2, "300"));

        tasklist.loginAs("clerk.yuecun").open("/ledger/households/" + dibaoCase.householdId());
        String headsId = tasklist.driver().findElement(By.cssSelector("#members tbody tr td:nth-child(3)")).getText();
        byte[] file = printOnA4(tasklist);
        PdfText.keep("ledger-household-file-print.pdf", file);
        assertThat(printedText(file)).contains(headsId, "家庭成员与收入")
                .doesNotContain("家庭查询", "退出", "待办任务", "审核确认表");

        tasklist.open("/ledger/lists/deadlines");
        String listTitle = tasklist.driver().findElement(By.tagName("h1")).getText();
        byte[] list = printOnA4(tasklist);
        PdfText.keep("ledger-list-print.pdf", list);
        assertThat(printedText(list)).contains(listTitle.replaceAll("\\s+", ""))
                .doesNotContain("家庭查询", "下载Excel", "筛选");
    }

    /**
     * The printed text. Chromium's PDF maps some glyphs of the CJK font to their Kangxi radicals (⼾ for 户),
     * which NFKC folds to an ideograph (not always the same one: 戶): compare words without such characters.
     */
    private static String printedText(byte[] pdf) {
        return java.text.Normalizer.normalize(PdfText.of(pdf).text(), java.text.Normalizer.Form.NFKC);
    }

    /** What the browser's 打印 gives on A4 portrait (21.0 × 29.7 cm). */
    private static byte[] printOnA4(Tasklist tasklist) {
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        byte[] pdf = java.util.Base64.getDecoder().decode(((PrintsPage) tasklist.driver()).print(options).getContent());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
            assertThat(page.getHeight()).isCloseTo(842f, org.assertj.core.data.Offset.offset(2f));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return pdf;
    }

    @Test
    void theFileOpensTheCasesOwnTaskInTasklist(Tasklist tasklist) {
        DibaoCase dibaoCase = walker.submit("clerk.yuecun", TestApplications.yuecunHousehold(1, "200"));
        String taskId = taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId()).singleResult().getId();

        tasklist.loginAs("clerk.yuecun").open("/ledger/households/" + dibaoCase.householdId());
        WebElement link = tasklist.driver().findElement(By.cssSelector("a.open-task"));
        assertThat(link.getText()).isEqualTo("在待办任务中打开：受理申请");
        link.click();

        tasklist.waiting().until(d -> !d.findElements(By.cssSelector(".task-details .fjs-form .fjs-form-field")).isEmpty());
        // Tasklist adds its own state after the task
        assertThat(tasklist.driver().getCurrentUrl()).contains("/camunda/app/tasklist/default/#/?task=" + taskId);
        assertThat(tasklist.driver().findElement(By.cssSelector(".task-details")).getText()).contains("受理申请");
        tasklist.screenshot("ledger-open-task-in-tasklist");
    }

    @Test
    void theHeaderNamesWhoIsLoggedInAndLogoutEndsTheSession(Tasklist tasklist) {
        NamedStaff.reviewer(identityService);
        tasklist.loginAs(NamedStaff.REVIEWER).open("/ledger");
        assertThat(tasklist.driver().findElement(By.id("current-user")).getText()).isEqualTo(NamedStaff.REVIEWER_NAME);
        tasklist.screenshot("ledger-header-logged-in");

        tasklist.driver().findElement(By.id("logout")).click();
        tasklist.waiting().until(d -> !d.findElements(By.cssSelector("input[ng-model=username]")).isEmpty());
        assertThat(tasklist.driver().getCurrentUrl()).contains(LedgerLogin.LOGIN_PAGE);
        tasklist.screenshot("ledger-after-logout");
        // the ledgers and Tasklist both ask for a login again
        tasklist.open("/ledger");
        tasklist.waiting().until(d -> !d.findElements(By.cssSelector("input[ng-model=username]")).isEmpty());
        tasklist.open("/camunda/app/tasklist/default/");
        tasklist.waiting().until(d -> !d.findElements(By.cssSelector("input[ng-model=username]")).isEmpty());
    }

    @Test
    void theDashboardSaysWhatIsCoveredNowAndEveryPageFitsAnOfficeScreen(Tasklist tasklist) {
        tasklist.loginAs("admin");
        onOfficeScreen(tasklist, () -> {
            tasklist.open("/ledger/dashboard");
            assertThat(tasklist.driver().findElement(By.id("covered-now")).getText()).startsWith("目前在保 ");
            int year = java.time.Year.now().getValue();
            long issued = jdbc.sql("""
                    select count(*) from payment p join payroll r on r.id = p.payroll_id
                    where p.status = 'ISSUED' and r.payroll_month like ?""").param(year + "-%").query(Long.class).single();
            if (issued == 0) { // a fresh database: the demo's approved cases are paid from next month
                assertThat(tasklist.driver().findElement(By.id("empty-note")).getText()).startsWith(year + "年尚无");
            }
            tasklist.screenshot("ledger-dashboard-1366");
            for (String page : List.of("/ledger/dashboard", "/ledger", "/ledger/lists/deadlines", "/ledger/lists/time-limits",
                    "/ledger/lists/failed-payments", "/ledger/lists/disaster-households", "/ledger/calendar", "/ledger/import")) {
                assertFits(tasklist, page);
            }
        });
    }

    @Test
    void aBadAddressIsAnsweredInChineseInTheLedgersStyle(Tasklist tasklist) {
        tasklist.loginAs("clerk.yuecun").open("/ledger/dashboard?year=abc");
        assertThat(tasklist.driver().findElement(By.id("refusal")).getText()).isEqualTo("年份“abc”格式不正确，应为数字");
        assertThat(tasklist.driver().findElement(By.cssSelector("header.top")).getText()).contains("家庭查询", "退出");
        tasklist.screenshot("ledger-bad-parameter");
    }

    /** Runs the checks in a 1,366 × 768 window, then gives the shared browser its size back. */
    private static void onOfficeScreen(Tasklist tasklist, Runnable checks) {
        Dimension before = tasklist.driver().manage().window().getSize();
        tasklist.driver().manage().window().setSize(OFFICE_SCREEN);
        try {
            checks.run();
        } finally {
            tasklist.driver().manage().window().setSize(before);
        }
    }

    private static void assertFits(Tasklist tasklist, String path) {
        tasklist.open(path);
        JavascriptExecutor js = tasklist.driver();
        long innerWidth = (Long) js.executeScript("return window.innerWidth");
        long scrollWidth = (Long) js.executeScript("return document.documentElement.scrollWidth");
        assertThat(innerWidth).as("window width").isLessThanOrEqualTo(OFFICE_SCREEN.getWidth());
        assertThat(scrollWidth).as(path + " scrolls sideways").isLessThanOrEqualTo(innerWidth);
    }

    private static void scrollTo(Tasklist tasklist, WebElement element) {
        tasklist.driver().executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
    }
}

package cn.minzheng.bureau.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.program.roster.PersonRosterColumns;
import cn.minzheng.bureau.support.Browser;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;
import cn.minzheng.bureau.tekun.TekunRosterKind;
import cn.minzheng.bureau.youfu.YoufuRosterKind;

/**
 * The administrator in a real browser (headless Chromium): logs in through the webapps, uploads a roster
 * on the import page, watches the progress, reloads the page while it runs, reads the warning, accepts it
 * and commits; and imports a 特困供养人员 and a 优抚对象 roster, whose enrolments then show in the household file. Screenshots land
 * in target/screenshots/.
 */
@BrowserTest
class RosterImportBrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    HouseholdRepository households;
    @Autowired
    TekunRosterKind tekunKind;
    @Autowired
    YoufuRosterKind youfuKind;

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
        WebDriverWait wait = loggedInAsTheAdministrator(tasklist);

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
        assertThat(browser.findElement(By.id("rows")).getText()).contains("户编号").contains("警告").contains("640.00元不一致");
        assertThat(browser.findElement(By.id("households")).findElement(By.xpath("..")).getText()).matches("共 \\d+ 户；.*");
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

    /**
     * The 特困供养人员 roster: the administrator chooses the kind, uploads two persons (one on record in 岳村乡, one not),
     * reads that both pass, commits, and finds the enrolment 享受中 in the household file of the person on record.
     */
    @Test
    void theAdministratorImportsA特困RosterAndTheEnrolmentShowsInTheHouseholdFile(Tasklist tasklist) throws Exception {
        String idNumber = TestApplications.idNumber(LocalDate.now().minusYears(72), false);
        long householdId = personOnRecord("李秀英", idNumber);
        String[] known = onRecordIn岳村乡(PersonSheets.tekun("李秀英"), idNumber);
        Path file = Files.createTempDirectory("roster").resolve("特困供养人员名册.xlsx");
        Files.write(file, PersonSheets.tekunWorkbook(tekunKind, List.of(known, PersonSheets.tekun("赵德顺"))));

        ChromeDriver browser = tasklist.driver();
        WebDriverWait wait = loggedInAsTheAdministrator(tasklist);
        browser.get(tasklist.url("/ledger/import"));
        assertThat(browser.findElement(By.id("kind-TEKUN")).getText()).contains("特困供养人员：已在享受特困人员救助供养的人员，每人一行");
        assertThat(browser.findElement(By.id("template-TEKUN")).getAttribute("href")).contains("kind=TEKUN");
        Browser.screenshot(browser, "import-tekun-page");
        uploadAndAwaitValidation(browser, wait, "特困供养人员", file);
        assertThat(browser.findElement(By.id("kind")).getText()).isEqualTo("名册类型：特困供养人员");
        assertThat(browser.findElement(By.id("accepted")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("rows")).getText()).contains("全部通过").doesNotContain("户编号");
        assertThat(browser.findElement(By.id("households")).findElement(By.xpath("..")).getText())
                .as("a roster of persons counts people").startsWith("共 2 人；");
        Browser.screenshot(browser, "import-tekun-report");
        browser.findElement(By.id("commit")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().equals("已导入"));
        assertThat(browser.findElement(By.id("committed")).getText()).contains("2 行");
        Browser.screenshot(browser, "import-tekun-committed");

        browser.get(tasklist.url("/ledger/households/" + householdId));
        String enrolmentTable = browser.findElement(By.id("enrolments")).getText();
        assertThat(enrolmentTable).contains("特困人员救助供养").contains("享受中");
        Browser.screenshot(browser, "import-tekun-household-file");
    }
    /**
     * The 优抚对象 roster: the administrator uploads a 残疾军人 on record and one whose grade his cause does not allow,
     * reads the Chinese reason at the row, uploads the corrected roster, commits, and finds the 优抚 enrolment 享受中 in
     * the household file.
     */
    @Test
    void theAdministratorImportsA优抚RosterReadsTheRefusalAndTheEnrolmentShowsInTheHouseholdFile(Tasklist tasklist)
            throws Exception {
        String idNumber = TestApplications.idNumber(LocalDate.now().minusYears(64), true);
        long householdId = personOnRecord("岳振华", idNumber);
        String[] known = onRecordIn岳村乡(PersonSheets.disabledSoldier("岳振华"), idNumber);
        String[] wrongGrade = PersonSheets.disabledSoldier("褚建军");
        wrongGrade[PersonRosterColumns.PROGRAM_FROM + 2] = "8";
        wrongGrade[PersonRosterColumns.PROGRAM_FROM + 3] = "因病";
        Path dir = Files.createTempDirectory("roster");
        Path withError = dir.resolve("优抚对象名册.xlsx");
        Files.write(withError, PersonSheets.youfuWorkbook(youfuKind, List.of(known, wrongGrade)));
        Path corrected = dir.resolve("优抚对象名册（改）.xlsx");
        Files.write(corrected, PersonSheets.youfuWorkbook(youfuKind, List.<String[]>of(known)));

        ChromeDriver browser = tasklist.driver();
        WebDriverWait wait = loggedInAsTheAdministrator(tasklist);
        browser.get(tasklist.url("/ledger/import"));
        assertThat(browser.findElement(By.id("kind-YOUFU")).getText())
                .contains("优抚对象（定期抚恤补助）：已在享受优抚对象定期抚恤补助的人员，每人一行");
        assertThat(browser.findElement(By.id("template-YOUFU")).getAttribute("href")).contains("kind=YOUFU");
        uploadAndAwaitValidation(browser, wait, "优抚对象（定期抚恤补助）", withError);
        assertThat(browser.findElement(By.id("kind")).getText()).isEqualTo("名册类型：优抚对象（定期抚恤补助）");
        assertThat(browser.findElement(By.id("rejected")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("rows")).getText()).contains("褚建军").contains("拒绝")
                .contains("因病致残的残疾军人只评定一级至六级，不能为八级").doesNotContain("户编号");
        Browser.screenshot(browser, "import-youfu-refused");

        browser.get(tasklist.url("/ledger/import"));
        uploadAndAwaitValidation(browser, wait, "优抚对象（定期抚恤补助）", corrected);
        assertThat(browser.findElement(By.id("accepted")).getText()).isEqualTo("1");
        browser.findElement(By.id("commit")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().equals("已导入"));
        Browser.screenshot(browser, "import-youfu-committed");

        browser.get(tasklist.url("/ledger/households/" + householdId));
        assertThat(browser.findElement(By.id("enrolments")).getText()).contains("优抚对象定期抚恤补助").contains("享受中");
        Browser.screenshot(browser, "import-youfu-household-file");
    }

    /** The administrator logged in; a wait of two minutes for the import's pages. */
    private static WebDriverWait loggedInAsTheAdministrator(Tasklist tasklist) {
        WebDriverWait wait = Browser.waitUpTo(tasklist.driver(), Duration.ofSeconds(120));
        // the page reloads itself when the job ends: an element found just before is then replaced
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        tasklist.loginAs("admin");
        return wait;
    }

    /** On the import page: the roster kind chosen, the file uploaded, until the validation is over. */
    private static void uploadAndAwaitValidation(ChromeDriver browser, WebDriverWait wait, String kind, Path file) {
        new Select(browser.findElement(By.id("kind"))).selectByVisibleText(kind);
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("submit")).click();
        wait.until(d -> d.getCurrentUrl().matches(".*/ledger/import/\\d+"));
        wait.until(d -> d.findElement(By.id("status")).getText().equals("已校验"));
    }

    /** A person unable to work alone on a household file of 岳村乡; the file's id. */
    private long personOnRecord(String name, String idNumber) {
        var form = TestApplications.yuecunHousehold(1, "0");
        var head = form.household().members().get(0);
        var person = new MemberForm(name, idNumber, head.relation(), "UNABLE_TO_WORK", "NONE", List.of());
        return households.insert(validator.validate(TestApplications.withMembers(form, List.of(person)).household()));
    }

    /** The roster row as for the person on record in 岳村乡: paid to the household file's account. */
    private static String[] onRecordIn岳村乡(String[] row, String idNumber) {
        row[PersonRosterColumns.TOWNSHIP] = "岳村乡";
        row[PersonRosterColumns.COMMUNITY] = "yuecun-yuecun";
        row[PersonRosterColumns.ID_NUMBER] = idNumber;
        row[PersonRosterColumns.BANK_ACCOUNT] = null;
        return row;
    }
}

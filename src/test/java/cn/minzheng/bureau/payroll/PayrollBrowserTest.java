package cn.minzheng.bureau.payroll;

import static cn.minzheng.bureau.payroll.PayrollProcess.*;
import static cn.minzheng.bureau.payroll.PayrollTestSupport.APPROVER;
import static cn.minzheng.bureau.payroll.PayrollTestSupport.FINANCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.household.BankAccounts;
import cn.minzheng.bureau.payroll.PayrollTestSupport.Payment;
import cn.minzheng.bureau.support.Browser;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.Tasklist;

/**
 * Finance's month in a real browser: the payroll page with its payees, the check task in Tasklist warning
 * that a case was approved after the computation, the payroll computed again and confirmed, the district
 * approver approving in Tasklist with the payees in view, and the bank files downloaded from the page with
 * the Tasklist login. The payroll is not offered under 发起流程 (finance starts a month on the page).
 */
@BrowserTest
class PayrollBrowserTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    PayrollStarter starter;
    @Autowired
    JdbcClient jdbc;

    @Test
    void financeChecksAStalePayrollRecomputesItTheApproverApprovesAndFinanceDownloadsTheBankFiles(Tasklist tasklist)
            throws Exception {
        PayrollTestSupport support = new PayrollTestSupport(walker, engine.getTaskService(), engine.getManagementService(),
                cases, jdbc);
        DibaoCase early = support.activeCase(2, "300");
        YearMonth month = FreshPeriods.month();
        long payrollId = walker.as(FINANCE, () -> starter.start(month)).payroll().id();
        String instance = payrolls.get(payrollId).processInstanceId();
        support.awaitJobs(instance);
        DibaoCase late = support.activeCase(1, "100"); // approved after the computation: the payroll is stale
        Payment earlyPayment = support.payment(early.id(), month);

        tasklist.loginAs(FINANCE);
        assertThat(startableProcesses(tasklist)).doesNotContain("低保资金月度发放");
        tasklist.screenshot("payroll-start-dialog-finance");

        tasklist.open("/ledger/payrolls/" + payrollId);
        tasklist.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("payees")));
        assertThat(tasklist.bodyText()).contains(month + " 低保资金工资单", "工资单已不是最新", late.caseNumber(),
                BankAccounts.mask(earlyPayment.bankAccount()), "区民政局审批通过后可在此下载银行代发文件");
        tasklist.screenshot("payroll-page-stale");

        Payment first = support.firstPayment(payrollId);
        CamundaForm check = tasklist.openTask(task(instance, TASK_CHECK_BY_FINANCE).getId());
        tasklist.waiting().until(d -> check.text().contains("工资单已不是最新"));
        assertThat(check.text()).contains(late.caseNumber(), "计算后获批，未列入本工资单", "收款人",
                Long.toString(first.id()), BankAccounts.mask(first.bankAccount()), Money.format(first.amount()),
                "打开本月工资单明细");
        tasklist.screenshot("payroll-check-stale");
        check.choose("核对结论", "有误，作废并按最新案件重新计算");
        check.type("核对意见；选择重新计算时须写明原因", "计算后有新批准的案件，按最新案件重新计算");
        check.submit();
        tasklist.waiting().until(d -> payrolls.get(payrollId).status() != PayrollStatus.CHECKING
                || engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
                        .activityId(TASK_DISCARD).finished().count() > 0);
        support.awaitJobs(instance);
        Payment latePayment = support.payment(late.id(), month);
        Payment recomputedEarly = support.payment(early.id(), month); // computed again: a new payment

        Payment firstRecomputed = support.firstPayment(payrollId);
        assertThat(firstRecomputed.id()).isNotEqualTo(first.id()); // the discarded computation's payments are gone
        CamundaForm recomputed = tasklist.openTask(task(instance, TASK_CHECK_BY_FINANCE).getId());
        tasklist.waiting().until(d -> recomputed.text().contains(Long.toString(firstRecomputed.id())));
        assertThat(recomputed.text()).doesNotContain("工资单已不是最新");
        tasklist.screenshot("payroll-check-recomputed");
        recomputed.choose("核对结论", "核对无误，提交区民政局审批");
        recomputed.submit();
        tasklist.waiting().until(d -> task(instance, TASK_APPROVE_BY_DISTRICT) != null);
        assertThat(payrolls.get(payrollId).checkedBy()).isEqualTo(FINANCE);

        tasklist.loginAs(APPROVER);
        CamundaForm approval = tasklist.openTask(task(instance, TASK_APPROVE_BY_DISTRICT).getId());
        tasklist.waiting().until(d -> approval.text().contains(Long.toString(firstRecomputed.id())));
        assertThat(approval.text()).contains("收款人").doesNotContain("工资单已不是最新");
        tasklist.screenshot("payroll-approval");
        scrollTo(tasklist, approval.element().findElement(By.cssSelector(".fjs-table")));
        tasklist.screenshot("payroll-approval-payees");
        approval.choose("审批决定", "批准发放");
        approval.submit();
        tasklist.waiting().until(d -> task(instance, TASK_APPROVE_BY_DISTRICT) == null);
        support.awaitJobs(instance);
        assertThat(payrolls.get(payrollId).status()).isEqualTo(PayrollStatus.ISSUED);
        assertThat(task(instance, TASK_RECONCILE)).isNotNull();

        tasklist.loginAs(FINANCE);
        tasklist.open("/ledger");
        tasklist.driver().findElement(By.id("nav-payrolls")).click();
        tasklist.waiting().until(d -> d.findElement(By.tagName("h1")).getText().contains("低保资金月度工资单"));
        tasklist.open("/ledger/payrolls/" + payrollId);
        Path csv = Browser.DOWNLOADS.resolve(BankFileDownloads.filename(payrolls.get(payrollId), "csv"));
        Path xlsx = Browser.DOWNLOADS.resolve(BankFileDownloads.filename(payrolls.get(payrollId), "xlsx"));
        Files.deleteIfExists(csv);
        Files.deleteIfExists(xlsx);
        tasklist.screenshot("payroll-page-issued");
        tasklist.driver().findElement(By.id("download-csv")).click();
        tasklist.driver().findElement(By.id("download-xlsx")).click();
        String lines = new String(Files.readAllBytes(downloaded(csv)), StandardCharsets.UTF_8);
        assertThat(lines).contains(recomputedEarly.id() + "," + month + ",岳村乡,测试户主")
                .contains(latePayment.id() + "," + month + ",岳村乡");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(downloaded(xlsx)))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(6).getStringCellValue()).isEqualTo("银行账号");
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo((int) lines.lines().count() - 1);
        }
    }

    /** 发起流程: the names the dialog offers this user (then closes it). */
    private static java.util.List<String> startableProcesses(Tasklist tasklist) {
        tasklist.open("/camunda/app/tasklist/default/");
        tasklist.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(., '发起流程')]"))).click();
        tasklist.waiting().until(d -> !d.findElements(By.cssSelector(".modal ul.processes li")).isEmpty()
                || d.findElement(By.cssSelector(".modal")).getText().contains("暂无可用的流程定义"));
        return tasklist.driver().findElements(By.cssSelector(".modal ul.processes li")).stream()
                .map(li -> li.getText().trim()).toList();
    }

    private static void scrollTo(Tasklist tasklist, org.openqa.selenium.WebElement element) {
        tasklist.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private Task task(String instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }

    private static Path downloaded(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && !Files.exists(file.resolveSibling(file.getFileName() + ".crdownload"))) {
                return file;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not downloaded: " + file);
    }
}

package cn.minzheng.bureau.statistics;

import static cn.minzheng.bureau.statistics.MonthlyReturnProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.bureau.statistics.ReturnRepository.StatisticalReturn;
import cn.minzheng.bureau.support.Browser;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;

/**
 * The monthly return in Tasklist, by its real users: the statistician starts it for a month and checks it, downloading
 * the version's .xlsx from the form; the 低保科负责人 approves it; the submitted return is listed on the ledger page
 * with its number and downloads as .xlsx with the number and the date it was reported.
 */
@BrowserTest
class MonthlyReturnBrowserTest {

    @Autowired
    ReturnRepository returns;
    @Autowired
    ReturnService service;
    @Autowired
    TaskService taskService;

    @Test
    void theStatisticianPreparesAndChecksTheHeadApprovesAndTheWorkbookDownloads(Tasklist tasklist) throws Exception {
        YearMonth month = YearMonth.of(ThreadLocalRandom.current().nextInt(1900, 1999), ThreadLocalRandom.current().nextInt(1, 13));

        tasklist.loginAs("statistician");
        CamundaForm start = tasklist.startProcess("民政统计月报编制报出");
        start.type("统计月份", month.toString());
        tasklist.submit(start, "statistics-monthly-return-start", () -> !returns.ofMonth(month.toString()).isEmpty());
        StatisticalReturn prepared = returns.ofMonth(month.toString()).get(0);

        CamundaForm check = tasklist.openTask(task(prepared, TASK_CHECK).getId());
        assertThat(String.join("\n", check.values())).contains("最低生活保障：月末", "自动核对未发现问题。",
                month.getYear() + "年" + month.getMonthValue() + "月（第1版）");
        Path draft = Browser.DOWNLOADS.resolve(service.fileName(prepared));
        Files.deleteIfExists(draft);
        check.element().findElement(By.partialLinkText("下载本版月报")).click();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(downloaded(draft)))) {
            Sheet sheet = workbook.getSheet("最低生活保障");
            assertThat(numberCell(sheet).getStringCellValue()).isEqualTo("（未报出）");
        }
        check.choose("核对结果", "核对无误，报低保科负责人审批");
        tasklist.submit(check, "statistics-monthly-return-check", () -> task(prepared, TASK_APPROVE) != null);

        tasklist.loginAs("dibaohead");
        CamundaForm approve = tasklist.openTask(task(prepared, TASK_APPROVE).getId());
        assertThat(String.join("\n", approve.values())).contains("临时救助：本月救助");
        assertThat(approve.element().findElement(By.partialLinkText("下载本版月报")).getAttribute("href"))
                .endsWith("/ledger/statistics/returns/" + prepared.id() + ".xlsx");
        approve.choose("审批结果", "批准报出");
        tasklist.submit(approve, "statistics-monthly-return-approve",
                () -> returns.find(prepared.id()).orElseThrow().status() == ReturnStatus.SUBMITTED);
        StatisticalReturn submitted = returns.find(prepared.id()).orElseThrow();

        tasklist.open("/ledger");
        tasklist.driver().findElement(By.id("nav-statistical-returns")).click();
        tasklist.waiting().until(d -> d.findElement(By.tagName("h1")).getText().contains("民政统计月报"));
        WebElement row = tasklist.driver().findElement(
                By.cssSelector("#returns tr[data-month='" + month + "'][data-version='1']"));
        assertThat(row.getText()).contains("已报出", submitted.returnNumber(), "孙建华");
        tasklist.screenshot("statistical-returns-page");
        Path file = Browser.DOWNLOADS.resolve(service.fileName(submitted));
        Files.deleteIfExists(file);
        row.findElement(By.cssSelector("a.download")).click();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(downloaded(file)))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            Sheet sheet = workbook.getSheet("最低生活保障");
            assertThat(numberCell(sheet).getStringCellValue()).isEqualTo(submitted.returnNumber());
            Row date = null;
            for (Row r : sheet) {
                if (r.getCell(0) != null && "报出日期".equals(r.getCell(0).getStringCellValue())) {
                    date = r;
                }
            }
            assertThat(date).isNotNull();
            assertThat(date.getCell(1).getStringCellValue()).isNotEqualTo("（未报出）").endsWith("日");
        }
    }

    private Task task(StatisticalReturn r, String key) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(r.processInstanceId()).taskDefinitionKey(key).list();
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    /** 编号: the last cell of the sheet's second line (the table's width depends on the program and the layout). */
    private static org.apache.poi.ss.usermodel.Cell numberCell(Sheet sheet) {
        return sheet.getRow(1).getCell(sheet.getRow(1).getLastCellNum() - 1);
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

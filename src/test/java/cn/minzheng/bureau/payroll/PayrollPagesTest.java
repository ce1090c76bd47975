package cn.minzheng.bureau.payroll;

import static cn.minzheng.bureau.payroll.PayrollProcess.*;
import static cn.minzheng.bureau.payroll.PayrollTestSupport.APPROVER;
import static cn.minzheng.bureau.payroll.PayrollTestSupport.FINANCE;
import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.household.BankAccounts;
import cn.minzheng.bureau.payroll.PayrollTestSupport.Payment;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.WebappSession;

/**
 * The payroll as finance and the approver meet it outside the REST API: the ledger's 工资单 pages and the
 * bank files with the webapps' login (no HTTP Basic prompt), a month started from the page, and the task
 * forms' payees and stale warning as Tasklist loads them, with the decisions refusing a stale payroll.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PayrollPagesTest {

    @LocalServerPort
    int port;
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
    @Autowired
    ObjectMapper json;

    Http http;
    PayrollTestSupport support;

    @BeforeEach
    void init() {
        http = new Http(port);
        support = new PayrollTestSupport(walker, engine.getTaskService(), engine.getManagementService(), cases, jdbc);
    }

    @Test
    void financeStartsAMonthReadsItsPayeesAndDownloadsTheBankFilesWithTheWebappLogin() throws Exception {
        DibaoCase dibaoCase = support.activeCase(2, "300");
        YearMonth month = FreshPeriods.month();
        WebappSession finance = new WebappSession(port);
        finance.login(FINANCE, "demo");

        HttpResponse<String> bad = finance.postForm("/ledger/payrolls", Map.of("month", month.getYear() + "-13"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("发放月份不存在");
        HttpResponse<String> started = finance.postForm("/ledger/payrolls", Map.of("month", month.toString()));
        assertThat(started.statusCode()).isEqualTo(302);
        long payrollId = payrolls.findByMonth(month).orElseThrow().id();
        assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith("/ledger/payrolls/" + payrollId);
        HttpResponse<String> again = finance.postForm("/ledger/payrolls", Map.of("month", month.toString()));
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/ledger/payrolls/" + payrollId);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("payroll-" + month)
                .count()).isEqualTo(1);
        String instance = payrolls.get(payrollId).processInstanceId();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance)
                .singleResult().getStartUserId()).isEqualTo(FINANCE);
        support.awaitJobs(instance);

        Payment payment = payment(dibaoCase, month);
        assertThat(finance.get("/ledger/payrolls").body()).contains("id=\"nav-payrolls\"");
        assertThat(payrollListPageShowing(finance, month)).contains("财务核对中");
        String page = finance.get("/ledger/payrolls/" + payrollId + "?page=" + payeePageOf(payment)).body();
        assertThat(page).contains(month + " 低保资金工资单").contains(">" + payment.id() + "<")
                .contains(BankAccounts.mask(payment.bankAccount())).doesNotContain(payment.bankAccount())
                .contains("岳村乡").contains("740.00").contains("区民政局审批通过后可在此下载银行代发文件")
                .doesNotContain("download-csv");
        HttpResponse<byte[]> early = finance.download("/ledger/payrolls/" + payrollId + "/bank-file.csv");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(new String(early.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("尚未经区民政局审批通过");

        support.complete(FINANCE, instance, TASK_CHECK_BY_FINANCE, Map.of(VAR_CHECK_DECISION, CONFIRM));
        support.complete(APPROVER, instance, TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, APPROVE));
        support.awaitJobs(instance);

        assertThat(finance.get("/ledger/payrolls/" + payrollId).body()).contains("download-csv").contains("download-xlsx")
                .contains("<td>刘淑芬（财务）</td>").contains("<td>陈立新（区民政局审批人）</td>"); // who checked and approved
        HttpResponse<byte[]> csv = finance.download("/ledger/payrolls/" + payrollId + "/bank-file.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        // the same file as the REST API's
        assertThat(csv.body()).isEqualTo(http.download(FINANCE, "/api/payrolls/" + payrollId + "/bank-file.csv").body());
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains(payment.id() + "," + month + ",岳村乡,测试户主");
        HttpResponse<byte[]> xlsx = finance.download("/ledger/payrolls/" + payrollId + "/bank-file.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(6).getStringCellValue()).isEqualTo("银行账号");
        }

        // without the webapps' login: to the login page, never a browser password prompt
        HttpResponse<byte[]> stranger = new WebappSession(port).download("/ledger/payrolls/" + payrollId + "/bank-file.csv");
        assertThat(stranger.statusCode()).isEqualTo(302);
        assertThat(stranger.headers().firstValue("WWW-Authenticate")).isEmpty();

        WebappSession approver = new WebappSession(port);
        approver.login(APPROVER, "demo");
        assertThat(approver.get("/ledger/payrolls/" + payrollId).body()).contains(BankAccounts.mask(payment.bankAccount()))
                .doesNotContain("download-csv").contains("银行代发文件由财务下载");
        assertThat(approver.download("/ledger/payrolls/" + payrollId + "/bank-file.csv").statusCode()).isEqualTo(403);
        assertThat(approver.postForm("/ledger/payrolls", Map.of("month", month.plusMonths(1).toString())).statusCode())
                .isEqualTo(403);

        WebappSession clerk = new WebappSession(port);
        clerk.login("clerk.yuecun", "demo");
        assertThat(clerk.get("/ledger").body()).doesNotContain("nav-payrolls");
        assertThat(clerk.get("/ledger/payrolls/" + payrollId).statusCode()).isEqualTo(403);
    }

    @Test
    void aCaseApprovedOrCancelledAfterTheComputationMakesThePayrollStaleUntilItIsComputedAgain() throws Exception {
        support.activeCase(1, "100");
        YearMonth month = FreshPeriods.month();
        long payrollId = walker.as(FINANCE, () -> starter.start(month)).payroll().id();
        String instance = payrolls.get(payrollId).processInstanceId();
        support.awaitJobs(instance);

        JsonNode fresh = formVariables(task(instance, TASK_CHECK_BY_FINANCE));
        assertThat(fresh.at("/payrollStale/value").asBoolean()).isFalse();
        assertThat(fresh.at("/payeesNote/value").asText()).startsWith("本工资单共");
        assertThat(fresh.at("/payees/type").asText()).isEqualTo("Json");
        JsonNode payees = json.readTree(fresh.at("/payees/value").asText());
        assertThat(payees).isNotEmpty().hasSizeLessThanOrEqualTo(PayrollTaskForm.PAYEES_SHOWN);
        assertThat(payees.get(0).get("bankAccount").asText()).contains("****");

        DibaoCase late = support.activeCase(2, "300"); // approved while finance's task waits
        Task check = task(instance, TASK_CHECK_BY_FINANCE);
        JsonNode stale = formVariables(check);
        assertThat(stale.at("/payrollStale/value").asBoolean()).isTrue();
        assertThat(stale.at("/staleWarning/value").asText()).contains(late.caseNumber()).contains("计算后获批，未列入本工资单")
                .contains("有误，作废并按最新案件重新计算");
        WebappSession finance = new WebappSession(port);
        finance.login(FINANCE, "demo");
        assertThat(finance.get("/ledger/payrolls/" + payrollId).body()).contains("id=\"stale\"").contains(late.caseNumber());
        assertThat(finance.get("/ledger/payrolls").body()).contains("需重新计算");

        assertThatThrownBy(() -> support.complete(FINANCE, instance, TASK_CHECK_BY_FINANCE, Map.of(VAR_CHECK_DECISION, CONFIRM)))
                .satisfies(violation("不能提交审批"));
        Http.Response refused = http.post(FINANCE, "/engine-rest/task/" + check.getId() + "/submit-form",
                Map.of("variables", Map.of(VAR_CHECK_DECISION, Map.of("value", CONFIRM))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("计算后获批，未列入本工资单");
        assertThat(payrolls.get(payrollId).status()).isEqualTo(PayrollStatus.CHECKING);

        support.complete(FINANCE, instance, TASK_CHECK_BY_FINANCE,
                Map.of(VAR_CHECK_DECISION, RECOMPUTE, VAR_CHECK_COMMENT, "计算后有新批准的案件"));
        support.awaitJobs(instance);
        assertThat(formVariables(task(instance, TASK_CHECK_BY_FINANCE)).at("/payrollStale/value").asBoolean()).isFalse();
        assertThat(payment(late, month).amount()).isEqualByComparingTo("740.00");
        support.complete(FINANCE, instance, TASK_CHECK_BY_FINANCE, Map.of(VAR_CHECK_DECISION, CONFIRM));

        // cancelled while the approver's task waits: still on the payroll
        cases.changeStatus(late.id(), CaseStatus.CANCELLED, "clerk.yuecun", "户主死亡");
        JsonNode approval = formVariables(task(instance, TASK_APPROVE_BY_DISTRICT));
        assertThat(approval.at("/payrollStale/value").asBoolean()).isTrue();
        assertThat(approval.at("/staleWarning/value").asText()).contains("计算后已停保或暂停，仍在本工资单上")
                .contains("单上740.00元").contains("退回财务");
        assertThatThrownBy(() -> support.complete(APPROVER, instance, TASK_APPROVE_BY_DISTRICT,
                Map.of(VAR_APPROVAL_DECISION, APPROVE))).satisfies(violation("不能批准发放"));
        assertThat(payrolls.get(payrollId).status()).isEqualTo(PayrollStatus.AWAITING_APPROVAL);
        support.complete(APPROVER, instance, TASK_APPROVE_BY_DISTRICT,
                Map.of(VAR_APPROVAL_DECISION, REJECT, VAR_APPROVAL_COMMENT, "有案件已停保，请重新计算"));
        support.complete(FINANCE, instance, TASK_CHECK_BY_FINANCE,
                Map.of(VAR_CHECK_DECISION, RECOMPUTE, VAR_CHECK_COMMENT, "停保案件"));
        support.awaitJobs(instance);
        assertThat(support.payments(late.id())).isZero();
        assertThat(formVariables(task(instance, TASK_CHECK_BY_FINANCE)).at("/payrollStale/value").asBoolean()).isFalse();
    }

    /** The task's form variables as Tasklist reads them (Json values as text). */
    private JsonNode formVariables(Task task) {
        String user = TASK_APPROVE_BY_DISTRICT.equals(task.getTaskDefinitionKey()) ? APPROVER : FINANCE;
        Http.Response response = http.get(user, "/engine-rest/task/" + task.getId() + "/form-variables?deserializeValues=false");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private Task task(String instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }

    private Payment payment(DibaoCase dibaoCase, YearMonth month) {
        return support.payment(dibaoCase.id(), month);
    }

    /** The page of the payroll's payees (ordered as the bank file) that lists this payment: other tests' cases are paid too. */
    private long payeePageOf(Payment payment) {
        long before = jdbc.sql("select count(*) from payment where payroll_id = ? and id < ?")
                .params(payment.payrollId(), payment.id()).query(Long.class).single();
        return before / PayrollPageController.PAYEES_PER_PAGE;
    }

    /** The 工资单 list is newest month first, 24 to a page: follows 下一页 to the page that lists the month. */
    private static String payrollListPageShowing(WebappSession session, YearMonth month) throws Exception {
        for (int page = 0; page < 50; page++) {
            String body = session.get("/ledger/payrolls?page=" + page).body();
            if (body.contains(">" + month + "<")) {
                return body;
            }
            if (!body.contains("下一页")) {
                break;
            }
        }
        throw new AssertionError("工资单列表中没有 " + month);
    }
}

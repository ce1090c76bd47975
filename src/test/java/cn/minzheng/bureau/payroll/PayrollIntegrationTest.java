package cn.minzheng.bureau.payroll;

import static cn.minzheng.bureau.payroll.PayrollProcess.*;
import static cn.minzheng.bureau.payroll.PayrollTestSupport.APPROVER;
import static cn.minzheng.bureau.payroll.PayrollTestSupport.FINANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.payroll.PayrollTestSupport.Payment;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.Http;

/**
 * The payroll over HTTP and on the database (H2 or PostgreSQL): exactly one payment per case per month
 * however often a month is started or its computation runs, frozen payments, the bank files read back,
 * and the bank's return imported all or nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PayrollIntegrationTest {

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
    PayrollComputation computation;
    @Autowired
    JdbcClient jdbc;

    Http http;
    PayrollTestSupport support;

    @BeforeEach
    void init() {
        http = new Http(port);
        support = new PayrollTestSupport(walker, engine.getTaskService(), engine.getManagementService(), cases, jdbc);
    }

    @Test
    void startingTheSameMonthTwiceReturnsTheSamePayrollAndOnePaymentPerCase() {
        DibaoCase dibaoCase = support.activeCase(2, "300");
        YearMonth month = FreshPeriods.month();

        Http.Response first = http.post(FINANCE, "/api/payrolls", Map.of("month", month.toString()));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        long payrollId = first.json().at("/payroll/id").asLong();
        Http.Response second = http.post(FINANCE, "/api/payrolls", Map.of("month", month.toString()));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().at("/payroll/id").asLong()).isEqualTo(payrollId);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("payroll-" + month)
                .count()).isEqualTo(1);

        support.awaitJobs(payrolls.get(payrollId).processInstanceId());
        assertThat(http.post(FINANCE, "/api/payrolls", Map.of("month", month.toString())).status()).isEqualTo(200);
        assertThat(support.payments(dibaoCase.id())).isEqualTo(1);
        JsonNode view = http.get(APPROVER, "/api/payrolls/" + payrollId).json();
        assertThat(view.at("/payroll/status").asText()).isEqualTo("CHECKING");
        assertThat(view.at("/statusLabel").asText()).isEqualTo("财务核对中");
        assertThat(view.at("/townships").findValuesAsText("townshipName")).contains("岳村乡");
    }

    @Test
    void theComputationRunTwiceChangesNothingAndTheDatabaseRefusesASecondPayment() {
        DibaoCase dibaoCase = support.activeCase(3, "600");
        YearMonth month = FreshPeriods.month();
        long payrollId = walker.as(FINANCE, () -> startByHttp(month));
        support.awaitJobs(payrolls.get(payrollId).processInstanceId());
        long rows = paymentsIn(payrollId);

        // the job run again (a retry after a lost acknowledgement, a restarted node)
        assertThat(computation.compute(payrollId)).isZero();
        // even a run that finds the payroll still "computing" pays no case twice (a case another test approved
        // meanwhile may join the month: that is a first payment, not a second one)
        jdbc.sql("update payroll set status = 'COMPUTING' where id = ?").param(payrollId).update();
        computation.compute(payrollId);
        assertThat(paymentsIn(payrollId)).isGreaterThanOrEqualTo(rows);
        assertThat(jdbc.sql("select count(*) from (select case_id from payment where benefit_month = ? "
                + "group by case_id having count(*) > 1) twice").param(month.toString()).query(Long.class).single())
                .isZero();
        assertThat(support.payments(dibaoCase.id())).isEqualTo(1);

        Payment payment = support.payment(dibaoCase.id(), month);
        assertThatThrownBy(() -> jdbc.sql("""
                insert into payment (payroll_id, enrolment_id, case_id, benefit_month, household_id, township_code, payee_name,
                    payee_id_number, bank_name, bank_account, people_count, amount, status, created_at)
                select payroll_id, enrolment_id, case_id, benefit_month, household_id, township_code, payee_name, payee_id_number,
                    bank_name, bank_account, people_count, amount, status, created_at from payment where id = ?""")
                .param(payment.id()).update()).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aComputedPaymentKeepsWhatItWasComputedWith() {
        DibaoCase dibaoCase = support.activeCase(2, "400");
        YearMonth month = FreshPeriods.month();
        long payrollId = walker.as(FINANCE, () -> startByHttp(month));
        support.awaitJobs(payrolls.get(payrollId).processInstanceId());
        Payment before = support.payment(dibaoCase.id(), month);

        jdbc.sql("update household set bank_account = '6228480000000007777' where id = ?").param(dibaoCase.householdId()).update();
        jdbc.sql("update household_member set name = '改名' where household_id = ?").param(dibaoCase.householdId()).update();
        jdbc.sql("update dibao_case set monthly_amount = 1 where id = ?").param(dibaoCase.id()).update();
        jdbc.sql("update enrolment set amount = 1 where program_code = 'DIBAO' and program_case_id = ?").param(dibaoCase.id()).update();

        assertThat(support.payment(dibaoCase.id(), month)).isEqualTo(before);
        assertThat(before.amount()).isEqualByComparingTo("640.00");
        assertThat(before.bankAccount()).isEqualTo("6228480000000000001");
    }

    @Test
    void bankFilesOfAnApprovedPayrollReadBackAndTheBankReturnIsImportedAllOrNothing() throws Exception {
        DibaoCase dibaoCase = support.activeCase(2, "300");
        YearMonth month = FreshPeriods.month();
        long payrollId = walker.as(FINANCE, () -> startByHttp(month));
        String instance = payrolls.get(payrollId).processInstanceId();
        support.awaitJobs(instance);

        Http.Response early = http.get(FINANCE, "/api/payrolls/" + payrollId + "/bank-file.csv");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asText()).contains("尚未经区民政局审批通过");

        support.complete(FINANCE, instance, TASK_CHECK_BY_FINANCE, Map.of(VAR_CHECK_DECISION, CONFIRM));
        support.complete(APPROVER, instance, TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, APPROVE));
        support.awaitJobs(instance);
        Payroll issued = payrolls.get(payrollId);
        assertThat(issued.status()).isEqualTo(PayrollStatus.ISSUED);
        Payment payment = support.payment(dibaoCase.id(), month);
        assertThat(payment.status()).isEqualTo("ISSUED");

        assertThat(http.download("clerk.yuecun", "/api/payrolls/" + payrollId + "/bank-file.csv").status()).isEqualTo(403);
        Http.Download csv = http.download(FINANCE, "/api/payrolls/" + payrollId + "/bank-file.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", BankFileExporter.HEADER));
        assertThat(lines).hasSize(1 + (int) paymentsIn(payrollId));
        List<CSVRecord> records = CSVParser.parse(String.join("\n", lines), CSVFormat.DEFAULT).getRecords();
        BigDecimal csvTotal = records.stream().skip(1).map(r -> new BigDecimal(r.get(7))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(csvTotal).isEqualByComparingTo(issued.totalAmount());
        String mine = lines.stream().filter(l -> l.startsWith(payment.id() + ",")).findFirst().orElseThrow();
        assertThat(CSVParser.parse(mine, CSVFormat.DEFAULT).getRecords().get(0).toList()).containsExactly(
                Long.toString(payment.id()), month.toString(), "岳村乡", "测试户主",
                IdNumberMask.mask(payment.payeeIdNumber()), "中国农业银行", "6228480000000000001", "740.00");
        assertThat(mine).contains(",\"6228480000000000001\","); // the account is a quoted text field
        assertThat(mine).doesNotContain(payment.payeeIdNumber().substring(6, 14));

        Http.Download xlsx = http.download(FINANCE, "/api/payrolls/" + payrollId + "/bank-file.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(lines.size() - 1);
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("银行账号");
            BigDecimal xlsxTotal = BigDecimal.ZERO;
            Row myRow = null;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                xlsxTotal = xlsxTotal.add(BigDecimal.valueOf(row.getCell(7).getNumericCellValue()));
                if ((long) row.getCell(0).getNumericCellValue() == payment.id()) {
                    myRow = row;
                }
            }
            assertThat(xlsxTotal).isEqualByComparingTo(issued.totalAmount());
            assertThat(myRow).isNotNull();
            assertThat(myRow.getCell(6).getCellType()).isEqualTo(CellType.STRING); // an account is text, never a number
            assertThat(myRow.getCell(6).getStringCellValue()).isEqualTo("6228480000000000001");
            assertThat(myRow.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("@"); // formatted as text
            assertThat(myRow.getCell(4).getStringCellValue()).isEqualTo(IdNumberMask.mask(payment.payeeIdNumber()));
        }

        // a file with one bad line is refused whole
        String goodLine = payment.id() + ",6228480000000000001,740.00,账户冻结";
        Http.Response bad = http.postText(FINANCE, "/api/payrolls/" + payrollId + "/bank-return", "text/csv",
                "付款流水号,银行账号,金额,失败原因\n" + goodLine + "\n999999999,1,1.00,查无此户\n");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asText()).contains("第3行").contains("不属于本工资单");
        assertThat(support.payment(dibaoCase.id(), month).status()).isEqualTo("ISSUED");

        // as Excel on Chinese Windows saves it: GBK, a header, the reason quoted with a comma in it
        byte[] gbk = ("付款流水号,银行账号,金额,失败原因\r\n" + payment.id() + ",6228480000000000001,740.00,\"账户冻结，请核实,后补发\"\r\n")
                .getBytes(java.nio.charset.Charset.forName("GBK"));
        Http.Response ok = http.postBytes(FINANCE, "/api/payrolls/" + payrollId + "/bank-return", "text/csv", gbk);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("failuresRecorded").asInt()).isEqualTo(1);
        Http.Response twice = http.postText(FINANCE, "/api/payrolls/" + payrollId + "/bank-return", "text/csv", goodLine);
        assertThat(twice.json().get("failuresRecorded").asInt()).isZero();
        assertThat(twice.json().get("alreadyRecorded").asInt()).isEqualTo(1);
        assertThat(support.payment(dibaoCase.id(), month).status()).isEqualTo("FAILED");

        // reported to the township: 岳村乡 sees its failure, 孟轲乡 does not
        JsonNode yuecun = http.get("clerk.yuecun", "/api/payrolls/" + payrollId + "/failures").json();
        assertThat(yuecun.findValuesAsText("paymentId")).contains(Long.toString(payment.id()));
        assertThat(yuecun.findValuesAsText("reason")).contains("账户冻结，请核实,后补发");
        assertThat(http.get("clerk.mengke", "/api/payrolls/" + payrollId + "/failures").json().findValuesAsText("paymentId"))
                .doesNotContain(Long.toString(payment.id()));
    }

    @Test
    void badRequestsAreRefusedInChinese() {
        Http.Response badMonth = http.post(FINANCE, "/api/payrolls", Map.of("month", "2026-13"));
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.json().get("detail").asText()).contains("发放月份");
        assertThat(http.post(FINANCE, "/api/payrolls", Map.of("month", "五月")).json().get("code").asText())
                .isEqualTo("INVALID_MONTH");
        assertThat(http.post(FINANCE, "/api/payrolls", "{}").json().get("code").asText()).isEqualTo("MISSING_MONTH");
        Http.Response clerk = http.post("clerk.yuecun", "/api/payrolls", Map.of("month", "2030-01"));
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(payrolls.findByMonth(YearMonth.of(2030, 1))).isEmpty();
        assertThat(http.get(FINANCE, "/api/payrolls/987654321").status()).isEqualTo(404);
    }

    private long startByHttp(YearMonth month) {
        Http.Response response = http.post(FINANCE, "/api/payrolls", Map.of("month", month.toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().at("/payroll/id").asLong();
    }

    private long paymentsIn(long payrollId) {
        return jdbc.sql("select count(*) from payment where payroll_id = ?").param(payrollId).query(Long.class).single();
    }
}

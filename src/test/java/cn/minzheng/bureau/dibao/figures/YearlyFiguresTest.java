package cn.minzheng.bureau.dibao.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.TestApplications;

/**
 * The yearly figures over HTTP, on a year no other test touches: two cases, one of them first paid this
 * year and cancelled in it, one payment returned by the bank.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class YearlyFiguresTest {

    @LocalServerPort
    int port;
    @Autowired
    DibaoWalker walker;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void coveredAddedCancelledAndPaidByTownshipAndForTheDistrict() throws Exception {
        int year = FreshPeriods.year();
        DibaoCase longStanding = activeCase(3, "600"); // 960, paid since last December
        DibaoCase newcomer = activeCase(2, "300");     // 740, first paid in January, cancelled in March
        long lastDecember = payrolls.insert(YearMonth.of(year - 1, 12));
        long january = payrolls.insert(YearMonth.of(year, 1));
        long february = payrolls.insert(YearMonth.of(year, 2));
        pay(lastDecember, longStanding, year - 1 + "-12", 3, "960.00", "ISSUED");
        pay(january, longStanding, year + "-01", 3, "960.00", "ISSUED");
        pay(january, newcomer, year + "-01", 2, "740.00", "ISSUED");
        pay(february, longStanding, year + "-02", 3, "960.00", "ISSUED");
        pay(february, newcomer, year + "-02", 2, "740.00", "FAILED"); // returned by the bank: not paid
        jdbc.sql("insert into dibao_case_status_history (case_id, status, changed_at, changed_by, reason) values (?, 'CANCELLED', ?, 'approver', '复核停保')")
                .params(newcomer.id(), Timestamp.valueOf(LocalDateTime.of(year, 3, 15, 10, 0))).update();
        // another program's payment in the year (高龄津贴, no 低保 case) is not in the 低保 figures
        long gaolingMarch = payrolls.insert(Program.GAOLING, YearMonth.of(year, 3));
        jdbc.sql("""
                insert into payment (payroll_id, case_id, benefit_month, household_id, township_code, payee_name,
                    payee_id_number, bank_name, bank_account, people_count, amount, status, issued_at, created_at, enrolment_id)
                values (?, null, ?, ?, 'yuecun', '测试老人', '410322193001010011', '中国农业银行', '6228480000000000002',
                    1, 100.00, 'ISSUED', ?, ?, ?)""")
                .params(gaolingMarch, year + "-03", longStanding.householdId(), Timestamp.valueOf(LocalDateTime.now()),
                        Timestamp.valueOf(LocalDateTime.now()), -year)
                .update();

        Http.Response response = http.get("approver", "/api/dibao/yearly-figures?year=" + year + "&area=district");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode figures = response.json();
        assertThat(figures.get("coveredMonth").asText()).isEqualTo(year + "-02");
        JsonNode yuecun = township(figures, "yuecun");
        assertThat(yuecun.get("townshipName").asText()).isEqualTo("岳村乡");
        for (JsonNode row : new JsonNode[] {yuecun, figures.get("total")}) {
            assertThat(row.get("householdsCovered").asLong()).isEqualTo(2);
            assertThat(row.get("peopleCovered").asLong()).isEqualTo(5);
            assertThat(row.get("householdsAdded").asLong()).isEqualTo(1);
            assertThat(row.get("peopleAdded").asLong()).isEqualTo(2);
            assertThat(row.get("householdsCancelled").asLong()).isEqualTo(1);
            assertThat(row.get("peopleCancelled").asLong()).isEqualTo(2);
            assertThat(row.get("paidByMonth").get(0).decimalValue()).isEqualByComparingTo("1700.00");
            assertThat(row.get("paidByMonth").get(1).decimalValue()).isEqualByComparingTo("960.00");
            assertThat(row.get("paidByMonth").get(2).decimalValue()).isEqualByComparingTo("0.00");
            assertThat(row.get("paidInYear").decimalValue()).isEqualByComparingTo("2660.00");
        }
        assertThat(township(figures, "mengke").get("paidInYear").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(figures.get("townships")).hasSize(4);
        assertThat(figures.get("total").get("townshipName").asText()).isEqualTo("本区合计");

        // a township sees its own figures, not another's nor the district's
        assertThat(http.get("clerk.yuecun", "/api/dibao/yearly-figures?year=" + year + "&area=yuecun").json()
                .get("total").get("paidInYear").decimalValue()).isEqualByComparingTo("2660.00");
        assertThat(http.get("clerk.mengke", "/api/dibao/yearly-figures?year=" + year + "&area=yuecun").status()).isEqualTo(403);
        assertThat(http.get("clerk.yuecun", "/api/dibao/yearly-figures?year=" + year + "&area=district").status()).isEqualTo(403);
        Http.Response badYear = http.get("approver", "/api/dibao/yearly-figures?year=1999&area=district");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.json().get("detail").asText()).contains("年份");

        Http.Download xlsx = http.download("approver", "/api/dibao/yearly-figures.xlsx?year=" + year + "&area=district");
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("年末在保户数");
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + 4); // title, header, four townships, total
            Row total = sheet.getRow(sheet.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("本区合计");
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(5);
            assertThat(total.getCell(7).getNumericCellValue()).isEqualTo(1700.00);
            assertThat(total.getCell(19).getNumericCellValue()).isEqualTo(2660.00);
        }
    }

    private static JsonNode township(JsonNode figures, String code) {
        for (JsonNode row : figures.get("townships")) {
            if (row.get("townshipCode").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no township " + code);
    }

    private void pay(long payrollId, DibaoCase dibaoCase, String month, int people, String amount, String status) {
        jdbc.sql("""
                insert into payment (payroll_id, case_id, benefit_month, household_id, township_code, payee_name,
                    payee_id_number, bank_name, bank_account, people_count, amount, status, issued_at, created_at, enrolment_id)
                values (?, ?, ?, ?, ?, '测试户主', '410322196001010011', '中国农业银行', '6228480000000000001', ?, ?, ?, ?, ?,
                    (select e.id from enrolment e where e.program_code = 'DIBAO' and e.program_case_id = ?))""")
                .params(payrollId, dibaoCase.id(), month, dibaoCase.householdId(), dibaoCase.townshipCode(), people,
                        new java.math.BigDecimal(amount), status, Timestamp.valueOf(LocalDateTime.now()),
                        Timestamp.valueOf(LocalDateTime.now()), dibaoCase.id())
                .update();
    }

    private DibaoCase activeCase(int size, String headWage) {
        return walker.approved("clerk.yuecun", "reviewer.yuecun", "approver", TestApplications.yuecunHousehold(size, headWage));
    }
}

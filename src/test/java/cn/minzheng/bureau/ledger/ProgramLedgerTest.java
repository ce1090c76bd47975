package cn.minzheng.bureau.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.WebappSession;

/**
 * The ledger's search, the household file, the yearly figures and the dashboard per program, on a year no other data
 * falls in. 岳村乡, household 1: 岳高龄 (高龄津贴 200.00 a month from January), 岳特困 (特困供养 1760.00 a month from January),
 * 岳三口, and a 临时救助 grant of 3000.00 to the household (3 people) in March. Household 2: 岳单身 (高龄津贴 100.00 from
 * February, ended in June). Paid: 高龄津贴 May 200.00 + 100.00 and December 200.00 (a second December payment returned by
 * the bank is not paid); 特困供养 December 1760.00; 临时救助 March 3000.00.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProgramLedgerTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HouseholdRepository households;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    PayrollRepository payrolls;

    @Test
    void aHouseholdInThreeProgramsIsFoundByEachShowsAllThreeAndTheFiguresCountEachProgram() throws Exception {
        int year = freeYear();
        String tag = Integer.toString(ThreadLocalRandom.current().nextInt(100, 1000));
        List<String> ids = new ArrayList<>();
        long family = ProgramHouseholds.household(households, List.of("岳三口" + tag, "岳高龄" + tag, "岳特困" + tag),
                List.of(LocalDate.of(1970, 3, 4), LocalDate.of(1935, 5, 6), LocalDate.of(1950, 7, 8)), ids);
        long single = ProgramHouseholds.household(households, List.of("岳单身" + tag), List.of(LocalDate.of(1940, 1, 2)), ids);
        Enrolment gaoling = ProgramHouseholds.enrol(enrolments, Program.GAOLING, family, ids.get(1), EnrolmentStatus.ACTIVE,
                "200.00", year + "-01", "户籍核对确认");
        Enrolment tekun = ProgramHouseholds.enrol(enrolments, Program.TEKUN, family, ids.get(2), EnrolmentStatus.ACTIVE,
                "1760.00", year + "-01", "区民政局认定");
        Enrolment linshi = ProgramHouseholds.enrol(enrolments, Program.LINSHI, family, null, EnrolmentStatus.ACTIVE,
                "3000.00", year + "-03", "批准救助");
        Enrolment ended = ProgramHouseholds.enrol(enrolments, Program.GAOLING, single, ids.get(3), EnrolmentStatus.ACTIVE,
                "100.00", year + "-02", "户籍核对确认");
        enrolments.mirror(new cn.minzheng.bureau.program.ProgramCase(Program.GAOLING, ended.programCaseId(), single,
                ids.get(3), "yuecun", EnrolmentStatus.ENDED, ended.amount(), ended.startMonth(), null), "clerk.yuecun", "迁出本区");
        enrolments.backdateEnd(ended.id(), year + "-06");

        long gaolingMay = payrolls.insert(Program.GAOLING, YearMonth.of(year, 5));
        long gaolingDecember = payrolls.insert(Program.GAOLING, YearMonth.of(year, 12));
        long tekunDecember = payrolls.insert(Program.TEKUN, YearMonth.of(year, 12));
        long linshiMarch = payrolls.insert(Program.LINSHI, YearMonth.of(year, 3));
        ProgramHouseholds.pay(jdbc, gaolingMay, gaoling, year + "-05", 1, "200.00", "ISSUED");
        ProgramHouseholds.pay(jdbc, gaolingMay, ended, year + "-05", 1, "100.00", "ISSUED");
        ProgramHouseholds.pay(jdbc, gaolingDecember, gaoling, year + "-12", 1, "200.00", "ISSUED");
        ProgramHouseholds.pay(jdbc, gaolingDecember, gaoling, year + "-11", 1, "200.00", "FAILED"); // back pay returned
        ProgramHouseholds.pay(jdbc, tekunDecember, tekun, year + "-12", 1, "1760.00", "ISSUED");
        ProgramHouseholds.pay(jdbc, linshiMarch, linshi, year + "-03", 3, "3000.00", "ISSUED");

        WebappSession approver = new WebappSession(port);
        approver.login("approver", "demo");

        // the search: by each program (and status within it), the household's programs listed
        String name = URLEncoder.encode("岳三口" + tag, StandardCharsets.UTF_8);
        for (String program : List.of("TEKUN", "GAOLING", "LINSHI")) {
            String page = approver.get("/ledger?name=" + name + "&program=" + program + "&programStatus=ACTIVE").body();
            assertThat(page).as(program).contains("共 1 户").contains("特困人员救助供养（享受中）", "高龄津贴（享受中）", "临时救助（享受中）");
        }
        assertThat(approver.get("/ledger?name=" + name + "&program=DIBAO").body()).contains("共 0 户");
        assertThat(approver.get("/ledger?name=" + name + "&program=TEKUN&programStatus=ENDED").body()).contains("共 0 户");
        String single1 = URLEncoder.encode("岳单身" + tag, StandardCharsets.UTF_8);
        assertThat(approver.get("/ledger?name=" + single1 + "&program=GAOLING&programStatus=ENDED").body())
                .contains("共 1 户").contains("高龄津贴（已终止）");
        assertThat(approver.get("/ledger?name=" + single1 + "&programStatus=ACTIVE").body()).contains("共 0 户");
        var badProgram = approver.get("/ledger?program=NONSENSE");
        assertThat(badProgram.statusCode()).isEqualTo(400);
        assertThat(badProgram.body()).contains("救助项目“NONSENSE”无效").contains("特困人员救助供养");
        assertThat(approver.get("/ledger?programStatus=NONSENSE").body()).contains("项目状态“NONSENSE”无效");
        // a township's clerk finds the household too; another township's clerk does not
        WebappSession mengke = new WebappSession(port);
        mengke.login("clerk.mengke", "demo");
        assertThat(mengke.get("/ledger?name=" + name + "&program=TEKUN").body()).contains("共 0 户");

        // the household file: all three, with the member enrolled, amount, months and dated history
        String file = approver.get("/ledger/households/" + family).body();
        String table = file.substring(file.indexOf("id=\"enrolments\""), file.indexOf("</table>", file.indexOf("id=\"enrolments\"")));
        assertThat(table.split("<tr", -1)).hasSize(1 + 1 + 3); // head, three enrolments
        assertThat(table).contains("<td>特困人员救助供养</td>", "<td>岳特困" + tag + "</td>", "1760.00（每月）", "区民政局认定")
                .contains("<td>高龄津贴</td>", "<td>岳高龄" + tag + "</td>", "200.00（每月）", "户籍核对确认")
                .contains("<td>临时救助</td>", "<td>全户</td>", "3000.00（一次性）", "批准救助")
                .contains("<td>" + year + "-01</td>", "<td>" + year + "-03</td>");

        // yearly figures per program, by hand
        Http http = new Http(port);
        Http.Response response = http.get("approver", "/api/programs/yearly-figures?year=" + year + "&area=district");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode figures = response.json();
        assertThat(figures.findValuesAsText("programCode")).doesNotContain("DIBAO").contains("GAOLING", "TEKUN", "LINSHI");
        JsonNode gaolingYear = program(figures, "GAOLING");
        assertThat(gaolingYear.get("coveredMonth").asText()).isEqualTo(year + "-12");
        assertRow(gaolingYear.get("total"), 1, 1, 2, 2, 1, 1, "500.00");
        assertThat(gaolingYear.get("total").get("paidByMonth").get(4).decimalValue()).isEqualByComparingTo("300.00");
        assertThat(gaolingYear.get("total").get("paidByMonth").get(11).decimalValue()).isEqualByComparingTo("200.00");
        assertRow(program(figures, "TEKUN").get("total"), 1, 1, 1, 1, 0, 0, "1760.00");
        JsonNode linshiYear = program(figures, "LINSHI");
        assertThat(linshiYear.get("monthly").asBoolean()).isFalse();
        assertRow(linshiYear.get("total"), 1, 3, 1, 3, 0, 0, "3000.00");
        assertRow(program(figures, "YOUFU").get("total"), 0, 0, 0, 0, 0, 0, "0.00");
        // 岳村乡's own figures are the same; 孟轲乡's clerk may not read them
        assertRow(program(http.get("clerk.yuecun", "/api/programs/yearly-figures?year=" + year + "&area=yuecun").json(),
                "GAOLING").get("total"), 1, 1, 2, 2, 1, 1, "500.00");
        assertThat(http.get("clerk.mengke", "/api/programs/yearly-figures?year=" + year + "&area=yuecun").status()).isEqualTo(403);
        // 低保's own figures of the year: nothing, the other programs' payments are not 低保's
        JsonNode dibao = http.get("approver", "/api/dibao/yearly-figures?year=" + year + "&area=district").json();
        assertThat(dibao.get("total").get("paidInYear").decimalValue()).isEqualByComparingTo("0.00");

        // the dashboard: the programs beside 低保, and December's payrolls per program
        String dashboard = approver.get("/ledger/dashboard?year=" + year).body();
        assertThat(dashboard).contains("其他救助项目（与低保并列）")
                .contains("<td>高龄津贴</td><td>按月发放</td><td class=\"num\">1</td><td class=\"num\">1</td><td>2 / 2</td><td>1 / 1</td><td class=\"num\">500.00</td>")
                .contains("<td>特困人员救助供养</td><td>按月发放</td><td class=\"num\">1</td><td class=\"num\">1</td><td>1 / 1</td><td>0 / 0</td><td class=\"num\">1760.00</td>")
                .contains("<td>临时救助</td><td>一次性发放</td><td class=\"num\">1</td><td class=\"num\">3</td><td>1 / 3</td><td>0 / 0</td><td class=\"num\">3000.00</td>")
                .contains(year + "年12月工资单（按救助项目）")
                .contains("高龄津贴年末享受1人（1户），全年发放500.00元")
                .contains("临时救助全年救助3人（1户），全年发放3000.00元");
        String payrollTable = dashboard.substring(dashboard.indexOf("id=\"program-payrolls\""));
        // 高龄津贴: two payments (December's and a returned back pay), one household and person of December, 400.00 of
        // which 200.00 paid, one failed; 特困供养 1760.00; 低保 has no payroll that month
        assertThat(payrollTable)
                .containsPattern("<td>高龄津贴</td><td>[^<]+</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">1</td>"
                        + "<td class=\"num\">400.00</td><td class=\"num\">200.00</td><td class=\"num\">1</td>")
                .containsPattern("<td>特困人员救助供养</td><td>[^<]+</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">1</td>"
                        + "<td class=\"num\">1760.00</td><td class=\"num\">1760.00</td><td class=\"num\">0</td>")
                .contains("<td>最低生活保障</td><td>尚未生成</td>")
                .contains("<td>合计</td><td></td><td></td><td></td><td></td><td class=\"num\">2160.00</td><td class=\"num\">1960.00</td>");
        // another month by hand: March, 临时救助's 3000.00 only
        assertThat(approver.get("/ledger/dashboard?year=" + year + "&month=" + year + "-03").body())
                .contains(year + "年3月工资单（按救助项目）")
                .contains("<td class=\"num\">3000.00</td><td class=\"num\">3000.00</td><td></td></tr>");
        assertThat(approver.get("/ledger/dashboard?year=" + year + "&month=" + year + "-13").statusCode()).isEqualTo(400);
        // 孟轲乡's clerk sees 孟轲乡's part of the month: no payment of these
        assertThat(mengke.get("/ledger/dashboard?year=" + year).body())
                .contains("<td>合计</td><td></td><td></td><td></td><td></td><td class=\"num\">0.00</td><td class=\"num\">0.00</td>");
    }

    /** A year between 2000 and 2023 with no payroll and no enrolment of another program starting or ending in it. */
    private int freeYear() {
        while (true) {
            int year = 2000 + ThreadLocalRandom.current().nextInt(24);
            long used = jdbc.sql("select count(*) from payroll where payroll_month between ? and ?")
                    .params(year + "-01", year + "-12").query(Long.class).single()
                    + jdbc.sql("""
                            select count(*) from enrolment where program_code <> 'DIBAO'
                            and (start_month between ? and ? or end_month between ? and ?)""")
                    .params(year + "-01", year + "-12", year + "-01", year + "-12").query(Long.class).single();
            if (used == 0) {
                return year;
            }
        }
    }

    private static JsonNode program(JsonNode figures, String code) {
        for (JsonNode program : figures) {
            if (program.get("programCode").asText().equals(code)) {
                return program;
            }
        }
        throw new AssertionError("no program " + code);
    }

    private static void assertRow(JsonNode row, long households, long people, long householdsAdded, long peopleAdded,
                                  long householdsEnded, long peopleEnded, String paid) {
        assertThat(row.get("householdsCovered").asLong()).as("householdsCovered").isEqualTo(households);
        assertThat(row.get("peopleCovered").asLong()).as("peopleCovered").isEqualTo(people);
        assertThat(row.get("householdsAdded").asLong()).as("householdsAdded").isEqualTo(householdsAdded);
        assertThat(row.get("peopleAdded").asLong()).as("peopleAdded").isEqualTo(peopleAdded);
        assertThat(row.get("householdsCancelled").asLong()).as("householdsEnded").isEqualTo(householdsEnded);
        assertThat(row.get("peopleCancelled").asLong()).as("peopleEnded").isEqualTo(peopleEnded);
        assertThat(row.get("paidInYear").decimalValue()).as("paidInYear").isEqualByComparingTo(paid);
    }
}

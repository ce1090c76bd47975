package cn.minzheng.bureau.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.statistics.ReturnRepository.StatisticalReturn;
import cn.minzheng.bureau.support.Http;

/**
 * GET /api/statistics/returns and /{id}: for the statistics roles, 404 to everyone else; and a version stored before
 * the breakdown, the year to date and the standard still reads and renders, in the layout it was stored in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReturnApiTest {

    /** A version's figures as the first layout stored them (V160): no breakdown, year to date or standard. */
    static final String FIRST_LAYOUT = """
            {"month":"%s","districtName":"测试区","sheets":[{"programCode":"DIBAO","programName":"最低生活保障",\
            "oneOff":false,"rows":[{"areaCode":"yuecun","areaName":"岳村乡","areaType":"农村","households":2,\
            "persons":5,"addedHouseholds":1,"addedPersons":2,"endedHouseholds":1,"endedPersons":4,"paid":1640.00}],\
            "urban":{"areaCode":"URBAN","areaName":"城市小计","areaType":"城市","households":0,"persons":0,\
            "addedHouseholds":0,"addedPersons":0,"endedHouseholds":0,"endedPersons":0,"paid":0.00},\
            "rural":{"areaCode":"RURAL","areaName":"农村小计","areaType":"农村","households":2,"persons":5,\
            "addedHouseholds":1,"addedPersons":2,"endedHouseholds":1,"endedPersons":4,"paid":1640.00},\
            "total":{"areaCode":"DISTRICT","areaName":"全区合计","areaType":"","households":2,"persons":5,\
            "addedHouseholds":1,"addedPersons":2,"endedHouseholds":1,"endedPersons":4,"paid":1640.00}}]}""";

    @LocalServerPort
    int port;
    @Autowired
    ReturnService service;
    @Autowired
    ReturnRepository repository;
    @Autowired
    JdbcClient jdbc;

    /** A year no payroll of any program pays in (other tests pay in random years of their own), so the year to date is 0. */
    private int yearWithoutPayrolls() {
        while (true) {
            int year = ThreadLocalRandom.current().nextInt(1900, 1999);
            if (jdbc.sql("select count(*) from payroll where payroll_month between ? and ?")
                    .params(year + "-01", year + "-12").query(Long.class).single() == 0) {
                return year;
            }
        }
    }

    @Test
    void statisticsRolesReadVersionsAndFiguresOthersGet404() {
        YearMonth month = YearMonth.of(yearWithoutPayrolls(), ThreadLocalRandom.current().nextInt(1, 13));
        StatisticalReturn r = service.prepare(month, null, null, "statistician");
        assertThat(service.summary(r)).contains("最低生活保障：月末0户0人（老年人0、成年人0、未成年人0，其中残疾人0），新增0户0人",
                "支出0.00元，本年累计0.00元、0人次，平均标准", "临时救助：本月救助0户0人（老年人0");
        Http http = new Http(port);
        for (String user : new String[] {"statistician", "dibaohead", "approver"}) {
            Http.Response list = http.get(user, "/api/statistics/returns");
            assertThat(list.status()).as(user).isEqualTo(200);
            JsonNode listed = null;
            for (JsonNode v : list.json()) {
                if (v.get("id").asLong() == r.id()) {
                    listed = v;
                }
            }
            assertThat(listed).as(user + " sees the version").isNotNull();
            assertThat(listed.get("month").asText()).isEqualTo(month.toString());
            assertThat(listed.get("status").asText()).isEqualTo("PREPARED");
            assertThat(listed.get("statusLabel").asText()).isEqualTo("待核对");
            assertThat(listed.get("checksum").asText()).isEqualTo(r.checksum());

            Http.Response one = http.get(user, "/api/statistics/returns/" + r.id());
            assertThat(one.status()).as(user).isEqualTo(200);
            JsonNode body = one.json();
            assertThat(body.get("checksum").asText()).isEqualTo(r.checksum());
            assertThat(body.get("version").get("versionNo").asInt()).isEqualTo(r.versionNo());
            JsonNode dibao = body.get("figures").get("sheets").get(0);
            assertThat(dibao.get("programCode").asText()).isEqualTo("DIBAO");
            assertThat(dibao.get("total").get("breakdown").get("elderly").asLong()).isZero();
            assertThat(dibao.get("total").get("yearToDate").get("personTimes").asLong()).isZero();
            assertThat(dibao.get("urban").get("averageStandard").decimalValue()).isEqualByComparingTo("700.00");
            assertThat(body.get("findings").isArray()).isTrue();
        }
        for (String user : new String[] {"clerk.yuecun", "reviewer.renqiu", "finance"}) {
            assertThat(http.get(user, "/api/statistics/returns").status()).as(user).isEqualTo(404);
            assertThat(http.get(user, "/api/statistics/returns/" + r.id()).status()).as(user).isEqualTo(404);
        }
        assertThat(http.get("statistician", "/api/statistics/returns/999999999").status()).isEqualTo(404);
    }

    @Test
    void aVersionStoredBeforeTheBreakdownStillReadsAndRendersInItsLayout() throws Exception {
        String month = ThreadLocalRandom.current().nextInt(1800, 1900) + "-0" + ThreadLocalRandom.current().nextInt(1, 10);
        String json = FIRST_LAYOUT.formatted(month);
        long id = repository.insert(month, 1, null, null, json, ReturnService.checksum(json), "[]", "statistician",
                LocalDateTime.now());
        StatisticalReturn r = service.get(id);

        MonthlyFigures figures = service.figuresOf(r);
        MonthlyFigures.Row total = figures.sheet("DIBAO").total();
        assertThat(total.persons()).isEqualTo(5);
        assertThat(total.breakdown()).isNull();
        assertThat(total.yearToDate()).isNull();
        assertThat(total.averageStandard()).isNull();
        assertThat(service.summary(r)).isEqualTo("最低生活保障：月末2户5人，新增1户2人，减少1户4人，支出1640.00元，人均328.00元");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(service.workbook(r)))) {
            Sheet sheet = workbook.getSheet("最低生活保障");
            List<String> headers = new ArrayList<>();
            sheet.getRow(4).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactly("乡镇（街道）", "城乡类别", "月末户数（户）", "月末人数（人）", "本月新增户数（户）",
                    "本月新增人数（人）", "本月减少户数（户）", "本月减少人数（人）", "本月支出金额（元）", "月人均支出（元）");
            Row yuecun = sheet.getRow(5);
            assertThat(yuecun.getCell(0).getStringCellValue()).isEqualTo("岳村乡");
            double[] expected = {2, 5, 1, 2, 1, 4, 1640.00, 328.00};
            for (int i = 0; i < expected.length; i++) {
                assertThat(yuecun.getCell(2 + i).getNumericCellValue()).as(headers.get(2 + i)).isEqualTo(expected[i]);
            }
            assertThat(yuecun.getLastCellNum()).isEqualTo((short) 10);
        }

        Http.Response read = new Http(port).get("dibaohead", "/api/statistics/returns/" + id);
        assertThat(read.status()).isEqualTo(200);
        JsonNode row = read.json().get("figures").get("sheets").get(0).get("rows").get(0);
        assertThat(row.get("persons").asLong()).isEqualTo(5);
        // absent (the API leaves nulls out), never 0
        assertThat(row.hasNonNull("breakdown")).isFalse();
        assertThat(row.hasNonNull("yearToDate")).isFalse();
        assertThat(row.hasNonNull("averageStandard")).isFalse();
        assertThat(read.json().get("checksum").asText()).isEqualTo(ReturnService.checksum(json));
    }
}

package cn.minzheng.bureau.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.support.WebappSession;

/**
 * The dashboard and the year-end summary, checked against a year seeded with known totals: a disaster
 * with 2 五保户, 3 特困户 and 4 重灾户, and a campaign collecting 3,000.50 yuan, 10 棉衣 and 2 棉被,
 * of which 500.00 yuan and 4 棉衣 were handed out in 岳村乡.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theYearEndSummaryAddsUpTheSeededYear() throws Exception {
        int year;
        do { // a year no earlier run seeded (on a kept database)
            year = 2050 + ThreadLocalRandom.current().nextInt(45);
        } while (jdbc.sql("select count(*) from relief_disaster where disaster_number = ?").param("D-Y" + year)
                .query(Long.class).single() > 0);
        seed(year);

        WebappSession approver = new WebappSession(port);
        approver.login("approver", "demo");
        String page = approver.get("/ledger/dashboard?year=" + year).body();
        assertThat(page).contains(year + "年概览").contains("<svg")
                .contains("2户五保户、3户特困户、4户重灾户")
                .contains("共募集捐款3000.50元、棉衣10件、棉被2床")
                .contains("已发放捐款500.00元、棉衣4件")
                .contains(year + "-03：2 户 5 人").contains(year + "-04：1 户 2 人");

        List<String> cells = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(
                approver.download("/ledger/year-end.xlsx?year=" + year).body()))) {
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.add(cell.toString())));
        }
        assertThat(cells).contains("合计").anySatisfy(c -> assertThat(c).contains("2户五保户、3户特困户、4户重灾户"));

        // a township clerk's dashboard is the township's: 岳村乡's households, not the other township's
        WebappSession clerk = new WebappSession(port);
        clerk.login("clerk.mengke", "demo");
        assertThat(clerk.get("/ledger/dashboard?year=" + year).body()).contains("孟轲乡")
                .contains("0户五保户、0户特困户、0户重灾户").contains("已发放捐款0.00元");
        assertThat(clerk.get("/ledger/dashboard?year=1900").statusCode()).isEqualTo(400);
        // asking for another township shows the clerk's own; the district approver may pick any township
        assertThat(clerk.get("/ledger/dashboard?year=" + year + "&area=yuecun").body()).contains("孟轲乡 " + year);
        assertThat(approver.get("/ledger/dashboard?year=" + year + "&area=yuecun").body()).contains("岳村乡 " + year)
                .contains("2户五保户、3户特困户、4户重灾户").contains("已发放捐款500.00元");
    }

    @Test
    void theDashboardSaysWhatIsCoveredNowAndWhyAYearWithoutMoneyShowsNone() throws Exception {
        Map<String, Object> approved = jdbc.sql("""
                select count(distinct c.id) as households, count(p.id_number) as people, min(c.start_month) as first_month
                from dibao_case c left join dibao_case_person p on p.case_id = c.id
                where c.status = 'APPROVED' and c.township_code = 'renqiu'""").query().singleRow();
        String firstMonth = (String) approved.get("first_month");
        assertThat(firstMonth).as("the demo has approved 任丘办 cases").isNotNull().isGreaterThan("2001-12");

        WebappSession clerk = new WebappSession(port);
        clerk.login("clerk.renqiu", "demo");
        String page = clerk.get("/ledger/dashboard?year=2001").body();
        assertThat(page).contains("目前在保 " + approved.get("households") + " 户 " + approved.get("people") + " 人（已批准的低保案件）")
                .contains("2001年尚无低保金发放记录：已批准的案件自批准的次月起发放，首次发放月份为"
                        + CoveredNow.monthText(firstMonth));

        List<String> cells = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(clerk.download("/ledger/year-end.xlsx?year=2001").body()))) {
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.add(cell.toString())));
        }
        assertThat(cells).anySatisfy(c -> assertThat(c).startsWith("说明：2001年尚无低保金发放记录"));
    }

    /** Two 岳村乡 cases paid for March (2 and 3 people) and one for April. */
    private void seedPayments(int year) {
        List<long[]> cases = jdbc.sql("select id, household_id from dibao_case where township_code = 'yuecun' order by id")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list().subList(0, 2);
        Object[][] payments = {{cases.get(0), year + "-03", 2}, {cases.get(1), year + "-03", 3}, {cases.get(0), year + "-04", 2}};
        for (Object[] p : payments) {
            long[] c = (long[]) p[0];
            jdbc.sql("""
                    insert into payment (payroll_id, case_id, benefit_month, household_id, township_code, payee_name,
                        payee_id_number, bank_name, bank_account, people_count, amount, status, created_at, enrolment_id)
                    values (0, ?, ?, ?, 'yuecun', '测试', '410322198001010000', '测试银行', '6228480000000001', ?, 100.00,
                        'PENDING', ?, (select e.id from enrolment e where e.program_code = 'DIBAO' and e.program_case_id = ?))""")
                    .params(c[0], p[1], c[1], p[2], Timestamp.valueOf(LocalDateTime.now()), c[0]).update();
        }
    }

    private void seed(int year) {
        seedPayments(year);
        Timestamp during = Timestamp.valueOf(LocalDateTime.of(year, 6, 1, 9, 0));
        String tag = "Y" + year;
        long disaster = jdbc.sql("""
                insert into relief_disaster (disaster_number, kind, name, occurred_at, status, created_by, created_at)
                values (?, 'HAIL', '测试冰雹', ?, 'REGISTERED', 'test', ?)""")
                .params("D-" + tag, during, during).update() > 0
                ? jdbc.sql("select id from relief_disaster where disaster_number = ?").param("D-" + tag).query(Long.class).single()
                : -1;
        String[] categories = {"FIVE_GUARANTEE", "FIVE_GUARANTEE", "EXTREMELY_POOR", "EXTREMELY_POOR", "EXTREMELY_POOR",
                "SEVERELY_AFFECTED", "SEVERELY_AFFECTED", "SEVERELY_AFFECTED", "SEVERELY_AFFECTED"};
        for (int i = 0; i < categories.length; i++) {
            jdbc.sql("""
                    insert into relief_household (disaster_id, township_code, village_code, head_name, id_number, address,
                        persons, category, house_damage, need_amount, priority_tier, registered_by, registered_at)
                    values (?, 'yuecun', 'yuecun-yuecun', '测试户', ?, '岳村', 2, ?, 'NONE', 100, 'ORDINARY', 'test', ?)""")
                    .params(disaster, String.format("41032219800101%04d", i), categories[i], during).update();
        }
        jdbc.sql("""
                insert into donation_campaign (campaign_number, title, notice, window_start, window_end, distribution_date,
                    status, created_by, created_at)
                values (?, '测试募捐', '通知', ?, ?, ?, 'CLOSED', 'test', ?)""")
                .params("C-" + tag, during, during, during, during).update();
        long campaign = jdbc.sql("select id from donation_campaign where campaign_number = ?").param("C-" + tag)
                .query(Long.class).single();
        long first = donation(campaign, 1, tag, "1000.50", during);
        donation(campaign, 2, tag, "2000.00", during);
        jdbc.sql("insert into donation_goods (donation_id, goods_kind, quantity) values (?, 'COTTON_COAT', 10)").param(first).update();
        jdbc.sql("insert into donation_goods (donation_id, goods_kind, quantity) values (?, 'QUILT', 2)").param(first).update();
        jdbc.sql("""
                insert into donation_distribution (campaign_id, township_code, recipient_name, address, id_number, cash,
                    signature_confirmed, distributed_by, distributed_at)
                values (?, 'yuecun', '受助人', '岳村', '410322198001019999', 500.00, true, 'test', ?)""")
                .params(campaign, during).update();
        long distribution = jdbc.sql("select id from donation_distribution where campaign_id = ?").param(campaign)
                .query(Long.class).single();
        jdbc.sql("insert into donation_distribution_goods (distribution_id, goods_kind, quantity) values (?, 'COTTON_COAT', 4)")
                .param(distribution).update();
    }

    private long donation(long campaign, int sequence, String tag, String cash, Timestamp at) {
        jdbc.sql("""
                insert into donation (campaign_id, receipt_seq, receipt_number, donor_type, donor_name, cash, registered_by,
                    registered_at)
                values (?, ?, ?, 'UNIT', '测试单位', ?, 'test', ?)""")
                .params(campaign, sequence, "R-" + tag + "-" + sequence, new java.math.BigDecimal(cash), at).update();
        return jdbc.sql("select id from donation where receipt_number = ?").param("R-" + tag + "-" + sequence)
                .query(Long.class).single();
    }
}

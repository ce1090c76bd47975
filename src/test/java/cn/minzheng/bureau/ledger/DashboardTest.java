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
 * The dashboard and the year-end summary, checked against a year seeded with known totals: a hailstorm
 * with 2 五保户, 3 特困户 and 4 重灾户 and a waterlogging that hits three of them again (a 五保户 again as 五保户, a
 * 特困户 as 重灾户, a 重灾户 as 一般受灾户) and one new 重灾户 — each household counts once, under its most pressing
 * category: 2 五保户, 3 特困户, 5 重灾户 (counting registrations would give 3, 3, 6 and 1 一般受灾户) —, and a campaign collecting 3,000.50 yuan, 10 棉衣 and 2 棉被,
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
        do { // a year no earlier run seeded (on a kept database) and no other test pays in (CsrfProtectionTest's 2092)
            year = 2050 + ThreadLocalRandom.current().nextInt(45);
        } while (jdbc.sql("select count(*) from relief_disaster where disaster_number = ?").param("D-Y" + year)
                .query(Long.class).single() > 0 || hasPayrolls(year));
        seed(year);

        WebappSession approver = new WebappSession(port);
        approver.login("approver", "demo");
        String page = approver.get("/ledger/dashboard?year=" + year).body();
        assertThat(page).contains(year + "年概览").contains("<svg")
                .contains("2户五保户、3户特困户、5户重灾户")
                .contains("共募集捐款3000.50元、棉衣10件、棉被2床")
                .contains("已发放捐款500.00元、棉衣4件")
                .contains(year + "-03：2 户 5 人").contains(year + "-04：1 户 2 人");

        List<String> cells = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(
                approver.download("/ledger/year-end.xlsx?year=" + year).body()))) {
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.add(cell.toString())));
        }
        assertThat(cells).contains("合计").anySatisfy(c -> assertThat(c).contains("2户五保户、3户特困户、5户重灾户"));

        // a township clerk's dashboard is the township's: 岳村乡's households, not the other township's
        WebappSession clerk = new WebappSession(port);
        clerk.login("clerk.mengke", "demo");
        assertThat(clerk.get("/ledger/dashboard?year=" + year).body()).contains("孟轲乡")
                .contains("0户五保户、0户特困户、0户重灾户").contains("已发放捐款0.00元");
        assertThat(clerk.get("/ledger/dashboard?year=1900").statusCode()).isEqualTo(400);
        // asking for another township shows the clerk's own; the district approver may pick any township
        assertThat(clerk.get("/ledger/dashboard?year=" + year + "&area=yuecun").body()).contains("孟轲乡 " + year);
        assertThat(approver.get("/ledger/dashboard?year=" + year + "&area=yuecun").body()).contains("岳村乡 " + year)
                .contains("2户五保户、3户特困户、5户重灾户").contains("已发放捐款500.00元");
    }

    @Test
    void theDashboardSaysWhatIsCoveredNowAndWhyAYearWithoutMoneyShowsNone() throws Exception {
        Map<String, Object> approved = jdbc.sql("""
                select count(distinct c.id) as households, count(p.id_number) as people, min(c.start_month) as first_month
                from dibao_case c left join dibao_case_person p on p.case_id = c.id
                where c.status = 'APPROVED' and c.township_code = 'renqiu'""").query().singleRow();
        String firstMonth = (String) approved.get("first_month");
        int year = yearWithoutPayrolls();
        assertThat(firstMonth).as("the demo has approved 任丘办 cases").isNotNull().isGreaterThan(year + "-12");

        WebappSession clerk = new WebappSession(port);
        clerk.login("clerk.renqiu", "demo");
        String page = clerk.get("/ledger/dashboard?year=" + year).body();
        assertThat(page).contains("目前在保 " + approved.get("households") + " 户 " + approved.get("people") + " 人（已批准的低保案件）")
                .contains(year + "年尚无低保金发放记录：已批准的案件自批准的次月起发放，首次发放月份为"
                        + CoveredNow.monthText(firstMonth));

        List<String> cells = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(clerk.download("/ledger/year-end.xlsx?year=" + year).body()))) {
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.add(cell.toString())));
        }
        assertThat(cells).anySatisfy(c -> assertThat(c).startsWith("说明：" + year + "年尚无低保金发放记录"));
    }

    /** A year before the demo's with no payroll of any program (other tests pay in years of their own). */
    private int yearWithoutPayrolls() {
        for (int year = 2001; year > 1950; year--) {
            if (!hasPayrolls(year)) {
                return year;
            }
        }
        throw new IllegalStateException("every year from 1951 to 2001 has a payroll");
    }

    private boolean hasPayrolls(int year) {
        return jdbc.sql("select count(*) from payroll where payroll_month between ? and ?")
                .params(year + "-01", year + "-12").query(Long.class).single() > 0;
    }

    /**
     * The 殡葬 figures of a year no other record falls in: 岳村乡 3 confirmed deaths in March (2 cremated, one of them a
     * tree burial; one interred) and a refused record that does not count; 孟轲乡 1 cremated death in May. Fees waived
     * 1450.00 (verified) + 600.00 (settled) = 2050.00; a tree-burial reward of 1000.00 granted, not yet paid.
     */
    @Test
    void theFuneralFiguresAreOnTheDashboardAndInTheYearEndSummary() throws Exception {
        int year;
        do {
            year = 2030 + ThreadLocalRandom.current().nextInt(20);
        } while (jdbc.sql("select count(*) from death_record where death_date between ? and ?")
                .params(java.sql.Date.valueOf(year + "-01-01"), java.sql.Date.valueOf(year + "-12-31")).query(Long.class).single() > 0);
        long yuecun1 = death(year, "yuecun", 1, "03-02", "CONFIRMED", true, "TREE");
        long yuecun2 = death(year, "yuecun", 2, "03-15", "CONFIRMED", true, "CEMETERY");
        death(year, "yuecun", 3, "03-20", "CONFIRMED", false, "INTERMENT");
        death(year, "yuecun", 4, "03-21", "REFUSED", true, "SEA");
        death(year, "mengke", 5, "05-09", "CONFIRMED", true, "COLUMBARIUM");
        long home = jdbc.sql("select id from funeral_home where code = 'ZYBYG'").query(Long.class).single();
        jdbc.sql("""
                insert into funeral_settlement (funeral_home_id, settlement_month, claim_count, amount, bank_name,
                    bank_account, settled_at) values (?, ?, 1, 600.00, '测试银行', '1', ?)""")
                .params(home, year + "-04", Timestamp.valueOf(LocalDateTime.of(year, 5, 2, 9, 0))).update();
        long settlement = jdbc.sql("select id from funeral_settlement where funeral_home_id = ? and settlement_month = ?")
                .params(home, year + "-04").query(Long.class).single();
        claim(year, 1, yuecun1, home, "1450.00", "VERIFIED", null);
        claim(year, 2, yuecun2, home, "600.00", "SETTLED", settlement);
        jdbc.sql("""
                insert into eco_burial_reward (reward_number, death_record_id, rewarded_for, burial_kind, burial_date,
                    burial_place, payee_id_number, payee_name, household_id, township_code, amount, status, enrolment_id,
                    registered_at)
                select ?, id, id, 'TREE', death_date, '测试林', '410322198001010000', '家属', household_id, township_code,
                    1000.00, 'GRANTED', ?, registered_at from death_record where id = ?""")
                .params("ST-" + year, -year, yuecun1).update();

        String summary = "殡葬改革：全年登记死亡4人，火化3人，火化率75.0%；生态安葬1人；惠民殡葬减免基本殡葬服务费2050.00元"
                + "（已与殡仪馆结算600.00元），生态安葬奖补1000.00元（已发放0.00元）。";
        WebappSession approver = new WebappSession(port);
        approver.login("approver", "demo");
        String page = approver.get("/ledger/dashboard?year=" + year).body();
        assertThat(page).contains(summary)
                .contains("<td>岳村乡</td><td class=\"num\">3</td><td class=\"num\">2</td><td class=\"num\">66.7%</td>"
                        + "<td class=\"num\">1</td><td class=\"num\">2050.00</td><td class=\"num\">600.00</td>"
                        + "<td class=\"num\">1000.00</td><td class=\"num\">0.00</td>")
                .contains("<td>孟轲乡</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">100.0%</td>")
                .contains("<td>3月</td><td class=\"num\">3</td><td class=\"num\">2</td><td class=\"num\">66.7%</td>")
                .contains("<td>4月</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">—</td>");

        List<List<String>> rows = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(
                approver.download("/ledger/year-end.xlsx?year=" + year).body()))) {
            workbook.getSheetAt(0).forEach(row -> {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.toString()));
                rows.add(cells);
            });
        }
        assertThat(rows).contains(List.of("岳村乡", "3.0", "2.0", "66.7%", "1.0", "2050.0", "600.0", "1000.0", "0.0", "600.0"))
                .contains(List.of(rows.stream().filter(r -> r.size() == 10 && r.get(0).endsWith("合计")).findFirst()
                        .map(r -> r.get(0)).orElse("?合计"), "4.0", "3.0", "75.0%", "1.0", "2050.0", "600.0", "1000.0", "0.0", "600.0"))
                .anySatisfy(r -> assertThat(String.join("", r)).contains(summary));

        // a township's staff see their township's figures only; a year without deaths has no rate
        WebappSession clerk = new WebappSession(port);
        clerk.login("clerk.mengke", "demo");
        assertThat(clerk.get("/ledger/dashboard?year=" + year).body()).contains("殡葬改革：全年登记死亡1人，火化1人，火化率100.0%；生态安葬0人；"
                + "惠民殡葬减免基本殡葬服务费0.00元（已与殡仪馆结算0.00元），生态安葬奖补0.00元（已发放0.00元）。");
        assertThat(clerk.get("/ledger/dashboard?year=2001").body()).contains("殡葬改革：全年登记死亡0人，火化0人，火化率—；");
    }

    private long death(int year, String township, int n, String monthDay, String status, boolean cremated, String burial) {
        String idNumber = String.format("4103221950%04d%04d", year, n).substring(0, 18);
        String number = "SW-T-" + year + "-" + n;
        jdbc.sql("""
                insert into death_record (record_number, id_number, person_name, household_id, township_code, birth_date,
                    death_date, death_place, source, cremated, burial_kind, status, recorded_for, registered_at)
                values (?, ?, '测试死者', (select min(id) from household where township_code = ?), ?, ?, ?, '家中',
                    'COMMITTEE', ?, ?, ?, ?, ?)""")
                .params(number, idNumber, township, township, java.sql.Date.valueOf("1950-01-01"),
                        java.sql.Date.valueOf(year + "-" + monthDay), cremated, burial, status,
                        "REFUSED".equals(status) ? null : idNumber, Timestamp.valueOf(LocalDateTime.of(year, 6, 1, 9, 0)))
                .update();
        return jdbc.sql("select id from death_record where record_number = ?").param(number).query(Long.class).single();
    }

    private void claim(int year, int n, long death, long home, String amount, String status, Long settlement) {
        jdbc.sql("""
                insert into funeral_fee_claim (claim_number, death_record_id, claimed_for, funeral_home_id, township_code,
                    invoice_number, entitlement, transport_fee, storage_fee, cremation_fee, ash_storage_fee, waived_amount,
                    status, settlement_month, settlement_id, submitted_at)
                values (?, ?, ?, ?, 'yuecun', 'FP1', 'DIBAO', ?, 0, 0, 0, ?, ?, ?, ?, ?)""")
                .params("HM-T-" + year + "-" + n, death, death, home, new java.math.BigDecimal(amount),
                        new java.math.BigDecimal(amount), status, year + "-04", settlement,
                        Timestamp.valueOf(LocalDateTime.of(year, 4, 1, 9, 0))).update();
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
            affectedHousehold(disaster, i, categories[i], during);
        }
        Timestamp august = Timestamp.valueOf(LocalDateTime.of(year, 8, 3, 9, 0));
        jdbc.sql("""
                insert into relief_disaster (disaster_number, kind, name, occurred_at, status, created_by, created_at)
                values (?, 'WATERLOGGING', '测试内涝', ?, 'REGISTERED', 'test', ?)""").params("D-W" + tag, august, august).update();
        long waterlogging = jdbc.sql("select id from relief_disaster where disaster_number = ?").param("D-W" + tag)
                .query(Long.class).single();
        affectedHousehold(waterlogging, 0, "FIVE_GUARANTEE", august);
        affectedHousehold(waterlogging, 2, "SEVERELY_AFFECTED", august);
        affectedHousehold(waterlogging, 5, "ORDINARY", august);
        affectedHousehold(waterlogging, 100, "SEVERELY_AFFECTED", august);
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

    /** An affected household of 岳村乡; the same {@code n} is the same household (head's ID number) in any disaster. */
    private void affectedHousehold(long disaster, int n, String category, Timestamp at) {
        jdbc.sql("""
                insert into relief_household (disaster_id, township_code, village_code, head_name, id_number, address,
                    persons, category, house_damage, need_amount, priority_tier, registered_by, registered_at)
                values (?, 'yuecun', 'yuecun-yuecun', '测试户', ?, '岳村', 2, ?, 'NONE', 100, 'ORDINARY', 'test', ?)""")
                .params(disaster, String.format("41032219800101%04d", n), category, at).update();
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

package cn.minzheng.bureau.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdForm;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The breakdown, the year to date and the standards on a small known history of January to March of a year no other
 * test touches (Y), every cell of every line counted by hand. Ages at the month's last day from the IDs' birth dates.
 * <pre>
 * 低保 岳村乡 (rural, standard 520)
 *   A: a1 born (Y−60)-03-31 务农 (59 at the end of February, 60 on 31 March), a2 (Y−40) 丧失劳动能力 重度残疾,
 *      a3 born (Y−18)-04-01 在校 (17 on 31 March); paid Jan, Feb 900, Mar 900 less 50 deducted.
 *   B: b1 (Y−35) 失业 轻度残疾, b2 (Y−10) 在校; paid Jan 600, 已终止 on 20 Jan, 享受中 again on 25 Feb,
 *      paid Mar 600 (cancelled then reinstated: ended in January, added again in March).
 *   C: c1 born (Y−65) 退休; approved in mid-March, first paid for March 260 (a mid-month start).
 * 低保 任丘办 (urban, standard 700)
 *   D: d1 (Y−45) 灵活就业, d2 born (Y−19)-12-01 在校 (an adult student); paid Jan, Feb 800, Mar 800 returned by the bank.
 * 特困 任丘办 (910): T1, born (Y−62), no member record, paid Feb and Mar 1100.
 *      岳村乡 (680): T2 = f1 (Y−30) 丧失劳动能力 重度残疾, paid Jan, Feb 1000, 已终止 on 5 March.
 * 临时救助 任丘办: D's household granted 2000 (2 persons) by the January payroll; 岳村乡: B's 1500 (2) by March's.
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MonthlyBreakdownTest {

    @Autowired
    HouseholdValidator validator;
    @Autowired
    HouseholdRepository households;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    MonthlyFiguresService figures;
    @Autowired
    RegionRepository regions;
    @Autowired
    JdbcClient jdbc;

    int year;

    /**
     * One expected line: households, persons; elderly, adults (working, unemployed, unable, other), minors, disabled;
     * added households, persons; ended households, persons; paid, paid in the year, person-times, standard, average.
     */
    record Line(String sheet, String area, long[] counts, String paid, String paidInYear, long personTimes,
                String standard, String average) {
    }

    static Line line(String sheet, String area, long[] counts, String paid, String paidInYear, long personTimes,
                     String standard, String average) {
        return new Line(sheet, area, counts, paid, paidInYear, personTimes, standard, average);
    }

    static long[] n(long... counts) {
        return counts;
    }

    @Test
    void everyCellOfMarchAndFebruaryCountedByHand() throws Exception {
        year = freeYear();
        YearMonth jan = YearMonth.of(year, 1);
        YearMonth feb = YearMonth.of(year, 2);
        YearMonth mar = YearMonth.of(year, 3);

        Household a = household("yuecun", "yuecun-yuecun",
                member("HEAD", LocalDate.of(year - 60, 3, 31), "FARMING", "NONE"),
                member("SPOUSE", LocalDate.of(year - 40, 7, 1), "UNABLE_TO_WORK", "SEVERE"),
                member("CHILD", LocalDate.of(year - 18, 4, 1), "STUDENT", "NONE"));
        Household b = household("yuecun", "yuecun-yuecun",
                member("HEAD", LocalDate.of(year - 35, 1, 1), "UNEMPLOYED", "MILD"),
                member("CHILD", LocalDate.of(year - 10, 6, 15), "STUDENT", "NONE"));
        Household c = household("yuecun", "yuecun-yuecun",
                member("HEAD", LocalDate.of(year - 65, 2, 10), "RETIRED", "NONE"));
        Household d = household("renqiu", "renqiu-qinghuayuan",
                member("HEAD", LocalDate.of(year - 45, 8, 8), "FLEXIBLE", "NONE"),
                member("CHILD", LocalDate.of(year - 19, 12, 1), "STUDENT", "NONE"));
        Household f = household("yuecun", "yuecun-yuecun",
                member("HEAD", LocalDate.of(year - 30, 2, 2), "UNABLE_TO_WORK", "SEVERE"));
        long caseA = dibaoCase(a);
        long caseB = dibaoCase(b);
        long caseC = dibaoCase(c);
        long caseD = dibaoCase(d);

        long dibaoJan = payrolls.insert(Program.DIBAO, jan);
        long dibaoFeb = payrolls.insert(Program.DIBAO, feb);
        long dibaoMar = payrolls.insert(Program.DIBAO, mar);
        pay(dibaoJan, caseA, enrolmentOf(caseA), jan, a, 3, "900.00", "0", "ISSUED", false);
        pay(dibaoFeb, caseA, enrolmentOf(caseA), feb, a, 3, "900.00", "0", "ISSUED", false);
        pay(dibaoMar, caseA, enrolmentOf(caseA), mar, a, 3, "900.00", "50.00", "ISSUED", false);
        pay(dibaoJan, caseB, enrolmentOf(caseB), jan, b, 2, "600.00", "0", "ISSUED", false);
        status(enrolmentOf(caseB), "ENDED", LocalDateTime.of(year, 1, 20, 10, 0));
        status(enrolmentOf(caseB), "ACTIVE", LocalDateTime.of(year, 2, 25, 15, 0));
        pay(dibaoMar, caseB, enrolmentOf(caseB), mar, b, 2, "600.00", "0", "ISSUED", false);
        status(enrolmentOf(caseC), "ACTIVE", LocalDateTime.of(year, 3, 16, 9, 30));
        pay(dibaoMar, caseC, enrolmentOf(caseC), mar, c, 1, "260.00", "0", "ISSUED", false);
        pay(dibaoJan, caseD, enrolmentOf(caseD), jan, d, 2, "800.00", "0", "ISSUED", false);
        pay(dibaoFeb, caseD, enrolmentOf(caseD), feb, d, 2, "800.00", "0", "ISSUED", false);
        pay(dibaoMar, caseD, enrolmentOf(caseD), mar, d, 2, "800.00", "0", "FAILED", false);

        long tekunJan = payrolls.insert(Program.TEKUN, jan);
        long tekunFeb = payrolls.insert(Program.TEKUN, feb);
        long tekunMar = payrolls.insert(Program.TEKUN, mar);
        long t1 = enrolment(Program.TEKUN, d, idNumber(LocalDate.of(year - 62, 5, 5)));
        long t2 = enrolment(Program.TEKUN, f, f.members().get(0).idNumber().value());
        pay(tekunFeb, null, t1, feb, d, 1, "1100.00", "0", "ISSUED", false);
        pay(tekunMar, null, t1, mar, d, 1, "1100.00", "0", "ISSUED", false);
        pay(tekunJan, null, t2, jan, f, 1, "1000.00", "0", "ISSUED", false);
        pay(tekunFeb, null, t2, feb, f, 1, "1000.00", "0", "ISSUED", false);
        status(t2, "ENDED", LocalDateTime.of(year, 3, 5, 11, 0));

        long linshiJan = payrolls.insert(Program.LINSHI, jan);
        long linshiMar = payrolls.insert(Program.LINSHI, mar);
        long grantD = enrolment(Program.LINSHI, d, null);
        long grantB = enrolment(Program.LINSHI, b, null);
        pay(linshiJan, null, grantD, jan, d, 2, "2000.00", "0", "ISSUED", true);
        pay(linshiMar, null, grantB, mar, b, 2, "1500.00", "0", "ISSUED", true);

        MonthlyFigures march = figures.of(mar);
        //                                    hh pp  eld adu wrk une una oth min dis  +h +p  -h -p
        check(march, List.of(
                line("DIBAO", "yuecun", n(3, 6, 2, 2, 0, 1, 1, 0, 2, 2, 2, 3, 0, 0), "1710.00", "4110.00", 14, "520.00", "285.00"),
                line("DIBAO", "renqiu", n(1, 2, 0, 2, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0), "0.00", "1600.00", 6, "700.00", "0.00"),
                line("DIBAO", "URBAN", n(1, 2, 0, 2, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0), "0.00", "1600.00", 6, "700.00", "0.00"),
                line("DIBAO", "RURAL", n(3, 6, 2, 2, 0, 1, 1, 0, 2, 2, 2, 3, 0, 0), "1710.00", "4110.00", 14, "520.00", "285.00"),
                // standard (6 × 520 + 2 × 700) ÷ 8
                line("DIBAO", "DISTRICT", n(4, 8, 2, 4, 1, 1, 1, 1, 2, 2, 2, 3, 0, 0), "1710.00", "5710.00", 20, "565.00", "213.75"),
                line("TEKUN", "renqiu", n(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), "1100.00", "2200.00", 2, "910.00", "1100.00"),
                line("TEKUN", "yuecun", n(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1), "0.00", "2000.00", 2, "680.00", "0.00"),
                line("TEKUN", "URBAN", n(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), "1100.00", "2200.00", 2, "910.00", "1100.00"),
                line("TEKUN", "RURAL", n(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1), "0.00", "2000.00", 2, "680.00", "0.00"),
                line("TEKUN", "DISTRICT", n(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1), "1100.00", "4200.00", 4, "910.00", "1100.00"),
                line("LINSHI", "yuecun", n(1, 2, 0, 1, 0, 1, 0, 0, 1, 1, 1, 2, 0, 0), "1500.00", "1500.00", 2, null, "750.00"),
                line("LINSHI", "renqiu", n(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), "0.00", "2000.00", 2, null, "0.00"),
                line("LINSHI", "URBAN", n(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), "0.00", "2000.00", 2, null, "0.00"),
                line("LINSHI", "RURAL", n(1, 2, 0, 1, 0, 1, 0, 0, 1, 1, 1, 2, 0, 0), "1500.00", "1500.00", 2, null, "750.00"),
                line("LINSHI", "DISTRICT", n(1, 2, 0, 1, 0, 1, 0, 0, 1, 1, 1, 2, 0, 0), "1500.00", "3500.00", 4, null, "750.00")));
        assertThat(ReturnChecks.of(march, null, 10)).as("consistent").isEmpty();

        // February: a1 is 59 (an adult in work), d2 18 (an adult student); B not paid; T1 new
        MonthlyFigures february = figures.of(feb);
        check(february, List.of(
                line("DIBAO", "yuecun", n(1, 3, 0, 2, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0), "900.00", "2400.00", 8, "520.00", "300.00"),
                line("DIBAO", "renqiu", n(1, 2, 0, 2, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0), "800.00", "1600.00", 4, "700.00", "400.00"),
                line("DIBAO", "URBAN", n(1, 2, 0, 2, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0), "800.00", "1600.00", 4, "700.00", "400.00"),
                line("DIBAO", "RURAL", n(1, 3, 0, 2, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0), "900.00", "2400.00", 8, "520.00", "300.00"),
                // (3 × 520 + 2 × 700) ÷ 5
                line("DIBAO", "DISTRICT", n(2, 5, 0, 4, 2, 0, 1, 1, 1, 1, 0, 0, 0, 0), "1700.00", "4000.00", 12, "592.00", "340.00"),
                line("TEKUN", "renqiu", n(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0), "1100.00", "1100.00", 1, "910.00", "1100.00"),
                line("TEKUN", "yuecun", n(1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0), "1000.00", "2000.00", 2, "680.00", "1000.00"),
                line("TEKUN", "URBAN", n(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0), "1100.00", "1100.00", 1, "910.00", "1100.00"),
                line("TEKUN", "RURAL", n(1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0), "1000.00", "2000.00", 2, "680.00", "1000.00"),
                line("TEKUN", "DISTRICT", n(2, 2, 1, 1, 0, 0, 1, 0, 0, 1, 1, 1, 0, 0), "2100.00", "3100.00", 3, "795.00", "1050.00"),
                line("LINSHI", "renqiu", n(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), "0.00", "2000.00", 2, null, "0.00"),
                line("LINSHI", "URBAN", n(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), "0.00", "2000.00", 2, null, "0.00"),
                line("LINSHI", "RURAL", n(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), "0.00", "0.00", 0, null, "0.00"),
                line("LINSHI", "DISTRICT", n(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), "0.00", "2000.00", 2, null, "0.00")));

        // January: A, B, D new; B ended on the 20th
        MonthlyFigures.Row january = figures.of(jan).sheet(Program.DIBAO).total();
        assertThat(new long[] {january.households(), january.persons(), january.addedHouseholds(),
                january.addedPersons(), january.endedHouseholds(), january.endedPersons()})
                .containsExactly(3, 7, 3, 7, 1, 2);
        assertThat(january.paid()).isEqualByComparingTo("2300.00");

        // the .xlsx of March, 岳村乡's 低保 line cell by cell
        byte[] xlsx = ReturnWorkbook.render(march, new ReturnWorkbook.Signatures(null, 1, null, null, "田雅琴", null));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("最低生活保障");
            Row header = sheet.getRow(4);
            List<String> headers = new ArrayList<>();
            header.forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactly("乡镇（街道）", "城乡类别", "月末户数（户）", "月末人数（人）",
                    "其中：老年人（人）", "成年人（人）", "成年人中：在业（人）", "成年人中：失业（人）",
                    "成年人中：丧失劳动能力（人）", "成年人中：其他（人）", "未成年人（人）", "其中：残疾人（人）",
                    "本月新增户数（户）", "本月新增人数（人）", "本月减少户数（户）", "本月减少人数（人）", "本月支出金额（元）",
                    "本年累计支出金额（元）", "本年累计保障人次（人次）", "平均保障标准（元/人·月）", "月人均支出（元）");
            Row yuecun = null;
            for (Row row : sheet) {
                if (row.getCell(0) != null && "岳村乡".equals(row.getCell(0).getStringCellValue())) {
                    yuecun = row;
                }
            }
            double[] expected = {3, 6, 2, 2, 0, 1, 1, 0, 2, 2, 2, 3, 0, 0, 1710.00, 4110.00, 14, 520.00, 285.00};
            for (int i = 0; i < expected.length; i++) {
                assertThat(yuecun.getCell(2 + i).getNumericCellValue()).as(headers.get(2 + i)).isEqualTo(expected[i]);
            }
            List<String> grants = new ArrayList<>();
            workbook.getSheet("临时救助").getRow(4).forEach(cell -> grants.add(cell.getStringCellValue()));
            assertThat(grants).as("临时救助 has no standard").doesNotContain("平均保障标准（元/人·月）")
                    .contains("本年累计救助人次（人次）").endsWith("人均救助金额（元）");
        }
    }

    /** Every line of the sheets named: those listed as expected, every other township empty with its standard. */
    private void check(MonthlyFigures month, List<Line> expected) {
        Map<String, BigDecimal> standards = Map.of("DIBAO/URBAN", new BigDecimal("700.00"),
                "DIBAO/RURAL", new BigDecimal("520.00"), "TEKUN/URBAN", new BigDecimal("910.00"),
                "TEKUN/RURAL", new BigDecimal("680.00"));
        for (String code : expected.stream().map(Line::sheet).distinct().toList()) {
            MonthlyFigures.Sheet sheet = month.sheet(code);
            List<MonthlyFigures.Row> rows = new ArrayList<>(sheet.rows());
            rows.add(sheet.urban());
            rows.add(sheet.rural());
            rows.add(sheet.total());
            for (MonthlyFigures.Row row : rows) {
                Line line = expected.stream().filter(l -> l.sheet().equals(code) && l.area().equals(row.areaCode()))
                        .findFirst().orElse(null);
                if (line == null) {
                    Region township = regions.find(row.areaCode()).orElseThrow();
                    AreaType area = township.kind().areaType();
                    BigDecimal standard = standards.get(code + "/" + area.name());
                    line = line(code, row.areaCode(), new long[14], "0.00", "0.00", 0,
                            standard == null ? null : standard.toPlainString(), "0.00");
                }
                assertLine(month.month() + " " + code + " " + row.areaName(), row, line);
            }
        }
    }

    private static void assertLine(String what, MonthlyFigures.Row row, Line line) {
        MonthlyFigures.Breakdown b = row.breakdown();
        assertThat(new long[] {row.households(), row.persons(), b.elderly(), b.adults(), b.adultsWorking(),
                b.adultsUnemployed(), b.adultsUnableToWork(), b.adultsOther(), b.minors(), b.disabled(),
                row.addedHouseholds(), row.addedPersons(), row.endedHouseholds(), row.endedPersons()}).as(what)
                .containsExactly(line.counts());
        assertThat(row.paid()).as(what + " paid").isEqualTo(new BigDecimal(line.paid()));
        assertThat(row.yearToDate().paid()).as(what + " paid in the year").isEqualTo(new BigDecimal(line.paidInYear()));
        assertThat(row.yearToDate().personTimes()).as(what + " person-times").isEqualTo(line.personTimes());
        assertThat(row.averageStandard()).as(what + " standard")
                .isEqualTo(line.standard() == null ? null : new BigDecimal(line.standard()));
        assertThat(row.averagePerPerson()).as(what + " average").isEqualTo(new BigDecimal(line.average()));
    }

    /** A year between 1966 and 2019 without any payroll or payment yet. */
    private int freeYear() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(1966, 2020);
            long used = jdbc.sql("select (select count(*) from payroll where payroll_month like ?) "
                    + "+ (select count(*) from payment where benefit_month like ?)")
                    .params(candidate + "-%", candidate + "-%").query(Long.class).single();
            if (used == 0) {
                return candidate;
            }
        }
        throw new AssertionError("no free year");
    }

    private static String idNumber(LocalDate birth) {
        String county = "41" + String.format("%04d", ThreadLocalRandom.current().nextInt(100, 10000));
        String first17 = county + birth.toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private static MemberForm member(String relation, LocalDate birth, String employment, String disability) {
        return new MemberForm("测试成员" + "甲乙丙丁戊".charAt(ThreadLocalRandom.current().nextInt(5)), idNumber(birth), relation, employment, disability, List.of());
    }

    private Household household(String township, String community, MemberForm... members) {
        Household household = validator.validate(new HouseholdForm(township, community, "测试地址2号", "中国农业银行",
                "6228480000000000002", null, "0", "0", "0", "0", "0", List.of(members)));
        long id = households.insert(household);
        return households.find(id).orElseThrow();
    }

    private long dibaoCase(Household household) {
        return cases.insert(household.id(), household, CaseCategory.ORDINARY, false, null, null, "clerk.yuecun", null).id();
    }

    private long enrolmentOf(long caseId) {
        return jdbc.sql("select id from enrolment where program_code = 'DIBAO' and program_case_id = ?").param(caseId)
                .query(Long.class).single();
    }

    private void pay(long payrollId, Long caseId, long enrolmentId, YearMonth month, Household household, int people,
                     String amount, String deducted, String status, boolean oneOff) {
        jdbc.sql("""
                insert into payment (payroll_id, case_id, benefit_month, household_id, township_code, payee_name,
                    payee_id_number, bank_name, bank_account, people_count, amount, deducted_amount, status, issued_at,
                    created_at, enrolment_id, one_off_enrolment_id)
                values (?, ?, ?, ?, ?, '测试户主', ?, '中国农业银行', '6228480000000000002', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(payrollId, caseId, month.toString(), household.id(), household.townshipCode(),
                        household.head().idNumber().value(), people, new BigDecimal(amount), new BigDecimal(deducted),
                        status, Timestamp.valueOf(LocalDateTime.now()), Timestamp.valueOf(LocalDateTime.now()),
                        enrolmentId, oneOff ? enrolmentId : null)
                .update();
    }

    private long enrolment(String program, Household household, String personIdNumber) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into enrolment (program_code, household_id, person_id_number, township_code, status, amount,
                    program_case_id, created_at, updated_at) values (?, ?, ?, ?, 'ACTIVE', 0, ?, ?, ?)""")
                .params(program, household.id(), personIdNumber, household.townshipCode(),
                        ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE),
                        Timestamp.valueOf(LocalDateTime.now()), Timestamp.valueOf(LocalDateTime.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private void status(long enrolmentId, String status, LocalDateTime at) {
        jdbc.sql("insert into enrolment_status_history (enrolment_id, status, changed_at, changed_by, reason) "
                + "values (?, ?, ?, 'approver', '测试')").params(enrolmentId, status, Timestamp.valueOf(at)).update();
    }
}

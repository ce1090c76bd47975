package cn.minzheng.bureau.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.TestApplications;

/**
 * A month's figures on a small known history, in a year no other test touches, every figure counted by hand:
 * <pre>
 * 低保 岳村乡 A (3 persons) paid Feb 960 and Mar 960 less 60 deducted; B (2) first paid in Mar 740;
 *          C (4) paid Feb 1200, ended on 10 Mar;
 *      任丘办 U (2) paid Feb 500, Mar 500 returned by the bank (at month end, not paid).
 * 特困 任丘办 T1 first paid Mar 1100; 岳村乡 T2 paid Feb 1000, ended on 20 Mar.
 * 临时救助 岳村乡 B granted 2080 (2 persons) by the Mar payroll.
 * </pre>
 * And the .xlsx read back by POI, cell by cell.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MonthlyFiguresTest {

    @Autowired
    DibaoWalker walker;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    MonthlyFiguresService figures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aMonthByProgramTownshipUrbanRuralAndDistrictWithItsChecksAndWorkbook() throws Exception {
        int year = FreshPeriods.year();
        YearMonth feb = YearMonth.of(year, 2);
        YearMonth mar = YearMonth.of(year, 3);
        DibaoCase a = walker.approved("clerk.yuecun", "reviewer.yuecun", "approver", TestApplications.yuecunHousehold(3, "600"));
        DibaoCase b = walker.approved("clerk.yuecun", "reviewer.yuecun", "approver", TestApplications.yuecunHousehold(2, "300"));
        DibaoCase c = walker.approved("clerk.yuecun", "reviewer.yuecun", "approver", TestApplications.yuecunHousehold(4, "300"));
        DibaoCase u = walker.approved("clerk.renqiu", "reviewer.renqiu", "approver",
                TestApplications.household("renqiu", "renqiu-qinghuayuan", "ORDINARY", 2, "300"));
        long dibaoFeb = payrolls.insert(Program.DIBAO, feb);
        long dibaoMar = payrolls.insert(Program.DIBAO, mar);
        dibao(dibaoFeb, a, feb, 3, "960.00", "0", "ISSUED");
        dibao(dibaoMar, a, mar, 3, "960.00", "60.00", "ISSUED");
        dibao(dibaoMar, b, mar, 2, "740.00", "0", "ISSUED");
        dibao(dibaoFeb, c, feb, 4, "1200.00", "0", "ISSUED");
        ended(dibaoEnrolment(c), LocalDateTime.of(year, 3, 10, 9, 0));
        dibao(dibaoFeb, u, feb, 2, "500.00", "0", "ISSUED");
        dibao(dibaoMar, u, mar, 2, "500.00", "0", "FAILED");

        long tekunFeb = payrolls.insert(Program.TEKUN, feb);
        long tekunMar = payrolls.insert(Program.TEKUN, mar);
        long t1 = enrolment(Program.TEKUN, u.householdId(), "renqiu", TestApplications.idNumber(false), "1100.00");
        long t2 = enrolment(Program.TEKUN, a.householdId(), "yuecun", TestApplications.idNumber(true), "1000.00");
        pay(tekunMar, null, t1, mar, u.householdId(), "renqiu", 1, "1100.00", "0", "ISSUED", false);
        pay(tekunFeb, null, t2, feb, a.householdId(), "yuecun", 1, "1000.00", "0", "ISSUED", false);
        ended(t2, LocalDateTime.of(year, 3, 20, 16, 30));

        long linshiMar = payrolls.insert(Program.LINSHI, mar);
        long grant = enrolment(Program.LINSHI, b.householdId(), "yuecun", null, "2080.00");
        pay(linshiMar, null, grant, mar, b.householdId(), "yuecun", 2, "2080.00", "0", "ISSUED", true);
        long otherMonthsCases = jdbc.sql("select count(*) from dibao_case_person where case_id = ?").param(c.id())
                .query(Long.class).single();
        assertThat(otherMonthsCases).as("C's members").isEqualTo(4);

        MonthlyFigures march = figures.of(mar);
        assertThat(march.month()).isEqualTo(year + "-03");
        assertThat(march.sheets()).extracting(MonthlyFigures.Sheet::programCode)
                .containsExactly(Program.DIBAO, Program.TEKUN, Program.LINSHI);

        MonthlyFigures.Sheet dibao = march.sheet(Program.DIBAO);
        assertThat(dibao.rows()).hasSize(4);
        assertRow(row(dibao, "yuecun"), "岳村乡", "农村", 2, 5, 1, 2, 1, 4, "1640.00", "328.00");
        assertRow(row(dibao, "mengke"), "孟轲乡", "农村", 0, 0, 0, 0, 0, 0, "0.00", "0.00");
        assertRow(row(dibao, "renqiu"), "任丘办事处", "城市", 1, 2, 0, 0, 0, 0, "0.00", "0.00");
        assertRow(dibao.urban(), "城市小计", "城市", 1, 2, 0, 0, 0, 0, "0.00", "0.00");
        assertRow(dibao.rural(), "农村小计", "农村", 2, 5, 1, 2, 1, 4, "1640.00", "328.00");
        assertRow(dibao.total(), "全区合计", "", 3, 7, 1, 2, 1, 4, "1640.00", "234.29");

        MonthlyFigures.Sheet tekun = march.sheet(Program.TEKUN);
        assertRow(row(tekun, "renqiu"), "任丘办事处", "城市", 1, 1, 1, 1, 0, 0, "1100.00", "1100.00");
        assertRow(row(tekun, "yuecun"), "岳村乡", "农村", 0, 0, 0, 0, 1, 1, "0.00", "0.00");
        assertRow(tekun.total(), "全区合计", "", 1, 1, 1, 1, 1, 1, "1100.00", "1100.00");

        MonthlyFigures.Sheet linshi = march.sheet(Program.LINSHI);
        assertThat(linshi.oneOff()).isTrue();
        assertRow(row(linshi, "yuecun"), "岳村乡", "农村", 1, 2, 1, 2, 0, 0, "2080.00", "1040.00");
        assertRow(linshi.total(), "全区合计", "", 1, 2, 1, 2, 0, 0, "2080.00", "1040.00");

        // the checks against February: 低保 persons 9 → 7 (−22.2 %), paid 2660 → 1640 (−38.3 %); 特困 paid
        // 1000 → 1100 is exactly +10 %, not over the threshold; 临时救助 had nothing in February
        MonthlyFigures february = figures.of(feb);
        assertRow(february.sheet(Program.DIBAO).total(), "全区合计", "", 3, 9, 3, 9, 0, 0, "2660.00", "295.56");
        List<ReturnChecks.Finding> findings = ReturnChecks.of(march, february, 10);
        assertThat(findings).noneMatch(ReturnChecks.Finding::error);
        assertThat(findings).extracting(ReturnChecks.Finding::text).containsExactly(
                "最低生活保障：人数比上月减少22.2%（上月9，本月7），超过10%",
                "最低生活保障：支出金额比上月减少38.3%（上月2660，本月1640），超过10%",
                "临时救助：户数上月为0，本月为1",
                "临时救助：人数上月为0，本月为2",
                "临时救助：支出金额上月为0，本月为2080");

        byte[] xlsx = ReturnWorkbook.render(march, new ReturnWorkbook.Signatures("MZYB" + year + "03-1", 2,
                "孙建华（区民政局低保科负责人）", "田雅琴（区民政局统计员）", "田雅琴（区民政局统计员）",
                java.time.LocalDate.of(year, 4, 5)));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            Sheet sheet = workbook.getSheet("最低生活保障");
            assertThat(text(sheet, 0, 0)).isEqualTo("城乡最低生活保障情况（月报）");
            assertThat(text(sheet, 1, 0)).isEqualTo("表号");
            assertThat(text(sheet, 1, 1)).isEqualTo("民统月1表");
            assertThat(text(sheet, 1, 20)).isEqualTo("MZYB" + year + "03-1");
            assertThat(text(sheet, 2, 0)).isEqualTo("填报单位");
            assertThat(text(sheet, 2, 1)).endsWith("民政局");
            assertThat(text(sheet, 2, 17)).isEqualTo("统计月份");
            assertThat(text(sheet, 2, 18)).isEqualTo(year + "年3月");
            assertThat(sheet.getRow(2).getCell(20).getNumericCellValue()).isEqualTo(2);
            assertThat(text(sheet, 4, 2)).isEqualTo("月末户数（户）");
            assertThat(text(sheet, 4, 20)).isEqualTo("月人均支出（元）");
            Row yuecun = findRow(sheet, "岳村乡");
            assertThat(yuecun.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            // 月末 2 5; breakdown (heads 测试户主 are adults 在业 or elderly, members 在校学生) not counted here
            // (MonthlyBreakdownTest does); 新增 1 2, 减少 1 4, paid 1640, in the year 1640 + Feb 2160 = 3800,
            // person-times Feb 3 + 4, Mar 3 + 2 = 12, standard 520, average 328
            int[] columns = {2, 3, 12, 13, 14, 15, 16, 17, 18, 19, 20};
            double[] expected = {2, 5, 1, 2, 1, 4, 1640.00, 3800.00, 12, 520.00, 328.00};
            for (int i = 0; i < expected.length; i++) {
                assertThat(yuecun.getCell(columns[i]).getNumericCellValue()).as("岳村乡 column " + columns[i])
                        .isEqualTo(expected[i]);
            }
            assertThat(yuecun.getCell(16).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            Row total = findRow(sheet, "全区合计");
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(7);
            assertThat(total.getCell(20).getNumericCellValue()).isEqualTo(234.29);
            assertThat(findRow(sheet, "城市小计").getCell(3).getNumericCellValue()).isEqualTo(2);
            Row signatures = sheet.getRow(total.getRowNum() + 2);
            assertThat(signatures.getCell(0).getStringCellValue()).isEqualTo("单位负责人");
            assertThat(signatures.getCell(1).getStringCellValue()).isEqualTo("孙建华（区民政局低保科负责人）");
            assertThat(signatures.getCell(2).getStringCellValue()).isEqualTo("统计负责人");
            assertThat(signatures.getCell(4).getStringCellValue()).isEqualTo("填表人");
            Row date = sheet.getRow(total.getRowNum() + 3);
            assertThat(date.getCell(0).getStringCellValue()).isEqualTo("报出日期");
            assertThat(date.getCell(1).getStringCellValue()).isEqualTo(year + "年4月5日");

            Sheet grants = workbook.getSheet("临时救助");
            assertThat(text(grants, 1, 1)).isEqualTo("民统月3表");
            assertThat(text(grants, 4, 2)).isEqualTo("本月救助户数（户）");
            Row grantTotal = findRow(grants, "全区合计");
            assertThat(grantTotal.getCell(2).getNumericCellValue()).isEqualTo(1);
            assertThat(grantTotal.getCell(3).getNumericCellValue()).isEqualTo(2);
            assertThat(grantTotal.getCell(12).getNumericCellValue()).isEqualTo(2080.00);
            assertThat(grantTotal.getCell(15).getNumericCellValue()).isEqualTo(1040.00);
        }
    }

    private static void assertRow(MonthlyFigures.Row row, String name, String type, long households, long persons,
                                  long addedHouseholds, long addedPersons, long endedHouseholds, long endedPersons,
                                  String paid, String average) {
        assertThat(row.areaName()).isEqualTo(name);
        assertThat(row.areaType()).isEqualTo(type);
        assertThat(new long[] {row.households(), row.persons(), row.addedHouseholds(), row.addedPersons(),
                row.endedHouseholds(), row.endedPersons()}).as(name)
                .containsExactly(households, persons, addedHouseholds, addedPersons, endedHouseholds, endedPersons);
        assertThat(row.paid()).as(name + " paid").isEqualTo(new BigDecimal(paid));
        assertThat(row.averagePerPerson()).as(name + " average").isEqualTo(new BigDecimal(average));
    }

    private static MonthlyFigures.Row row(MonthlyFigures.Sheet sheet, String code) {
        return sheet.rows().stream().filter(r -> r.areaCode().equals(code)).findFirst().orElseThrow();
    }

    private static String text(Sheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column).getStringCellValue();
    }

    private static Row findRow(Sheet sheet, String first) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && first.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + first);
    }

    private long dibaoEnrolment(DibaoCase c) {
        return jdbc.sql("select id from enrolment where program_code = 'DIBAO' and program_case_id = ?").param(c.id())
                .query(Long.class).single();
    }

    private void dibao(long payrollId, DibaoCase c, YearMonth month, int people, String amount, String deducted,
                       String status) {
        pay(payrollId, c.id(), dibaoEnrolment(c), month, c.householdId(), c.townshipCode(), people, amount, deducted,
                status, false);
    }

    private void pay(long payrollId, Long caseId, long enrolmentId, YearMonth month, long householdId, String township,
                     int people, String amount, String deducted, String status, boolean oneOff) {
        jdbc.sql("""
                insert into payment (payroll_id, case_id, benefit_month, household_id, township_code, payee_name,
                    payee_id_number, bank_name, bank_account, people_count, amount, deducted_amount, status, issued_at,
                    created_at, enrolment_id, one_off_enrolment_id)
                values (?, ?, ?, ?, ?, '测试户主', '410322196001010011', '中国农业银行', '6228480000000000001', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(payrollId, caseId, month.toString(), householdId, township, people, new BigDecimal(amount),
                        new BigDecimal(deducted), status, Timestamp.valueOf(LocalDateTime.now()),
                        Timestamp.valueOf(LocalDateTime.now()), enrolmentId, oneOff ? enrolmentId : null)
                .update();
    }

    private long enrolment(String program, long householdId, String township, String personIdNumber, String amount) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into enrolment (program_code, household_id, person_id_number, township_code, status, amount,
                    program_case_id, created_at, updated_at) values (?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?)""")
                .params(program, householdId, personIdNumber, township, new BigDecimal(amount),
                        ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE),
                        Timestamp.valueOf(LocalDateTime.now()), Timestamp.valueOf(LocalDateTime.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private void ended(long enrolmentId, LocalDateTime at) {
        jdbc.sql("insert into enrolment_status_history (enrolment_id, status, changed_at, changed_by, reason) "
                + "values (?, 'ENDED', ?, 'approver', '测试：终止')").params(enrolmentId, Timestamp.valueOf(at)).update();
    }
}

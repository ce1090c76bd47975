package cn.minzheng.bureau.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.support.TestApplications;

/** The rosters written as .xlsx and read back: rows, registers and totals per category add up. */
class RosterWorkbookTest {

    private static final Disaster DISASTER = new Disaster(1, "ZH2026-0001", DisasterKind.WATERLOGGING, "七月内涝",
            LocalDateTime.of(2026, 7, 10, 6, 0), null, new BigDecimal("30000"), 120, 30, 2400, DisasterStatus.VERIFIED,
            null, null, null, null);

    /** The brief's 134 五保户, 296 特困户 and 402 重灾户; every 10th household lost its house
     * (2 rooms), the others' were generally damaged (a room each): 84 × 2 + 748 = 916 rooms; every 50th lost a person. */
    @ParameterizedTest(name = "{0}: {1} households, {2} persons")
    @CsvSource(delimiter = '|', textBlock = """
            # sheet                        | rows | summed column | total
            受灾户登记册                     | 832  | 家庭人口        | 2496
            受灾户登记册                     | 832  | 核定救助需求（元） | 260560
            受灾户登记册                     | 832  | 受损间数        | 916
            因灾倒房户                      | 84   | 倒塌间数        | 168
            因灾死亡人口                    | 17   | 因灾死亡（人）    | 17
            冬春因灾生活困难政府救济人口       | 430  | 需政府救济（人）  | 860
            """)
    void registersListTheirHouseholdsAndAddUp(String sheetName, int rows, String column, long total) {
        Sheet sheet = book.getSheet(sheetName);
        assertThat(sheet.getLastRowNum()).isEqualTo(rows + 2); // title, header, rows, total
        Row header = sheet.getRow(1);
        int c = 0;
        while (!header.getCell(c).getStringCellValue().equals(column)) {
            c++;
        }
        double sum = 0;
        for (int r = 2; r < rows + 2; r++) {
            sum += sheet.getRow(r).getCell(c).getNumericCellValue();
        }
        Row totals = sheet.getRow(rows + 2);
        assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("合计");
        assertThat(totals.getCell(1).getStringCellValue()).isEqualTo(rows + "户");
        assertThat((long) totals.getCell(c).getNumericCellValue()).isEqualTo(total);
        assertThat((long) sum).isEqualTo(total);
    }

    @ParameterizedTest(name = "{0}: {1} households")
    @CsvSource(delimiter = '|', textBlock = """
            # category | households | persons | need
            五保户       | 134        | 402     | 40200
            特困户       | 296        | 888     | 74000
            重灾户       | 402        | 1206    | 146360
            一般受灾户   | 0          | 0       | 0
            合计        | 832        | 2496    | 260560
            """)
    void totalsPerCategory(String category, int households, int persons, long need) {
        Sheet sheet = book.getSheet(RosterWorkbook.SHEET_TOTALS);
        Row row = null;
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            if (sheet.getRow(r).getCell(0).getStringCellValue().equals(category)) {
                row = sheet.getRow(r);
            }
        }
        assertThat(row).as(category).isNotNull();
        assertThat((int) row.getCell(1).getNumericCellValue()).isEqualTo(households);
        assertThat((int) row.getCell(2).getNumericCellValue()).isEqualTo(persons);
        assertThat((long) row.getCell(7).getNumericCellValue()).isEqualTo(need);
    }

    /** Written and read back once for all cases: an 832-household workbook takes seconds on a small machine. */
    private static Workbook book;

    @BeforeAll
    static void writeAndReadBack() throws IOException {
        book = new XSSFWorkbook(new ByteArrayInputStream(write()));
        assertThat(book.getSheet(RosterWorkbook.SHEET_ROSTER).getRow(2).getCell(1).getStringCellValue()).isEqualTo("岳村乡");
    }

    @AfterAll
    static void close() throws IOException {
        book.close();
    }

    private static byte[] write() {
        List<AffectedHousehold> households = new ArrayList<>();
        add(households, 134, HouseholdCategory.FIVE_GUARANTEE, 300);
        add(households, 296, HouseholdCategory.EXTREMELY_POOR, 250);
        add(households, 402, HouseholdCategory.SEVERELY_AFFECTED, 400);
        Map<String, String> names = Map.of("yuecun", "岳村乡", "yuecun-dongyue", "东岳村");
        return new RosterWorkbook(DISASTER, "全区", names, households).toXlsx();
    }

    private static void add(List<AffectedHousehold> households, int count, HouseholdCategory category, long need) {
        for (int i = 0; i < count; i++) {
            int n = households.size();
            boolean collapsed = n % 10 == 0;
            int deaths = n % 50 == 0 ? 1 : 0;
            int winter = category == HouseholdCategory.SEVERELY_AFFECTED ? 0 : 2;
            // 重灾户 whose house still stands need 40 yuan less
            long needed = need - (category == HouseholdCategory.SEVERELY_AFFECTED && !collapsed ? 40 : 0);
            households.add(new AffectedHousehold((long) n, "yuecun", "yuecun-dongyue", "户主" + n,
                    new ResidentIdNumber(TestApplications.idNumber(true)), "东岳村" + n + "号", 3, category, null, false,
                    new BigDecimal("2.50"), collapsed ? HouseDamage.COLLAPSED : HouseDamage.GENERAL, collapsed ? 2 : 1,
                    deaths, deaths > 0 ? "死者" + n : null, winter, true, false, true, collapsed,
                    BigDecimal.valueOf(needed).setScale(2), null, false, false));
        }
    }
}

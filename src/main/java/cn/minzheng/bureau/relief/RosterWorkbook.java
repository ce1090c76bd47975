package cn.minzheng.bureau.relief;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.minzheng.bureau.common.Money;

/**
 * The registration rosters (登记造册) of a disaster as an .xlsx workbook, for one township or the
 * whole district: every affected household, the three registers the city asks for (因灾倒房户,
 * 因灾死亡人口, 冬春因灾生活困难政府救济人口), and the totals per category. Every sheet ends in a
 * 合计 row.
 */
public final class RosterWorkbook {

    public static final String SHEET_ROSTER = "受灾户登记册";
    public static final String SHEET_COLLAPSED = "因灾倒房户";
    public static final String SHEET_DEATHS = "因灾死亡人口";
    public static final String SHEET_WINTER = "冬春因灾生活困难政府救济人口";
    public static final String SHEET_TOTALS = "分类合计";

    private record Column(String title, Function<AffectedHousehold, Object> value, boolean summed) {
    }

    private final Disaster disaster;
    private final String areaName;
    private final Map<String, String> regionNames;
    private final List<AffectedHousehold> households;
    private SXSSFWorkbook workbook;
    private CellStyle bold;

    /** {@code regionNames}: township and village codes → names. */
    public RosterWorkbook(Disaster disaster, String areaName, Map<String, String> regionNames, List<AffectedHousehold> households) {
        this.disaster = disaster;
        this.areaName = areaName;
        this.regionNames = regionNames;
        this.households = households;
    }

    public byte[] toXlsx() {
        // streaming: rows go to a temporary file instead of an in-memory XML tree (several times faster)
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook = book;
            bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            sheet(SHEET_ROSTER, h -> true, List.of(
                    col("户主姓名", AffectedHousehold::headName), col("公民身份号码", h -> h.idNumber().value()),
                    col("住址", AffectedHousehold::address), sum("家庭人口", AffectedHousehold::persons),
                    col("类别", h -> h.category().label()), col("低保户", h -> h.dibaoCaseId() != null ? "是" : "否"),
                    col("有残疾人", h -> h.disabledMember() ? "是" : "否"), sum("农作物受灾（亩）", AffectedHousehold::cropLossMu),
                    col("房屋", h -> h.houseDamage().label()), sum("受损间数", AffectedHousehold::damagedRooms),
                    sum("因灾死亡（人）", AffectedHousehold::deaths), sum("冬春需救济（人）", AffectedHousehold::winterReliefPersons),
                    col("生活需求", AffectedHousehold::needsLabel), sum("核定救助需求（元）", AffectedHousehold::needAmount),
                    col("优先档次", h -> h.tier().label()),
                    sum("分配金额（元）", h -> h.allocatedAmount() == null ? Money.ZERO : h.allocatedAmount()),
                    col("已发放", h -> h.paid() ? "是" : "否"), col("已确认领取", h -> h.receiptConfirmed() ? "是" : "否")));
            sheet(SHEET_COLLAPSED, h -> h.houseDamage() == HouseDamage.COLLAPSED, List.of(
                    col("户主姓名", AffectedHousehold::headName), col("公民身份号码", h -> h.idNumber().value()),
                    col("住址", AffectedHousehold::address), sum("家庭人口", AffectedHousehold::persons),
                    col("类别", h -> h.category().label()), sum("倒塌间数", AffectedHousehold::damagedRooms)));
            sheet(SHEET_DEATHS, h -> h.deaths() > 0, List.of(
                    col("户主姓名", AffectedHousehold::headName), col("公民身份号码", h -> h.idNumber().value()),
                    col("住址", AffectedHousehold::address), sum("因灾死亡（人）", AffectedHousehold::deaths),
                    col("死亡人员姓名", AffectedHousehold::deceasedNames)));
            sheet(SHEET_WINTER, h -> h.winterReliefPersons() > 0, List.of(
                    col("户主姓名", AffectedHousehold::headName), col("公民身份号码", h -> h.idNumber().value()),
                    col("住址", AffectedHousehold::address), col("类别", h -> h.category().label()),
                    sum("家庭人口", AffectedHousehold::persons), sum("需政府救济（人）", AffectedHousehold::winterReliefPersons),
                    col("生活需求", AffectedHousehold::needsLabel)));
            totals();
            try {
                book.write(out);
            } finally {
                book.dispose(); // the temporary file
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sheet(String name, Predicate<AffectedHousehold> filter, List<Column> columns) {
        Sheet sheet = workbook.createSheet(name);
        title(sheet, name);
        Row header = sheet.createRow(1);
        set(header, 0, "序号", bold);
        set(header, 1, "乡镇（街道）", bold);
        set(header, 2, "村（社区）", bold);
        for (int c = 0; c < columns.size(); c++) {
            set(header, c + 3, columns.get(c).title(), bold);
        }
        List<AffectedHousehold> rows = households.stream().filter(filter).toList();
        int r = 2;
        for (AffectedHousehold h : rows) {
            Row row = sheet.createRow(r);
            set(row, 0, r - 1, null);
            set(row, 1, regionNames.getOrDefault(h.townshipCode(), h.townshipCode()), null);
            set(row, 2, regionNames.getOrDefault(h.villageCode(), h.villageCode()), null);
            for (int c = 0; c < columns.size(); c++) {
                set(row, c + 3, columns.get(c).value().apply(h), null);
            }
            r++;
        }
        Row total = sheet.createRow(r);
        set(total, 0, "合计", bold);
        set(total, 1, rows.size() + "户", bold);
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).summed()) {
                Function<AffectedHousehold, Object> value = columns.get(c).value();
                set(total, c + 3, rows.stream().map(h -> new BigDecimal(value.apply(h).toString()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add), bold);
            }
        }
        for (int c = 0; c < columns.size() + 3; c++) {
            sheet.setColumnWidth(c, 14 * 256);
        }
    }

    private void totals() {
        Sheet sheet = workbook.createSheet(SHEET_TOTALS);
        title(sheet, SHEET_TOTALS);
        String[] titles = {"类别", "户数", "人口", "因灾倒房户", "倒塌间数", "因灾死亡（人）", "冬春需救济（人）",
                "核定救助需求（元）", "分配金额（元）"};
        Row header = sheet.createRow(1);
        for (int c = 0; c < titles.length; c++) {
            set(header, c, titles[c], bold);
        }
        int r = 2;
        for (HouseholdCategory category : HouseholdCategory.values()) {
            totalRow(sheet.createRow(r++), category.label(),
                    RosterTotals.of(households.stream().filter(h -> h.category() == category).toList()), null);
        }
        totalRow(sheet.createRow(r), "合计", RosterTotals.of(households), bold);
    }

    private void totalRow(Row row, String label, RosterTotals t, CellStyle style) {
        Object[] values = {label, t.households(), t.persons(), t.collapsedHouseholds(), t.collapsedRooms(), t.deaths(),
                t.winterReliefPersons(), t.needAmount(), t.allocatedAmount()};
        for (int c = 0; c < values.length; c++) {
            set(row, c, values[c], style);
        }
    }

    private void title(Sheet sheet, String name) {
        set(sheet.createRow(0), 0, disaster.disasterNumber() + " " + disaster.name() + " — " + areaName + name, bold);
    }

    private static void set(Row row, int column, Object value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value instanceof Number number) {
            cell.setCellValue(new BigDecimal(number.toString()).doubleValue());
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static Column col(String title, Function<AffectedHousehold, Object> value) {
        return new Column(title, value, false);
    }

    private static Column sum(String title, Function<AffectedHousehold, Object> value) {
        return new Column(title, value, true);
    }
}

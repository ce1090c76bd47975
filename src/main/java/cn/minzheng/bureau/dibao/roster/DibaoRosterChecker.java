package cn.minzheng.bureau.dibao.roster;

import static cn.minzheng.bureau.dibao.roster.DibaoRosterColumns.*;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.dibao.BenefitCalculator;
import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.StandardService.Standard;
import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.household.HouseholdRules;
import cn.minzheng.bureau.household.Problems;
import cn.minzheng.bureau.household.Relation;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.importing.kind.RosterKind;
import cn.minzheng.bureau.importing.kind.RosterMonth;
import cn.minzheng.bureau.importing.kind.StagedRow;
import cn.minzheng.bureau.program.CrossProgramRules.Person;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionIndex;

/**
 * Checks the 低保 roster row by row and household by household, in file order. What must span the whole
 * file stays small: the ID numbers seen and the household numbers finished. What the records hold of a person
 * (an open 低保 case, an enrolment the cross-program rules do not allow beside 低保, a household record) is asked
 * of the database a chunk at a time ({@link #checkAgainstRecords}, {@link DibaoRosterRecords}).
 */
final class DibaoRosterChecker implements RosterKind.RowChecker {

    static final int MAX_MEMBERS = HouseholdRules.MAX_MEMBERS;

    private final RegionIndex regions;
    private final BiFunction<AreaType, CaseCategory, Standard> standards;
    private final YearMonth currentMonth;
    private final Function<List<Person>, Map<String, DibaoRosterRecords.Verdict>> records;
    private final Set<String> seenIds = new HashSet<>();
    private final Set<String> finishedKeys = new HashSet<>();
    private final List<StagedRow> group = new ArrayList<>();
    private String groupKey;

    /** {@code records}: what the records say of these persons ({@link DibaoRosterRecords}), one lookup per chunk. */
    DibaoRosterChecker(List<Region> regions, BiFunction<AreaType, CaseCategory, Standard> standards,
                       YearMonth currentMonth, Function<List<Person>, Map<String, DibaoRosterRecords.Verdict>> records) {
        this.regions = new RegionIndex(regions);
        this.standards = standards;
        this.currentMonth = currentMonth;
        this.records = records;
    }

    /**
     * The persons of the chunk against the records, in one lookup: a member of an open 低保 case or a person in a
     * program that may not be combined with 低保 is refused, naming the case or enrolment; a person already on record
     * otherwise is a warning.
     */
    @Override
    public void checkAgainstRecords(List<StagedRow> chunk) {
        Map<String, DibaoRosterRecords.Verdict> verdicts = records.apply(chunk.stream().filter(r -> r.idNumber != null)
                .map(r -> new Person(r.idNumber, r.name)).toList());
        for (StagedRow row : chunk) {
            DibaoRosterRecords.Verdict verdict = row.idNumber == null ? null : verdicts.get(row.idNumber);
            if (verdict == null) {
                continue;
            }
            if (verdict.refused()) {
                row.reject(ID_NUMBER, verdict.message());
            } else {
                row.warn(ID_NUMBER, verdict.message());
            }
        }
    }

    /** Validates one data row; returns the rows of a household that this row showed to be complete. */
    @Override
    public List<StagedRow> row(int rowNumber, String[] cells) {
        String key = text(cells[HOUSEHOLD_KEY]);
        List<StagedRow> done = List.of();
        if (groupKey != null && !groupKey.equals(key)) {
            done = finish();
        }
        StagedRow row = new StagedRow(rowNumber, key);
        if (key == null) {
            row.reject(HOUSEHOLD_KEY, "户编号不能为空");
        } else if (key.length() > 40) {
            row.reject(HOUSEHOLD_KEY, "户编号不能超过40个字");
        } else if (groupKey == null && finishedKeys.contains(key)) {
            row.reject(HOUSEHOLD_KEY, "户编号“" + key + "”的成员须上下相邻，此前已有该户的行");
        }
        member(row, cells);
        if (key == null || key.length() > 40 || finishedKeys.contains(key) && groupKey == null) {
            // a row that cannot join a household stands alone
            List<StagedRow> alone = new ArrayList<>(done);
            alone.add(row);
            return alone;
        }
        groupKey = key;
        group.add(row);
        return done;
    }

    /** Closes the household being read (call at the end of the file too). */
    @Override
    public List<StagedRow> finish() {
        if (group.isEmpty()) {
            groupKey = null;
            return List.of();
        }
        List<StagedRow> rows = new ArrayList<>(group);
        household(rows);
        finishedKeys.add(groupKey);
        group.clear();
        groupKey = null;
        return rows;
    }

    /** A member's columns by the household rules ({@link HouseholdRules}); the head's row also the household's. */
    private void member(StagedRow row, String[] cells) {
        Problems problems = Problems.collectAll();
        row.name = HouseholdRules.name(cells[NAME], "姓名", NAME, problems);
        ResidentIdNumber id = HouseholdRules.idNumber(cells[ID_NUMBER], "公民身份号码：", ID_NUMBER, problems);
        row.idNumber = id == null ? null : id.value();
        row.relation = name(HouseholdRules.code(Relation.class, cells[RELATION], "与户主关系", true, RELATION, problems));
        row.employmentStatus = name(HouseholdRules.code(EmploymentStatus.class, cells[EMPLOYMENT], "就业状况", true,
                EMPLOYMENT, problems));
        row.disabilityLevel = name(HouseholdRules.disability(cells[DISABILITY], "残疾等级", DISABILITY, problems));
        row.wageIncome = HouseholdRules.amount(cells[WAGE_INCOME], "工资性收入", WAGE_INCOME, problems);
        row.otherIncome = HouseholdRules.amount(cells[OTHER_INCOME], "其他收入", OTHER_INCOME, problems);
        if (row.idNumber != null && !seenIds.add(row.idNumber)) {
            problems.add("DUPLICATE_PERSON", ID_NUMBER, "公民身份号码" + row.idNumber + "在文件中重复出现（同一人只能导入一次）");
        }
        if (row.isHead()) {
            householdColumns(row, cells, problems);
            caseColumns(row, cells, problems);
        }
        problems.list().forEach(p -> row.reject(p.column(), p.message()));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private void householdColumns(StagedRow row, String[] cells, Problems problems) {
        Region township = township(text(cells[TOWNSHIP]));
        if (township == null) {
            problems.add("INVALID_CODE", TOWNSHIP, "乡镇（街道）“" + nullToEmpty(cells[TOWNSHIP]) + "”不存在");
        } else {
            row.townshipCode = township.code();
            Region community = community(township, text(cells[COMMUNITY]));
            if (community == null) {
                problems.add("INVALID_CODE", COMMUNITY, "村（社区）“" + nullToEmpty(cells[COMMUNITY]) + "”不属于" + township.name());
            } else {
                row.communityCode = community.code();
            }
        }
        row.address = HouseholdRules.text(cells[ADDRESS], "家庭住址", 200, true, ADDRESS, problems);
        row.bankName = HouseholdRules.text(cells[BANK_NAME], "开户银行", 50, true, BANK_NAME, problems);
        row.bankAccount = HouseholdRules.bankAccount(cells[BANK_ACCOUNT], BANK_ACCOUNT, problems);
    }

    /** The 低保 case's columns of the head's row: category, amount, start month. */
    private void caseColumns(StagedRow row, String[] cells, Problems problems) {
        row.category = name(HouseholdRules.code(CaseCategory.class, cells[CATEGORY], "低保类别", true, CATEGORY, problems));
        row.monthlyAmount = monthlyAmount(text(cells[MONTHLY_AMOUNT]), problems);
        row.startMonth = startMonth(text(cells[START_MONTH]), problems);
    }

    private static BigDecimal monthlyAmount(String amount, Problems problems) {
        if (amount == null) {
            problems.add("MISSING_FIELD", MONTHLY_AMOUNT, "月保障金不能为空");
            return null;
        }
        BigDecimal monthly = HouseholdRules.amount(amount, "月保障金", MONTHLY_AMOUNT, problems);
        if (monthly != null && monthly.signum() <= 0) {
            problems.add("INVALID_AMOUNT", MONTHLY_AMOUNT, "月保障金须大于0元（在保家庭按月发放）");
        }
        return monthly;
    }

    private String startMonth(String month, Problems problems) {
        if (month == null) {
            problems.add("MISSING_FIELD", START_MONTH, "起始月份不能为空");
            return null;
        }
        try {
            YearMonth start = RosterMonth.parse(month);
            if (start.isAfter(currentMonth)) {
                problems.add("INVALID_MONTH", START_MONTH, "起始月份" + start + "晚于本月，在保家庭的起始月份不能在将来");
            } else if (start.getYear() < 2000) {
                problems.add("INVALID_MONTH", START_MONTH, "起始月份" + start + "早于2000年，请核对");
            } else {
                return start.toString();
            }
        } catch (DateTimeParseException e) {
            problems.add("INVALID_MONTH", START_MONTH, "起始月份“" + month + "”格式不对，应为 yyyy-MM（如 2025-01）");
        }
        return null;
    }

    private void household(List<StagedRow> rows) {
        StagedRow first = rows.get(0);
        Problems problems = Problems.collectAll();
        long heads = rows.stream().filter(StagedRow::isHead).count();
        if (!HouseholdRules.oneHead(heads, "户编号“" + first.householdKey + "”", RELATION, problems)) {
            problems.list().forEach(p -> first.reject(p.column(), p.message()));
            return;
        }
        if (rows.size() > MAX_MEMBERS) {
            first.reject(HOUSEHOLD_KEY, "一户不能超过" + MAX_MEMBERS + "人");
            return;
        }
        StagedRow head = rows.stream().filter(StagedRow::isHead).findFirst().orElseThrow();
        if (head.townshipCode == null || head.category == null || head.monthlyAmount == null
                || rows.stream().anyMatch(r -> r.wageIncome == null || r.otherIncome == null)) {
            return; // already rejected; nothing to compare the amount with
        }
        Region township = regions.byCode(head.townshipCode);
        Standard standard = standards.apply(township.kind().areaType(), CaseCategory.valueOf(head.category));
        BigDecimal income = rows.stream().map(r -> r.wageIncome.add(r.otherIncome)).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal perCapita = Money.of(income.divide(BigDecimal.valueOf(rows.size()), 2, java.math.RoundingMode.HALF_UP));
        BigDecimal expected = BenefitCalculator.calculate(perCapita, standard.monthlyStandard(),
                standard.categoryAddition(), rows.size()).monthlyAmount();
        if (expected.compareTo(head.monthlyAmount) != 0) {
            head.warn(MONTHLY_AMOUNT, "月保障金" + Money.format(head.monthlyAmount) + "元与按现行标准测算的"
                    + Money.format(expected) + "元不一致（现行标准" + Money.format(standard.monthlyStandard())
                    + "元，人均收入" + Money.format(perCapita) + "元，" + rows.size() + "人），导入后按表中金额发放，须管理员确认");
        }
    }

    private Region township(String value) {
        return regions.township(value);
    }

    private Region community(Region township, String value) {
        return regions.community(township, value);
    }

    private static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

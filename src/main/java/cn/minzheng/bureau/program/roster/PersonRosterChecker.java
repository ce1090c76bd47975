package cn.minzheng.bureau.program.roster;

import static cn.minzheng.bureau.program.roster.PersonRosterColumns.*;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.household.HouseholdRules;
import cn.minzheng.bureau.household.Problems;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.importing.kind.RosterKind;
import cn.minzheng.bureau.importing.kind.RosterMonth;
import cn.minzheng.bureau.importing.kind.StagedRow;
import cn.minzheng.bureau.program.roster.PersonRosterKind.Applicant;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionIndex;

/**
 * Checks a person roster row by row: the shared columns by the household rules ({@link HouseholdRules}, as the
 * application forms), then the program's columns by the program's rules; what the records hold of the persons is
 * asked a chunk at a time ({@link PersonRosterRecords}). Every row is a household of its own for the machinery.
 */
final class PersonRosterChecker implements RosterKind.RowChecker {

    private final PersonRosterKind kind;
    private final RegionIndex regions;
    private final YearMonth currentMonth;
    private final PersonRosterRecords records;
    private final Set<String> seenIds = new HashSet<>();

    PersonRosterChecker(PersonRosterKind kind, List<Region> regions, YearMonth currentMonth, PersonRosterRecords records) {
        this.kind = kind;
        this.regions = new RegionIndex(regions);
        this.currentMonth = currentMonth;
        this.records = records;
    }

    @Override
    public List<StagedRow> row(int rowNumber, String[] cells) {
        StagedRow row = new StagedRow(rowNumber, "R" + rowNumber);
        row.relation = "HEAD";
        Problems problems = Problems.collectAll();
        Region township = township(cells, row, problems);
        row.address = HouseholdRules.text(cells[ADDRESS], "家庭住址", 200, false, ADDRESS, problems);
        row.bankName = HouseholdRules.text(cells[BANK_NAME], "开户银行", 50, false, BANK_NAME, problems);
        row.bankAccount = cells[BANK_ACCOUNT] == null || cells[BANK_ACCOUNT].isBlank() ? null
                : HouseholdRules.bankAccount(cells[BANK_ACCOUNT], BANK_ACCOUNT, problems);
        row.name = HouseholdRules.name(cells[NAME], "姓名", NAME, problems);
        ResidentIdNumber id = HouseholdRules.idNumber(cells[ID_NUMBER], "公民身份号码：", ID_NUMBER, problems);
        row.idNumber = id == null ? null : id.value();
        if (row.idNumber != null && !seenIds.add(row.idNumber)) {
            problems.add("DUPLICATE_PERSON", ID_NUMBER, "公民身份号码" + row.idNumber + "在文件中重复出现（同一人只能导入一次）");
        }
        EmploymentStatus employment = HouseholdRules.code(EmploymentStatus.class, cells[EMPLOYMENT], "就业状况", false,
                EMPLOYMENT, problems);
        row.employmentStatus = employment == null ? null : employment.name();
        DisabilityLevel disability = HouseholdRules.disability(cells[DISABILITY], "残疾等级", DISABILITY, problems);
        row.disabilityLevel = disability == null ? null : disability.name();
        YearMonth start = startMonth(cells[START_MONTH], problems);
        row.startMonth = start == null ? null : start.toString();
        row.wageIncome = BigDecimal.ZERO.setScale(2);
        row.otherIncome = BigDecimal.ZERO.setScale(2);
        if (problems.list().isEmpty()) {
            String[] programCells = Arrays.copyOfRange(cells, PROGRAM_FROM,
                    Math.max(cells.length, PROGRAM_FROM + kind.programColumns().size()));
            kind.checkProgram(new Applicant(id, row.name, township, start, employment, disability, currentMonth),
                    programCells, row, problems);
        }
        problems.list().forEach(p -> row.reject(p.column(), p.message()));
        return List.of(row);
    }

    @Override
    public List<StagedRow> finish() {
        return List.of();
    }

    @Override
    public void checkAgainstRecords(List<StagedRow> chunk) {
        records.judge(chunk);
    }

    private Region township(String[] cells, StagedRow row, Problems problems) {
        String value = text(cells[TOWNSHIP]);
        Region township = regions.township(value);
        if (township == null) {
            problems.add("INVALID_CODE", TOWNSHIP, value == null ? "乡镇（街道）不能为空" : "乡镇（街道）“" + value + "”不存在");
            return null;
        }
        row.townshipCode = township.code();
        String community = text(cells[COMMUNITY]);
        Region found = regions.community(township, community);
        if (found == null) {
            problems.add("INVALID_CODE", COMMUNITY, community == null ? "村（社区）不能为空"
                    : "村（社区）“" + community + "”不属于" + township.name());
        } else {
            row.communityCode = found.code();
        }
        return township;
    }

    private YearMonth startMonth(String raw, Problems problems) {
        String month = text(raw);
        if (month == null) {
            problems.add("MISSING_FIELD", START_MONTH, "起始月份不能为空");
            return null;
        }
        try {
            YearMonth start = RosterMonth.parse(month);
            if (start.isAfter(currentMonth)) {
                problems.add("INVALID_MONTH", START_MONTH, "起始月份" + start + "晚于本月，名册中的人员须已在享受");
            } else if (start.getYear() < 2000) {
                problems.add("INVALID_MONTH", START_MONTH, "起始月份" + start + "早于2000年，请核对");
            } else {
                return start;
            }
        } catch (DateTimeParseException e) {
            problems.add("INVALID_MONTH", START_MONTH, "起始月份“" + month + "”格式不对，应为 yyyy-MM（如 2025-01）");
        }
        return null;
    }

    private static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }
}

package cn.minzheng.bureau.youfu;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.Labelled;
import cn.minzheng.bureau.household.Problems;
import cn.minzheng.bureau.importing.kind.StagedRow;
import cn.minzheng.bureau.program.CrossProgramRules;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramRegistry;
import cn.minzheng.bureau.program.roster.PersonRosterKind;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The roster of 优抚对象 already receiving 定期抚恤补助 (the old ledger's): each row becomes a registration 享受中 with its
 * enrolment, as 认定 leaves one. The category's evidence is checked by the rules of a registration
 * ({@link YoufuRules}, every problem at its column); the amount is not a column: the standard of youfu-allowance.dmn
 * ({@link YoufuAllowance}) for the category, cause and grade, this month's, which each payroll then brings up to its
 * own year's ({@link YoufuAmounts}).
 */
@Component
@Order(5)
public class YoufuRosterKind extends PersonRosterKind {

    private static final List<ProgramColumn> COLUMNS = List.of(
            new ProgramColumn("优抚对象类别", "残疾军人、烈士遗属、因公牺牲军人遗属、病故军人遗属、在乡老复员军人、带病回乡退伍军人、"
                    + "参战参试退役人员、农村60周岁以上退役士兵", YoufuCategory.DISABLED_SOLDIER.label()),
            new ProgramColumn("证件编号", "类别的证件（残疾军人证、烈士证明书、因公牺牲军人证明书、病故军人证明书、复员军人证、退伍军人证）编号："
                    + "省份简称、证件字、“字第”、6位数字和“号”，如冀军残字第012345号、豫烈字第000417号", "冀军残字第012345号"),
            new ProgramColumn("伤残等级", "残疾军人必填，1至10的整数（因病致残的只评定1至6级）；其他类别不填", "5"),
            new ProgramColumn("致残原因", "残疾军人必填：因战、因公、因病；其他类别不填", DisabilityCause.WAR.label()),
            new ProgramColumn("评定伤残等级日期", "残疾军人必填，格式 yyyy-MM-dd，不晚于今天、不早于出生日期", "1985-06-20"),
            new ProgramColumn("牺牲（病故）军人姓名", "烈士遗属、因公牺牲军人遗属、病故军人遗属必填", null),
            new ProgramColumn("牺牲（病故）日期", "烈士遗属、因公牺牲军人遗属、病故军人遗属必填，格式 yyyy-MM-dd", null),
            new ProgramColumn("入伍日期", "在乡老复员军人（1954年10月31日以前入伍）、带病回乡退伍军人、参战参试退役人员、"
                    + "农村60周岁以上退役士兵（1954年11月1日以后入伍，年满60周岁，农村户籍）必填，格式 yyyy-MM-dd", null),
            new ProgramColumn("退伍（复员）日期", "同入伍日期，须晚于入伍日期，格式 yyyy-MM-dd", null));

    /** The template's columns of the evidence, as the registration rules report their problems. */
    private static final YoufuRules.Columns EVIDENCE_COLUMNS = new YoufuRules.Columns(column(0), column(1), column(2),
            column(3), column(4), column(5), column(6), column(7), column(8));

    /** A date as Excel shows it (2025/6/1, 2025.6.1) or as typed (2025-06-01, 20250601). */
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年]?(\\d{1,2})[-/.月]?(\\d{1,2})日?");

    private static final Roster ROSTER = new Roster("YOUFU", "优抚对象（定期抚恤补助）", "优抚对象导入模板.xlsx",
            Program.YOUFU, COLUMNS, "11010519600315003");

    private final YoufuAllowance allowance;
    private final YoufuRepository repository;
    private final ObjectMapper json;

    public YoufuRosterKind(RegionRepository regions, HouseholdRepository households, CrossProgramRules crossProgramRules,
                           ProgramRegistry programs, YoufuAllowance allowance, YoufuRepository repository,
                           ObjectMapper json) {
        super(ROSTER, regions, households, crossProgramRules, programs);
        this.allowance = allowance;
        this.repository = repository;
        this.json = json;
    }







    @Override
    protected void checkProgram(Applicant a, String[] cells, StagedRow row, Problems problems) {
        YoufuRules.Form form = new YoufuRules.Form(code(YoufuCategory.class, cells[0]), cells[1], trim(cells[2]),
                code(DisabilityCause.class, cells[3]), isoDate(cells[4]), cells[5], isoDate(cells[6]), isoDate(cells[7]),
                isoDate(cells[8]));
        YoufuRules.Person person = new YoufuRules.Person(a.name(), a.idNumber().birthDate(),
                a.township().kind().areaType() == AreaType.RURAL);
        YoufuRules.Evidence evidence = YoufuRules.evidence(form, person, EngineClock.today(), EVIDENCE_COLUMNS, problems);
        if (evidence == null) {
            return;
        }
        YoufuAllowance.Amount amount = problems.parse(column(0), () -> amountOf(evidence, a.currentMonth()));
        if (amount == null) {
            return;
        }
        row.category = evidence.category().name();
        row.monthlyAmount = amount.monthly();
        row.payload = payload(evidence);
    }

    /**
     * A registration 享受中 from the roster's start month at this month's standard, the calculation frozen; the next
     * payroll brings the amount up to its own month's standard as for every recipient.
     */
    @Override
    protected void enrol(StagedRow row, long householdId, String actor, String reason) {
        YoufuRules.Evidence evidence = evidence(row.payload);
        repository.importActive(new YoufuRepository.NewRecipient(householdId, row.townshipCode, row.idNumber, row.name,
                        evidence), amountOf(evidence, YearMonth.from(EngineClock.today())), row.startMonth, actor,
                reason);
    }

    private YoufuAllowance.Amount amountOf(YoufuRules.Evidence e, YearMonth month) {
        return allowance.forMonth(e.category(), e.disabilityCause(), e.disabilityGrade(), month);
    }

    private String payload(YoufuRules.Evidence e) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("category", e.category().name());
        values.put("certificateNumber", e.certificateNumber());
        values.put("disabilityGrade", e.disabilityGrade() == null ? null : e.disabilityGrade().toString());
        values.put("disabilityCause", e.disabilityCause() == null ? null : e.disabilityCause().name());
        values.put("assessedDate", text(e.assessedDate()));
        values.put("deceasedName", e.deceasedName());
        values.put("deathDate", text(e.deathDate()));
        values.put("enlistmentDate", text(e.enlistmentDate()));
        values.put("dischargeDate", text(e.dischargeDate()));
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private YoufuRules.Evidence evidence(String payload) {
        Map<String, String> v;
        try {
            v = json.readValue(payload, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new YoufuRules.Evidence(YoufuCategory.valueOf(v.get("category")), v.get("certificateNumber"),
                v.get("disabilityGrade") == null ? null : Integer.valueOf(v.get("disabilityGrade")),
                v.get("disabilityCause") == null ? null : DisabilityCause.valueOf(v.get("disabilityCause")),
                date(v.get("assessedDate")), v.get("deceasedName"), date(v.get("deathDate")),
                date(v.get("enlistmentDate")), date(v.get("dischargeDate")));
    }

    /** A workbook's label (残疾军人, 因战) as the code the registration rules take; anything else as written. */
    private static <E extends Enum<E> & Labelled> String code(Class<E> type, String raw) {
        String value = trim(raw);
        for (E constant : type.getEnumConstants()) {
            if (constant.label().equals(value)) {
                return constant.name();
            }
        }
        return value;
    }

    private static String isoDate(String raw) {
        String value = trim(raw);
        Matcher m = value == null ? null : DATE.matcher(value);
        return m == null || !m.matches() ? value
                : String.format("%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    private static String trim(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}

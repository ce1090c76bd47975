package cn.minzheng.bureau.tekun;

import static cn.minzheng.bureau.program.roster.PersonRosterColumns.EMPLOYMENT;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdRules;
import cn.minzheng.bureau.household.Problems;
import cn.minzheng.bureau.importing.kind.StagedRow;
import cn.minzheng.bureau.program.CrossProgramRules;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramRegistry;
import cn.minzheng.bureau.program.roster.PersonRosterKind;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The roster of persons supported (特困供养人员名册): each row becomes a 特困 case 供养中 with its enrolment, by the rules
 * an application meets ({@link TekunEligibility}: the qualifying condition, no income source, the supporter, the care
 * arrangement) and with the amounts of the DMN tables for the self-care level ({@link TekunAmounts}), the
 * calculation frozen as the township's assessment freezes it.
 */
@Component
@Order(3)
public class TekunRosterKind extends PersonRosterKind {

    private static final List<ProgramColumn> COLUMNS = List.of(
            new ProgramColumn("月收入（元）", "本人计入的月收入，元，最多两位小数，空白视为0；须低于当地低保标准（无生活来源）", "0"),
            new ProgramColumn("法定义务人情况", "无法定赡养、抚养、扶养义务人 或 义务人无赡养、抚养、扶养能力",
                    SupporterSituation.NONE.label()),
            new ProgramColumn("义务人情况说明", "义务人无赡养、抚养、扶养能力的须说明，不超过500字", null),
            new ProgramColumn("供养方式", "集中供养 或 分散供养", CareMode.DISPERSED.label()),
            new ProgramColumn("供养服务机构名称", "集中供养的必填，不超过100字", null),
            new ProgramColumn("照料人姓名", "分散供养的必填", "赵德明"),
            new ProgramColumn("委托照料协议编号", "分散供养的必填，不超过100字", "YC-2024-001"),
            new ProgramColumn("生活自理能力", "全自理、半护理、全护理；按特困供养标准（DMN）测算基本生活标准和照料护理标准",
                    SelfCareLevel.FULL_SELF_CARE.label()));

    private static final Roster ROSTER = new Roster("TEKUN", "特困供养人员", "特困供养人员导入模板.xlsx",
            Program.TEKUN, COLUMNS, "11010519500315001");

    private final RegionRepository regions;
    private final TekunAmounts amounts;
    private final TekunCaseRepository cases;
    private final TekunService service;
    private final ObjectMapper json;

    public TekunRosterKind(RegionRepository regions, HouseholdRepository households, CrossProgramRules crossProgramRules,
                           ProgramRegistry programs, TekunAmounts amounts, TekunCaseRepository cases,
                           TekunService service, ObjectMapper json) {
        super(ROSTER, regions, households, crossProgramRules, programs);
        this.regions = regions;
        this.amounts = amounts;
        this.cases = cases;
        this.service = service;
        this.json = json;
    }







    @Override
    protected void checkProgram(Applicant a, String[] cells, StagedRow row, Problems problems) {
        if (a.employment() == null) {
            problems.add("MISSING_FIELD", EMPLOYMENT, "就业状况不能为空（特困人员认定据此判断劳动能力）");
            return;
        }
        QualifyingCondition condition = problems.parse(EMPLOYMENT, () -> TekunEligibility.condition(a.name(),
                a.idNumber().birthDate(), EngineClock.today(), a.disability(), a.employment()));
        AreaType area = a.township().kind().areaType();
        BigDecimal income = HouseholdRules.amount(cells[0], "月收入", column(0), problems);
        if (income != null) {
            problems.parse(column(0), () -> {
                TekunEligibility.requireNoIncomeSource(a.name(), income, amounts.dibaoStandard(area));
                return income;
            });
            row.otherIncome = income;
        }
        SupporterSituation supporter = HouseholdRules.code(SupporterSituation.class, cells[1], "法定义务人情况", true,
                column(1), problems);
        String supporterNote = supporter == null ? null
                : problems.parse(column(2), () -> TekunEligibility.supporterNote(supporter, cells[2]));
        CareMode mode = HouseholdRules.code(CareMode.class, cells[3], "供养方式", true, column(3), problems);
        TekunEligibility.CareArrangement care = mode == null ? null
                : problems.parse(column(mode == CareMode.CENTRALISED ? 4 : 5),
                        () -> TekunEligibility.careArrangement(mode, cells[4], cells[5], cells[6]));
        SelfCareLevel level = HouseholdRules.code(SelfCareLevel.class, cells[7], "生活自理能力", true, column(7), problems);
        TekunAmounts.Amounts amount = level == null ? null : problems.parse(column(7), () -> amounts.amounts(area, level));
        if (condition == null || supporter == null || care == null || amount == null) {
            return;
        }
        row.category = level.name();
        row.monthlyAmount = amount.monthly();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("condition", condition.name());
        values.put("supporter", supporter.name());
        values.put("supporterNote", supporterNote);
        values.put("careMode", care.mode().name());
        values.put("careInstitution", care.institution());
        values.put("carerName", care.carerName());
        values.put("careAgreement", care.careAgreement());
        try {
            row.payload = json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A case 供养中 from the roster's start month, as 认定 leaves it: the amounts of the self-care level by today's
     * tables, the calculation frozen, the enrolment with its first status entry naming the import.
     */
    @Override
    protected void enrol(StagedRow row, long householdId, String actor, String reason) {
        Map<String, String> v;
        try {
            v = json.readValue(row.payload, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        AreaType area = regions.findCurrent(row.townshipCode).orElseThrow().kind().areaType();
        TekunAmounts.Amounts amount = amounts.amounts(area, SelfCareLevel.valueOf(row.category));
        cases.importActive(new TekunCaseRepository.ImportedCase(householdId, row.townshipCode, row.idNumber, row.name,
                QualifyingCondition.valueOf(v.get("condition")), SupporterSituation.valueOf(v.get("supporter")),
                v.get("supporterNote"), new TekunEligibility.CareArrangement(CareMode.valueOf(v.get("careMode")),
                        v.get("careInstitution"), v.get("carerName"), v.get("careAgreement")),
                amount, service.snapshot(amount), row.startMonth), actor, reason);
    }
}

package cn.minzheng.bureau.tekun;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.FormDate;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.household.IncomeType;
import cn.minzheng.bureau.household.Labelled;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.program.CrossProgramRules;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The rules of 特困人员救助供养: registration (one validation for Tasklist's start form, the engine REST API and
 * /api), the township's assessment and amounts, the decisions, 认定 and 终止供养. {@link TekunSteps} calls it with
 * what the process holds.
 */
@Service
public class TekunService {

    private final JdbcClient jdbc;
    private final TekunCaseRepository cases;
    private final TekunAmounts amounts;
    private final CrossProgramRules crossProgramRules;
    private final EnrolmentRepository enrolments;
    private final RegionRepository regions;
    private final CurrentUser currentUser;
    private final ObjectMapper json;
    private final FuneralAllowanceService funeralAllowances;

    public TekunService(JdbcClient jdbc, TekunCaseRepository cases, TekunAmounts amounts,
                        CrossProgramRules crossProgramRules, EnrolmentRepository enrolments, RegionRepository regions,
                        CurrentUser currentUser, ObjectMapper json,
                        FuneralAllowanceService funeralAllowances) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.amounts = amounts;
        this.crossProgramRules = crossProgramRules;
        this.enrolments = enrolments;
        this.regions = regions;
        this.currentUser = currentUser;
        this.json = json;
        this.funeralAllowances = funeralAllowances;
    }

    /** An application as submitted (start form, REST). */
    public record Application(Object idNumber, Object proposedByTownship, Object supporterSituation, Object supporterNote,
                              Object careMode, Object careInstitution, Object carerName, Object careAgreement) {
    }

    /** The person as the household register holds them. */
    record Person(long memberId, long householdId, String townshipCode, String communityCode, String name,
                  LocalDate birthDate, EmploymentStatus employmentStatus, DisabilityLevel disabilityLevel) {
    }

    /** A registered application and the names the forms show. */
    public record Registered(TekunCase tekunCase, String townshipName, String communityName) {
    }

    /**
     * Validates and registers an application: the person is a registered household member of the user's
     * township, qualifies, has no income source and no supporter who can support, is cared for as named, and the
     * cross-program rules allow it. Bad input throws before anything is written.
     */
    @Transactional
    public Registered register(Application form, String processInstanceId, String actor) {
        String idNumber = TextRules.required(form.idNumber(), "身份证号", 18).toUpperCase();
        if (!ResidentIdNumber.isValid(idNumber)) {
            throw new RuleViolation("INVALID_APPLICATION", "身份证号" + idNumber + "不是有效的居民身份证号码");
        }
        SupporterSituation supporter = Labelled.parse(SupporterSituation.class, form.supporterSituation(), "法定义务人情况");
        String supporterNote = TekunEligibility.supporterNote(supporter, form.supporterNote());
        CareMode mode = Labelled.parse(CareMode.class, form.careMode(), "供养方式");
        TekunEligibility.CareArrangement care = TekunEligibility.careArrangement(mode, form.careInstitution(),
                form.carerName(), form.careAgreement());
        Person person = person(idNumber);
        Region township = regions.findCurrent(person.townshipCode()).orElseThrow();
        if (currentUser.isAuthenticated() && !currentUser.maySee(person.townshipCode())) {
            throw new RuleViolation("OUTSIDE_AREA", "您只能登记本乡镇（街道）的申请，" + person.name() + "的户籍在"
                    + township.name(), 403);
        }
        QualifyingCondition condition = TekunEligibility.condition(person.name(), person.birthDate(), LocalDate.now(),
                person.disabilityLevel(), person.employmentStatus());
        AreaType area = township.kind().areaType();
        TekunEligibility.requireNoIncomeSource(person.name(), countedIncome(person.memberId()),
                amounts.dibaoStandard(area));
        crossProgramRules.check(Program.TEKUN, List.of(new CrossProgramRules.Person(idNumber, person.name())));
        boolean proposed = Boolean.TRUE.equals(form.proposedByTownship()) || "true".equals(String.valueOf(form.proposedByTownship()));
        TekunCase created = cases.insert(new TekunCaseRepository.NewCase(person.householdId(), person.townshipCode(),
                idNumber, person.name(), condition, supporter, supporterNote, proposed, care), processInstanceId, actor);
        String community = regions.findCurrent(person.communityCode()).map(Region::name).orElse("");
        return new Registered(created, township.name(), community);
    }

    private Person person(String idNumber) {
        return jdbc.sql("""
                select m.id, m.household_id, h.township_code, h.community_code, m.name, m.birth_date,
                    m.employment_status, m.disability_level
                from household_member m join household h on h.id = m.household_id
                where m.id_number = ? order by m.id desc""")
                .param(idNumber)
                .query((rs, n) -> new Person(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getDate(6).toLocalDate(), EmploymentStatus.valueOf(rs.getString(7)),
                        DisabilityLevel.valueOf(rs.getString(8))))
                .list().stream().findFirst()
                .orElseThrow(() -> new RuleViolation("PERSON_NOT_FOUND", "身份证号" + idNumber
                        + "不在户籍家庭信息中，请先登记其家庭", 404));
    }

    /** The person's monthly income that counts (exempt items such as 优抚金 and 残疾人两项补贴 do not). */
    private BigDecimal countedIncome(long memberId) {
        return jdbc.sql("select income_type, monthly_amount from income_item where member_id = ?").param(memberId)
                .query((rs, n) -> IncomeType.valueOf(rs.getString(1)).counted() ? rs.getBigDecimal(2) : BigDecimal.ZERO)
                .list().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * What the household register says now of a supported person's conditions (年度复核): null when they still
     * qualify, else the Chinese reason (work ability, or a counted income at or above the 低保 standard).
     */
    String registerProblem(TekunCase c) {
        Person person = person(c.personIdNumber());
        AreaType area = regions.findCurrent(c.townshipCode()).orElseThrow().kind().areaType();
        try {
            TekunEligibility.condition(person.name(), person.birthDate(), EngineClock.today(), person.disabilityLevel(),
                    person.employmentStatus());
            TekunEligibility.requireNoIncomeSource(person.name(), countedIncome(person.memberId()), amounts.dibaoStandard(area));
            return null;
        } catch (RuleViolation stillNot) {
            return stillNot.getMessage();
        }
    }

    /** The amounts of the self-care level in the case's area, by today's tables (1.3 floor checked). */
    TekunAmounts.Amounts amountsFor(TekunCase c, SelfCareLevel level) {
        return amounts.amounts(regions.findCurrent(c.townshipCode()).orElseThrow().kind().areaType(), level);
    }

    /** The name of the community (村、社区) of the case's household. */
    String communityName(TekunCase c) {
        String code = jdbc.sql("select community_code from household where id = ?").param(c.householdId())
                .query(String.class).optional().orElse(null);
        return code == null ? "" : regions.findCurrent(code).map(Region::name).orElse("");
    }

    public TekunCase get(long caseId) {
        return cases.find(caseId).orElseThrow(() -> RuleViolation.notFound("特困供养案件" + caseId));
    }

    /** 入户调查和生活自理能力评估: the level decides the care amount; both amounts come from the DMN tables. */
    @Transactional
    public TekunCase assess(long caseId, Object selfCareLevel, Object finding, String actor) {
        TekunCase c = requireStatus(caseId, TekunStatus.APPLIED);
        if (selfCareLevel == null || selfCareLevel.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", "请评估生活自理能力（全自理、半护理或全护理）");
        }
        SelfCareLevel level = Labelled.parse(SelfCareLevel.class, selfCareLevel, "生活自理能力");
        String text = TextRules.required(finding, "调查情况", 1000);
        AreaType area = regions.findCurrent(c.townshipCode()).orElseThrow().kind().areaType();
        TekunAmounts.Amounts result = amounts.amounts(area, level);
        return cases.saveAssessment(caseId, level, text, result, snapshot(result), actor);
    }

    String snapshot(TekunAmounts.Amounts a) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("areaType", a.area().name());
        s.put("dibaoStandard", a.dibaoStandard());
        s.put("basicLivingFloor", Money.of(a.dibaoStandard().multiply(TekunEligibility.BASIC_LIVING_FACTOR)));
        s.put("basicLiving", a.basicLiving());
        s.put("selfCareLevel", a.selfCareLevel().name());
        s.put("careAmount", a.care());
        s.put("monthlyAmount", a.monthly());
        try {
            return json.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void recordDecision(long caseId, String step, String decision, String comment, String actor) {
        cases.recordDecision(caseId, step, decision, comment, actor);
    }

    /** 认定: re-checks the cross-program rules, then supported from the month after the decision. */
    @Transactional
    public TekunCase activate(long caseId, String actor) {
        TekunCase c = requireStatus(caseId, TekunStatus.APPLIED);
        if (c.monthlyAmount() == null) {
            throw new RuleViolation("NOT_ASSESSED", "尚未评估生活自理能力、测算供养金额，不能认定", 409);
        }
        Long own = enrolments.forProgramCase(Program.TEKUN, caseId).map(e -> e.id()).orElse(null);
        crossProgramRules.check(Program.TEKUN, List.of(new CrossProgramRules.Person(c.personIdNumber(), c.personName())), own);
        return cases.activate(caseId, YearMonth.now().plusMonths(1).toString(), actor);
    }

    @Transactional
    public TekunCase refuse(long caseId, String reason, String actor) {
        requireStatus(caseId, TekunStatus.APPLIED);
        return cases.close(caseId, TekunStatus.REFUSED, reason, actor);
    }

    /**
     * 终止供养 by hand: on gaining a supporter or an income, or on leaving the district, the case ends this month; on
     * death (the date of death required) it ends as a registered death ends it, {@link #endByDeath}.
     */
    @Transactional
    public TekunCase end(long caseId, Object reason, Object note, Object deathDate, String actor) {
        TekunCase c = requireStatus(caseId, TekunStatus.ACTIVE);
        currentUser.requireTownship(c.townshipCode());
        EndReason why = Labelled.parse(EndReason.class, reason, "终止原因");
        String text = TextRules.optional(note, "说明", 500);
        String closing = why.label() + (text == null ? "" : "：" + text);
        if (why == EndReason.DEATH) {
            LocalDate died = FormDate.past(deathDate, "死亡日期", EngineClock.today());
            if (died.isBefore(ResidentIdNumber.parse(c.personIdNumber()).birthDate())) {
                throw new RuleViolation("DEATH_BEFORE_BIRTH", "死亡日期" + died + "早于" + c.personName() + "的出生日期");
            }
            return endByDeath(caseId, died, null, closing + "（" + died + "），终止供养", actor);
        }
        return cases.close(caseId, TekunStatus.ENDED, closing, actor);
    }

    /**
     * The one rule of a 特困 person's death, whichever way it became known (死亡登记's confirmation, or 终止供养 by hand
     * with the reason 死亡): the case ends, the enrolment's last month is the month of death, and the 丧葬补助 is
     * started — once per case, so a death registered after a hand end (or the reverse) never pays it twice.
     */
    @Transactional
    public TekunCase endByDeath(long caseId, LocalDate deathDate, Long deathRecordId, String reason, String actor) {
        TekunCase c = get(caseId);
        TekunCase ended = c.status() == TekunStatus.ENDED ? c : cases.close(caseId, TekunStatus.ENDED, reason, actor);
        enrolments.forProgramCase(Program.TEKUN, caseId)
                .ifPresent(e -> enrolments.backdateEnd(e.id(), YearMonth.from(deathDate).toString()));
        if (!funeralAllowances.hasAllowance(caseId)) {
            funeralAllowances.start(caseId, deathRecordId, deathDate);
        }
        return ended;
    }

    private TekunCase requireStatus(long caseId, TekunStatus expected) {
        TekunCase c = get(caseId);
        if (c.status() != expected) {
            throw new RuleViolation("CASE_STATUS", "特困供养案件" + c.caseNumber() + "当前为“" + c.status().label()
                    + "”，不能办理此操作", 409);
        }
        return c;
    }

    /** What the forms show of the case. */
    public String summary(TekunCase c) {
        StringBuilder s = new StringBuilder(c.personName()).append("，").append(c.qualifyingCondition().label())
                .append("；").append(c.supporterSituation().label());
        if (c.supporterNote() != null) {
            s.append("（").append(c.supporterNote()).append("）");
        }
        s.append("；").append(c.careMode().label()).append("：");
        s.append(c.careMode() == CareMode.CENTRALISED ? c.careInstitution()
                : "照料人" + c.carerName() + "，协议" + c.careAgreement());
        if (c.proposedByTownship()) {
            s.append("；乡镇（街道）主动发现");
        }
        return s.toString();
    }

    public String amountSummary(TekunCase c) {
        if (c.monthlyAmount() == null) {
            return "尚未测算";
        }
        return c.selfCareLevel().label() + "；基本生活标准" + c.basicLivingAmount() + "元 + 照料护理标准" + c.careAmount()
                + "元 = 每月" + c.monthlyAmount() + "元";
    }
}

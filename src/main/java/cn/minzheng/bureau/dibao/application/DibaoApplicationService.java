package cn.minzheng.bureau.dibao.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.dibao.BenefitCalculation;
import cn.minzheng.bureau.dibao.BenefitCalculator;
import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.DibaoSettings;
import cn.minzheng.bureau.dibao.SamplingRule;
import cn.minzheng.bureau.dibao.HouseholdIncomeService;
import cn.minzheng.bureau.dibao.IncomeAssessment;
import cn.minzheng.bureau.dibao.IncomeCalculator;
import cn.minzheng.bureau.dibao.StandardService;
import cn.minzheng.bureau.dibao.Supporter;
import cn.minzheng.bureau.dibao.SupporterRepository;
import cn.minzheng.bureau.dibao.Supporters;
import cn.minzheng.bureau.dibao.Survey;
import cn.minzheng.bureau.dibao.verification.AssetRule;
import cn.minzheng.bureau.dibao.verification.EconomicCheckService;
import cn.minzheng.bureau.dibao.verification.EconomicStatusReport;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.household.Labelled;
import cn.minzheng.bureau.program.CrossProgramRules;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The 低保 application's rules: registration (one validation and one write path for the start form and the REST
 * API), and the steps of its procedure, which {@link DibaoApplicationSteps} calls with what the process holds.
 */
@Service
public class DibaoApplicationService {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<String, String> STEP_NAMES = Map.of(
            DibaoApplicationProcess.TASK_ACCEPT, "受理", DibaoApplicationProcess.TASK_PUBLIC_NOTICE, "公示异议",
            DibaoApplicationProcess.TASK_REVIEW_BY_TOWNSHIP, "乡镇审核",
            DibaoApplicationProcess.TASK_APPROVE_BY_DISTRICT, "区级审批",
            DibaoApplicationProcess.TASK_CONFIRM_BY_TOWNSHIP, "乡镇审核确认", DibaoApplicationProcess.TASK_SAMPLE_CHECK, "区级抽查");
    private static final Map<String, String> DECISION_NAMES = Map.of(
            DibaoApplicationProcess.ACCEPT, "受理", DibaoApplicationProcess.RETURN, "退回补正",
            DibaoApplicationProcess.APPROVE, "同意", DibaoApplicationProcess.REJECT, "不同意",
            DibaoApplicationProcess.OBJECTION, "登记异议", DibaoApplicationProcess.NO_PROBLEM, "无误",
            DibaoApplicationProcess.PROBLEM, "发现问题");

    private final HouseholdValidator householdValidator;
    private final HouseholdRepository households;
    private final DibaoCaseRepository cases;
    private final RuntimeService runtimeService;
    private final CurrentUser currentUser;
    private final RegionRepository regions;
    private final HouseholdIncomeService incomes;
    private final StandardService standards;
    private final DibaoSettings settings;
    private final StaffNames staffNames;
    private final ObjectMapper json;
    private final CrossProgramRules crossProgramRules;
    private final EconomicCheckService economicChecks;
    private final AssetRule assetRule;
    private final SupporterRepository supporterRecords;

    public DibaoApplicationService(HouseholdValidator householdValidator, HouseholdRepository households,
                                   DibaoCaseRepository cases, RuntimeService runtimeService, CurrentUser currentUser,
                                   RegionRepository regions, HouseholdIncomeService incomes, StandardService standards,
                                   DibaoSettings settings, StaffNames staffNames, ObjectMapper json,
                                   CrossProgramRules crossProgramRules, EconomicCheckService economicChecks,
                                   AssetRule assetRule, SupporterRepository supporterRecords) {
        this.householdValidator = householdValidator;
        this.households = households;
        this.cases = cases;
        this.runtimeService = runtimeService;
        this.currentUser = currentUser;
        this.regions = regions;
        this.incomes = incomes;
        this.standards = standards;
        this.settings = settings;
        this.staffNames = staffNames;
        this.json = json;
        this.crossProgramRules = crossProgramRules;
        this.economicChecks = economicChecks;
        this.assetRule = assetRule;
        this.supporterRecords = supporterRecords;
    }

    /** Validates and stores the household and a new case in status APPLIED; all or nothing. */
    @Transactional
    public DibaoCase register(DibaoApplicationForm form, String actor) {
        return registration(form, actor, null).dibaoCase();
    }

    /** A registered application: the case and the household as validated and stored. */
    public record Registration(DibaoCase dibaoCase, Household household) {
    }

    /**
     * Validates and stores an application; bad input leaves nothing behind (the caller's transaction). The
     * process instance is the one registering it (Tasklist's start form), or null when it starts afterwards.
     */
    public Registration registration(DibaoApplicationForm form, String actor, String processInstanceId) {
        if (form == null) {
            throw new RuleViolation("INVALID_APPLICATION", "申请内容不能为空");
        }
        CaseCategory category = Labelled.parse(CaseCategory.class, form.caseCategory(), "保障类别");
        if (category == CaseCategory.NO_SUPPORT) {
            throw new RuleViolation("CATEGORY_MOVED_TO_TEKUN", "三无人员（无劳动能力、无生活来源、无法定赡养抚养扶养人）"
                    + "属于特困人员救助供养，不再作为低保类别受理新申请，请改为发起“特困人员救助供养认定”");
        }
        boolean related = Boolean.TRUE.equals(form.relatedToStaff());
        String staffName = relatedStaffName(form, related);
        String staffUser = relatedStaffUser(form, related, actor);
        requireOwnArea(form);
        Household household = householdValidator.validate(form.household());
        List<Supporter> supporters = Supporters.validate(form.supporters(), household);
        crossProgramRules.check(Program.DIBAO, household.members().stream()
                .map(m -> new CrossProgramRules.Person(m.idNumber().value(), m.name())).toList());
        long householdId = households.insert(household);
        DibaoCase registered = cases.insert(householdId, household, category, related, related ? staffName : null,
                staffUser, actor, processInstanceId);
        supporterRecords.insert(registered.id(), supporters, actor);
        return new Registration(registered, household);
    }

    /** The staff member the applicant is related to (备案), by name: required when related. */
    private static String relatedStaffName(DibaoApplicationForm form, boolean related) {
        String staffName = blankToNull(form.relatedStaffName());
        if (related && staffName == null) {
            throw new RuleViolation("INVALID_APPLICATION", "申请人为干部近亲属时，须填写相关工作人员姓名（备案）");
        }
        if (staffName != null && staffName.length() > 30) {
            throw new RuleViolation("INVALID_APPLICATION", "相关工作人员姓名不能超过30个字");
        }
        if (staffName != null && TextRules.nameProblem("相关工作人员姓名", staffName) != null) {
            throw new RuleViolation("INVALID_APPLICATION", TextRules.nameProblem("相关工作人员姓名", staffName));
        }
        return staffName;
    }

    /** The related staff member's account, if given: they must not register the application themselves. */
    private static String relatedStaffUser(DibaoApplicationForm form, boolean related, String actor) {
        String staffUser = related ? blankToNull(form.relatedStaffUserId()) : null;
        if (staffUser != null && !staffUser.matches("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}")) {
            throw new RuleViolation("INVALID_APPLICATION", "相关工作人员的系统账号格式不正确");
        }
        if (staffUser != null && staffUser.equals(actor)) {
            throw new RuleViolation("RELATED_STAFF_RECUSAL", "您是申请人的近亲属，须回避，不能登记此申请", 403);
        }
        return staffUser;
    }

    /** The REST route: registers the application and starts its process in the same transaction. */
    @Transactional
    public DibaoCase submit(DibaoApplicationForm form, String actor) {
        DibaoCase registered = register(form, actor);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(DibaoApplicationProcess.KEY,
                registered.caseNumber(), Map.of(DibaoApplicationProcess.VAR_CASE_ID, registered.id()));
        cases.attachProcess(registered.id(), instance.getId());
        return cases.find(registered.id()).orElseThrow();
    }

    /**
     * A clerk registers applications of their own township only, whichever way the application comes in
     * (Tasklist's start form, the engine REST API, the project's API); district roles register for any.
     */
    private void requireOwnArea(DibaoApplicationForm form) {
        String township = form.household() == null ? null : form.household().townshipCode();
        if (township == null || !currentUser.isAuthenticated() || currentUser.maySee(township)) {
            return;
        }
        String name = regions.findCurrent(township).map(Region::name).orElse("所选乡镇（街道）");
        throw new RuleViolation("OUTSIDE_AREA", "您只能登记本乡镇（街道）的申请，" + name + "不在您的工作范围内", 403);
    }

    /** A decision of a step (受理, 审核, 审批, 公示异议), with who and why. */
    /**
     * 审核确认权限下放: the township's review confirms the case; recorded as the confirming decision of the
     * township's reviewer. Returns whether the district checks the case (抽查, {@link SamplingRule}).
     */
    public boolean confirmByTownship(long caseId, String caseNumber, String reviewedBy) {
        cases.recordDecision(caseId, DibaoApplicationProcess.TASK_CONFIRM_BY_TOWNSHIP, DibaoApplicationProcess.APPROVE,
                "审核确认权限下放：乡镇（街道）审核确认", reviewedBy);
        return SamplingRule.sampled(caseNumber, settings.getSamplingShare());
    }

    public void recordDecision(long caseId, String step, String decision, String comment, String actor) {
        cases.recordDecision(caseId, step, decision, comment, actor);
    }

    public void changeStatus(long caseId, CaseStatus status, String actor, String reason) {
        cases.changeStatus(caseId, status, actor, reason);
    }

    /** 公示 starts: the case is in notice until the returned moment (the engine's clock plus the notice period). */
    public Date startNotice(long caseId, String actor) {
        Date endsAt = after(EngineClock.now(), settings.getNoticePeriod());
        LocalDate end = endsAt.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        cases.changeStatus(caseId, CaseStatus.IN_NOTICE, actor, "公示至" + end);
        return endsAt;
    }

    /** The moment an ISO-8601 duration ("P7D") after another, as the engine's timers count it. */
    private static Date after(Date start, String duration) {
        GregorianCalendar calendar = new GregorianCalendar();
        calendar.setTime(start);
        try {
            DatatypeFactory.newInstance().newDuration(duration).addTo(calendar);
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return calendar.getTime();
    }

    /** 批准: the case pays from the month of approval or the next one, as bureau.dibao.start-month says. */
    public void activate(long caseId, String approvedBy) {
        cases.activate(caseId, settings.getStartMonth().after(EngineClock.today()).toString(), approvedBy);
    }

    /** What 计算家庭人均收入 found: the household assessed, its per-capita income, and a spending warning if any. */
    public record IncomeCheck(HouseholdIncomeService.Assessed household, BigDecimal perCapitaIncome,
                              Optional<String> spendingFlag, Map<String, Object> assetInputs) {
    }

    /** 受理: the applicant's written authorisation of the economic-status check, required to accept. */
    public void authoriseEconomicCheck(long caseId, boolean authorisationGiven, String clerk) {
        economicChecks.authorise(caseId, authorisationGiven, clerk);
    }

    /**
     * 入户调查 by at least two named investigators: the surveyor (the task's actor) and a second one, named on the
     * form; the one validation of the field, whichever way the task is completed. Returns the name, trimmed.
     */
    public String secondInvestigator(String raw, String surveyor) {
        String name = blankToNull(raw);
        if (name == null) {
            throw new RuleViolation("SECOND_INVESTIGATOR_MISSING",
                    "入户调查须由至少两名调查人员共同进行：请填写第二调查人姓名");
        }
        if (name.length() > 30) {
            throw new RuleViolation("INVALID_INVESTIGATOR", "第二调查人姓名不能超过30个字");
        }
        String problem = TextRules.nameProblem("第二调查人姓名", name);
        if (problem != null) {
            throw new RuleViolation("INVALID_INVESTIGATOR", problem);
        }
        if (isStaff(name, surveyor)) {
            throw new RuleViolation("SECOND_INVESTIGATOR_MISSING",
                    "第二调查人不能是您本人：入户调查须由至少两名调查人员共同进行");
        }
        return name;
    }

    /** The second investigator of the survey does not review the case at the township (审核与调查分离). */
    public void refuseInvestigatorAsReviewer(String secondInvestigator, String reviewer) {
        if (secondInvestigator != null && isStaff(secondInvestigator, reviewer)) {
            throw new RuleViolation("INVESTIGATOR_CANNOT_REVIEW", "回避：" + staffNames.of(reviewer)
                    + "是本案件入户调查的第二调查人，不能办理乡镇审核，请由其他审核人员办理", 403);
        }
    }

    /** Whether a name given on a form is this staff member: their account, or their name as the directory has it. */
    private boolean isStaff(String name, String userId) {
        if (userId == null) {
            return false;
        }
        String display = staffNames.of(userId);
        return name.equals(userId) || name.equals(display) || display.startsWith(name + "（");
    }

    /** The case's economic-status report as the surveyor's and reviewer's forms show it. */
    public String verificationReport(long caseId) {
        return economicChecks.reportText(caseId);
    }

    /** The verified report the asset rule reads: a case is never assessed unverified. */
    private EconomicStatusReport verifiedReport(long caseId) {
        return economicChecks.latestReport(caseId).orElseThrow(() -> new RuleViolation("NOT_VERIFIED",
                "本案件尚无家庭经济状况核对结果，不能核算：请等待核对完成"));
    }

    /** A benefit as calculated, with the asset rule's verdict that went into it. */
    public record Calculated(BenefitCalculation benefit, AssetRule.AssetCheck assets) {
    }

    /** 计算家庭人均收入, with the survey just recorded if the caller holds it. */
    public IncomeCheck checkIncome(long caseId, Survey recorded) {
        HouseholdIncomeService.Assessed household = recorded != null
                ? incomes.assess(caseId, Optional.of(recorded))
                : incomes.assess(caseId);
        IncomeAssessment assessment = IncomeCalculator.assess(household.assessed());
        BigDecimal declared = IncomeCalculator.assess(household.declared()).countedMonthlyIncome();
        return new IncomeCheck(household, assessment.perCapitaIncome(),
                settings.spendingCheck().flag(household.utilitiesMonthly(), declared),
                AssetRule.decisionInputs(verifiedReport(caseId), household.assessed().size()));
    }

    /**
     * 计算补助金额: the benefit from the standard the DMN table gave, saved on the case with a snapshot of the
     * household it used. The household as assessed in this transaction, or (after a wait state, null) read again.
     */
    public Calculated calculateBenefit(long caseId, AreaType area, StandardService.Standard standard,
                                       HouseholdIncomeService.Assessed assessed, Map<String, Object> assetDecision)
            throws JsonProcessingException {
        standards.checkAgainstWages(area, standard.monthlyStandard());
        HouseholdIncomeService.Assessed used = assessed != null ? assessed : incomes.assess(caseId);
        Household household = used.assessed();
        IncomeAssessment assessment = IncomeCalculator.assess(household);
        BenefitCalculation byIncome = BenefitCalculator.calculate(assessment.perCapitaIncome(),
                standard.monthlyStandard(), standard.categoryAddition(), assessment.householdSize());
        EconomicStatusReport report = verifiedReport(caseId);
        AssetRule.AssetCheck assets = assetRule.check(assetDecision, report, assessment.householdSize(),
                household.assetsValue());
        // assets above the line make the household ineligible whatever its income: nothing is paid
        BenefitCalculation benefit = assets.eligible() ? byIncome
                : new BenefitCalculation(byIncome.perCapitaIncome(), byIncome.monthlyStandard(),
                        byIncome.categoryAddition(), byIncome.householdSize(), Money.ZERO);
        cases.saveCalculation(caseId, benefit, json.writeValueAsString(
                CalculationSnapshot.of(household, assessment, benefit, area, report, assets, used.supporters())));
        return new Calculated(benefit, assets);
    }

    /** The calculation's verdict as the reviewer's form shows it. */
    static String eligibilityNote(BenefitCalculation benefit, AssetRule.AssetCheck assets) {
        if (!assets.eligible()) {
            return "不符合条件：" + assets.reason() + "（依据家庭经济状况核对结果）";
        }
        return benefit.eligible()
                ? "符合条件：人均收入低于低保标准，月补助" + Money.format(benefit.monthlyAmount()) + "元"
                : "不符合条件：人均收入" + Money.format(benefit.perCapitaIncome()) + "元不低于低保标准"
                        + Money.format(benefit.monthlyStandard()) + "元";
    }

    /** The decisions so far, for the approver: who decided what, when and why. */
    public String decisionsSoFar(long caseId) {
        List<DibaoCaseRepository.Decision> decisions = cases.decisions(caseId);
        Map<String, String> names = staffNames.of(decisions.stream().map(d -> d.decidedBy()).toList());
        return decisions.stream()
                .map(d -> d.decidedAt().format(WHEN) + "  " + STEP_NAMES.getOrDefault(d.step(), d.step()) + "  "
                        + names.getOrDefault(d.decidedBy(), d.decidedBy()) + "：" + DECISION_NAMES.getOrDefault(d.decision(), d.decision())
                        + (d.comment() == null ? "" : "（" + d.comment() + "）"))
                .collect(Collectors.joining("\n"));
    }

    /** A staff member as the forms name them: "李建国（岳村乡审核人）". */
    public String staffName(String userId) {
        return staffNames.of(userId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

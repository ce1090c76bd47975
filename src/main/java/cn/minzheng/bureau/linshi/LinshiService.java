package cn.minzheng.bureau.linshi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.StandardService;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdForm;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.linshi.LinshiRepository.LinshiCase;
import cn.minzheng.bureau.linshi.LinshiRepository.Registration;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramCase;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The rules of 临时救助 and what they write: registration (the household, the amount by DMN from the 低保
 * standard, 先行救助, the repeat interval), the township review (approval level by DMN, 一事一议 above the cap),
 * the district's approvals, and the grant as a one-off enrolment that the next LINSHI payroll pays once.
 * Called by the process's steps and by the controller alike.
 */
@Service
public class LinshiService {

    private final LinshiRepository cases;
    private final HouseholdRepository households;
    private final RegionRepository regions;
    private final StandardService standards;
    private final DecisionService decisions;
    private final EnrolmentRepository enrolments;
    private final LinshiSettings settings;
    private final ObjectMapper json;
    private final HouseholdValidator householdValidator;

    public LinshiService(LinshiRepository cases, HouseholdRepository households, RegionRepository regions,
                         StandardService standards, DecisionService decisions, EnrolmentRepository enrolments,
                         LinshiSettings settings, ObjectMapper json, HouseholdValidator householdValidator) {
        this.householdValidator = householdValidator;
        this.cases = cases;
        this.households = households;
        this.regions = regions;
        this.standards = standards;
        this.decisions = decisions;
        this.enrolments = enrolments;
        this.settings = settings;
        this.json = json;
    }

    /** What the clerk entered on the start form, as typed values (not yet checked against the household). */
    public record Application(String applicantIdNumber, AssistanceKind kind, HardshipLevel hardshipLevel, String reason,
                              SpendingType spendingType, BigDecimal spendingAmount, String spendingEvidence,
                              BigDecimal advanceAmount, String repeatExceptionReason, HouseholdForm newHousehold) {
    }

    /** The numbers of linshi-amount for a kind and level. */
    public record AmountRule(int standardMonths, BigDecimal advanceLimit) {
    }

    /** The approval level of linshi-approval for an amount, and the level's upper limit (the cap for 一事一议). */
    public record ApprovalRule(ApprovalLevel level, BigDecimal limit) {
    }

    public AmountRule amountRule(AssistanceKind kind, HardshipLevel level) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(LinshiProcess.AMOUNT_DECISION)
                .variables(Map.of("kind", kind.name(), "hardshipLevel", level.name())).evaluate().getSingleResult();
        return amountRule(result);
    }

    static AmountRule amountRule(Map<String, Object> result) {
        if (result == null) {
            throw new IllegalStateException("linshi-amount.dmn gave no rule");
        }
        return new AmountRule(((Number) result.get("standardMonths")).intValue(),
                Money.parse(result.get("advanceLimit"), "先行救助上限"));
    }

    public ApprovalRule approvalRule(BigDecimal amount) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(LinshiProcess.APPROVAL_DECISION)
                .variables(Map.of("amount", amount.doubleValue())).evaluate().getSingleResult();
        return approvalRule(result);
    }

    static ApprovalRule approvalRule(Map<String, Object> result) {
        if (result == null) {
            throw new IllegalStateException("linshi-approval gave no level");
        }
        return new ApprovalRule(ApprovalLevel.valueOf((String) result.get("approvalLevel")),
                Money.parse(result.get("levelLimit"), "审批权限上限"));
    }

    /** The monthly 低保 standard of the household's area (一般困难家庭), as the 低保 calculation reads it. */
    public BigDecimal monthlyStandard(Household household) {
        AreaType area = regions.find(household.communityCode()).or(() -> regions.find(household.townshipCode()))
                .map(r -> r.kind().areaType()).orElse(AreaType.RURAL);
        return standards.standardFor(area, CaseCategory.ORDINARY).monthlyStandard();
    }

    /** The registered household of the applicant, refused unless it is in one of the clerk's townships. */
    public Household household(String applicantIdNumber, List<String> groups) {
        if (applicantIdNumber == null || !ResidentIdNumber.isValid(applicantIdNumber)) {
            throw new RuleViolation("INVALID_ID_NUMBER", "申请人身份证号码“" + (applicantIdNumber == null ? "" : applicantIdNumber)
                    + "”无效");
        }
        long householdId = cases.householdOfMember(applicantIdNumber).orElseThrow(() -> new RuleViolation(
                "HOUSEHOLD_NOT_REGISTERED", "身份证号码为" + ResidentIdNumber.parse(applicantIdNumber).masked()
                + "的申请人尚未登记家庭信息，请先登记家庭", 404));
        Household household = households.find(householdId).orElseThrow();
        if (!groups.contains(Groups.clerk(household.townshipCode()))) {
            throw new RuleViolation("OUTSIDE_AREA", "您只能登记本乡镇（街道）家庭的临时救助申请", 403);
        }
        return household;
    }

    /**
     * A household not on record, registered from the application's start form (急难 cases often meet one): the same
     * household rules as every application ({@link HouseholdValidator}: ID numbers, area, one head, bank account), in
     * one of the clerk's townships, nobody of it on record already, the applicant one of its members. Not written here.
     */
    public Household newHousehold(HouseholdForm form, String applicantIdNumber, List<String> groups) {
        Household household = householdValidator.validate(form);
        if (!groups.contains(Groups.clerk(household.townshipCode()))) {
            throw new RuleViolation("OUTSIDE_AREA", "您只能登记本乡镇（街道）家庭的临时救助申请", 403);
        }
        List<String> ids = household.members().stream().map(m -> m.idNumber().value()).toList();
        if (!ids.contains(applicantIdNumber)) {
            throw new RuleViolation("APPLICANT_NOT_MEMBER", "申请人（身份证号码" + ResidentIdNumber.mask(applicantIdNumber)
                    + "）须是所登记家庭的成员");
        }
        java.util.Set<String> known = households.knownIdNumbers(ids);
        if (!known.isEmpty()) {
            throw new RuleViolation("HOUSEHOLD_ALREADY_REGISTERED", "身份证号码为" + String.join("、",
                    known.stream().map(ResidentIdNumber::mask).sorted().toList())
                    + "的成员已登记家庭信息，请勿重复登记：不勾选“新登记家庭”，直接填写申请人身份证号码", 409);
        }
        return household;
    }

    /**
     * 登记申请: every rule checked before anything is written; a household not on record is registered with it (then
     * the case); a 先行救助 is recorded as paid.
     */
    @Transactional
    public LinshiCase register(Application a, List<String> groups, String processInstanceId, String actor) {
        if (a.applicantIdNumber() == null || !ResidentIdNumber.isValid(a.applicantIdNumber())) {
            throw new RuleViolation("INVALID_ID_NUMBER", "申请人身份证号码“" + (a.applicantIdNumber() == null ? ""
                    : a.applicantIdNumber()) + "”无效");
        }
        Household household = a.newHousehold() == null ? household(a.applicantIdNumber(), groups)
                : newHousehold(a.newHousehold(), a.applicantIdNumber(), groups);
        if (a.kind() == null) {
            throw new RuleViolation("MISSING_DECISION", "请选择救助类型（急难型或支出型）");
        }
        if (a.hardshipLevel() == null) {
            throw new RuleViolation("MISSING_DECISION", "请选择困难程度");
        }
        LinshiRules.checkSpending(a.kind(), a.spendingType(), a.spendingAmount(), a.spendingEvidence());
        AmountRule rule = amountRule(a.kind(), a.hardshipLevel());
        BigDecimal advance = Money.of(a.advanceAmount());
        LinshiRules.checkAdvance(a.kind(), advance, rule.advanceLimit());
        if (household.id() != null && cases.hasOpenCase(household.id())) {
            throw new RuleViolation("CASE_OPEN", "该家庭已有办理中的临时救助申请", 409);
        }
        LocalDate today = EngineClock.today();
        LocalDate lastGrant = household.id() == null ? null : cases.lastGrantOn(household.id()).orElse(null);
        boolean repeat = LinshiRules.withinRepeatInterval(lastGrant, today, settings.getRepeatIntervalMonths());
        if (repeat && (a.repeatExceptionReason() == null || a.repeatExceptionReason().isBlank())) {
            throw new RuleViolation("REPEAT_WITHIN_INTERVAL", "该家庭已于" + lastGrant + "获得临时救助，距今不足"
                    + settings.getRepeatIntervalMonths() + "个月；确需再次救助的，请填写例外理由，报区民政局审批", 409);
        }
        BigDecimal standard = monthlyStandard(household);
        BigDecimal amount = LinshiRules.standardAmount(a.kind(), standard, rule.standardMonths(), a.spendingAmount());
        if (household.id() == null) {
            household = households.find(households.insert(household)).orElseThrow();
        }
        Registration registration = new Registration(household.id(), household.townshipCode(), a.kind(),
                a.hardshipLevel(), a.reason(), a.kind() == AssistanceKind.EXPENDITURE ? a.spendingType() : null,
                a.kind() == AssistanceKind.EXPENDITURE ? Money.of(a.spendingAmount()) : null,
                a.kind() == AssistanceKind.EXPENDITURE ? a.spendingEvidence() : null, standard, amount, advance,
                repeat ? lastGrant : null, repeat ? a.repeatExceptionReason() : null);
        long id = cases.register(registration, processInstanceId, actor);
        LinshiCase registered = cases.find(id).orElseThrow();
        enrolments.mirror(programCase(registered, EnrolmentStatus.APPLIED, amount, null), actor, "临时救助申请登记");
        return registered;
    }

    /** 补办先行救助手续 within five working days. */
    @Transactional
    public void completePaperwork(long caseId, String note, String actor) {
        cases.paperworkCompleted(get(caseId), note, actor);
    }

    /**
     * 乡镇（街道）审核: approve with the standard amount or a proposal of the township's, or refuse. Returns the
     * route: the approval the amount needs by linshi-approval (a repeat within the interval goes to the district
     * whatever the amount), or {@code REFUSE}.
     */
    @Transactional
    public String reviewByTownship(long caseId, boolean approve, BigDecimal proposedAmount, String caseByCaseReason,
                                   String comment, String actor) {
        LinshiCase c = get(caseId);
        requireOpen(c);
        if (!approve) {
            cases.reviewedByTownship(c, null, null, null, false, comment, actor);
            return LinshiProcess.REFUSE;
        }
        if (proposedAmount != null && proposedAmount.signum() <= 0) {
            throw new RuleViolation("INVALID_AMOUNT", "拟救助金额须大于0元");
        }
        BigDecimal amount = proposedAmount != null ? proposedAmount : c.standardAmount();
        ApprovalRule rule = approvalRule(amount);
        LinshiRules.checkCaseByCase(rule.level(), amount, rule.limit(), caseByCaseReason);
        cases.reviewedByTownship(c, proposedAmount, rule.level() == ApprovalLevel.CASE_BY_CASE ? caseByCaseReason : null,
                rule.level(), true, comment, actor);
        if (rule.level() == ApprovalLevel.TOWNSHIP && c.repeatExceptionReason() != null) {
            return ApprovalLevel.DISTRICT.name();
        }
        return rule.level().name();
    }

    /** 区民政局审批 (and the repeat exception, when there is one). */
    @Transactional
    public void approveByDistrict(long caseId, boolean approve, String comment, String actor) {
        LinshiCase c = get(caseId);
        requireOpen(c);
        cases.approvedByDistrict(c, approve, comment, actor);
    }

    /** 一事一议: the second district approver. */
    @Transactional
    public void approveBySecond(long caseId, boolean approve, String comment, String actor) {
        LinshiCase c = get(caseId);
        requireOpen(c);
        cases.approvedBySecond(c, approve, comment, actor);
    }

    /**
     * 批准救助: the one-off enrolment becomes active with what the payroll pays (the grant less the 先行救助), its
     * calculation frozen; the next LINSHI payroll pays it once.
     */
    @Transactional
    public Enrolment grant(long caseId, String actor) {
        LinshiCase c = get(caseId);
        requireOpen(c);
        BigDecimal granted = c.amountToDecide();
        BigDecimal paid = LinshiRules.paidAmount(granted, c.advanceAmount());
        LocalDate today = EngineClock.today();
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("kind", c.kind().name());
        snapshot.put("hardshipLevel", c.hardshipLevel().name());
        snapshot.put("monthlyStandard", c.monthlyStandard());
        snapshot.put("standardAmount", c.standardAmount());
        if (c.spendingAmount() != null) {
            snapshot.put("spendingAmount", c.spendingAmount());
        }
        snapshot.put("proposedAmount", c.proposedAmount());
        snapshot.put("approvalLevel", c.approvalLevel() == null ? null : c.approvalLevel().name());
        snapshot.put("grantedAmount", granted);
        snapshot.put("advanceAmount", c.advanceAmount());
        snapshot.put("paidAmount", paid);
        snapshot.put("decidedOn", today.toString());
        Enrolment enrolment = enrolments.mirror(programCase(c, EnrolmentStatus.ACTIVE, paid, write(snapshot)),
                actor, "临时救助批准，一次性发放" + Money.format(paid) + "元");
        cases.granted(c, granted, paid, enrolment.id(), today, actor);
        return enrolment;
    }

    /** 不予救助. */
    @Transactional
    public void refuse(long caseId, String actor) {
        LinshiCase c = get(caseId);
        requireOpen(c);
        enrolments.mirror(programCase(c, EnrolmentStatus.REFUSED, c.standardAmount(), null), actor, "不予临时救助");
        cases.refused(c, EngineClock.today(), actor);
    }

    public LinshiCase get(long caseId) {
        return cases.find(caseId).orElseThrow(() -> RuleViolation.notFound("临时救助案件" + caseId));
    }

    /** What the forms show of a case. */
    public String summary(LinshiCase c) {
        StringBuilder s = new StringBuilder();
        s.append("救助类型：").append(c.kind().label()).append("；困难程度：").append(c.hardshipLevel().label()).append('\n');
        s.append("申请事由：").append(c.reason()).append('\n');
        if (c.spendingType() != null) {
            s.append("必需支出：").append(c.spendingType().label()).append(' ').append(Money.format(c.spendingAmount()))
                    .append("元；凭证：").append(c.spendingEvidence()).append('\n');
        }
        s.append("月低保标准：").append(Money.format(c.monthlyStandard())).append("元；标准救助金额：")
                .append(Money.format(c.standardAmount())).append("元\n");
        if (c.advanceAmount().signum() > 0) {
            s.append("已先行救助：").append(Money.format(c.advanceAmount())).append("元（批准后从救助金中扣除）\n");
        }
        if (c.paperworkNote() != null) {
            s.append("补办手续：").append(c.paperworkNote()).append('\n');
        }
        if (c.repeatExceptionReason() != null) {
            s.append("该家庭已于").append(c.previousGrantOn()).append("获得临时救助，间隔不足")
                    .append(settings.getRepeatIntervalMonths()).append("个月，申请例外：").append(c.repeatExceptionReason())
                    .append('\n');
        }
        if (c.approvalLevel() != null) {
            s.append("乡镇（街道）审核：拟救助").append(Money.format(c.amountToDecide())).append("元，")
                    .append(c.approvalLevel().label());
            if (c.caseByCaseReason() != null) {
                s.append("，一事一议理由：").append(c.caseByCaseReason());
            }
            if (c.townshipComment() != null) {
                s.append("；意见：").append(c.townshipComment());
            }
            s.append('\n');
        }
        if (c.districtApprovedBy() != null) {
            s.append("区民政局审批意见：").append(c.districtComment()).append('\n');
        }
        return s.toString().strip();
    }

    public String caseNumber(LinshiCase c) {
        return "LS" + c.registeredAt().toLocalDateTime().getYear() + "-" + String.format("%05d", c.id());
    }

    public String townshipName(LinshiCase c) {
        return regions.find(c.townshipCode()).map(Region::name).orElse(c.townshipCode());
    }

    public String communityName(Household household) {
        return regions.find(household.communityCode()).map(Region::name).orElse(household.communityCode());
    }

    public Household householdOf(LinshiCase c) {
        return households.find(c.householdId()).orElseThrow();
    }

    private static void requireOpen(LinshiCase c) {
        if (c.status() != LinshiStatus.REGISTERED) {
            throw new RuleViolation("CASE_CLOSED", "临时救助案件已经办结（" + c.status().label() + "）", 409);
        }
    }

    private static ProgramCase programCase(LinshiCase c, EnrolmentStatus status, BigDecimal amount, String snapshot) {
        return new ProgramCase(Program.LINSHI, c.id(), c.householdId(), null, c.townshipCode(), status, amount,
                status == EnrolmentStatus.ACTIVE ? YearMonth.from(EngineClock.today()).toString() : null, snapshot);
    }

    private String write(Map<String, Object> snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

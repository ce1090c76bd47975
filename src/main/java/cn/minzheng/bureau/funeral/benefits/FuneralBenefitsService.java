package cn.minzheng.bureau.funeral.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.FormDate;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.funeral.DeathRecord;
import cn.minzheng.bureau.funeral.DeathRegistrationRepository;
import cn.minzheng.bureau.funeral.DeathRegistrationRepository.Person;
import cn.minzheng.bureau.funeral.DeathStatus;
import cn.minzheng.bureau.funeral.benefits.FuneralBenefitsRepository.MonthTotal;
import cn.minzheng.bureau.funeral.benefits.FuneralBenefitsRepository.NewClaim;
import cn.minzheng.bureau.funeral.benefits.FuneralBenefitsRepository.NewReward;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramCase;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The rules of 惠民殡葬 and 生态安葬 and what they write: a funeral home's claim for a confirmed, cremated death of
 * an entitled person (funeral-fee-entitlement.dmn over the enrolments of the month of death, each fee waived up to
 * funeral-basic-fees.dmn), the township's verification, the monthly settlement with each funeral home, and the
 * family's eco-burial reward (funeral-eco-burial-amount.dmn) paid once through the ECO_BURIAL payroll. Called by the
 * steps and the controller alike; every rule is checked before anything is written.
 */
@Service
public class FuneralBenefitsService {

    public static final String ENTITLEMENT_DECISION = "funeral-fee-entitlement";
    public static final String FEES_DECISION = "funeral-basic-fees";
    public static final String ECO_DECISION = "funeral-eco-burial-amount";
    public static final String PROGRAM = "ECO_BURIAL";

    private final FuneralBenefitsRepository benefits;
    private final DeathRegistrationRepository deaths;
    private final EnrolmentRepository enrolments;
    private final DecisionService decisions;
    private final RegionRepository regions;

    public FuneralBenefitsService(FuneralBenefitsRepository benefits, DeathRegistrationRepository deaths,
                                  EnrolmentRepository enrolments, DecisionService decisions, RegionRepository regions) {
        this.benefits = benefits;
        this.deaths = deaths;
        this.enrolments = enrolments;
        this.decisions = decisions;
        this.regions = regions;
    }

    /** What the funeral home's start form (or /api) sends, as sent. */
    public record ClaimForm(Object deceasedIdNumber, Object invoiceNumber, Object transportFee, Object storageFee,
                            Object cremationFee, Object ashStorageFee) {
    }

    /** An entitlement as the DMN gives it: its code and label. */
    public record Entitlement(String code, String label) {
    }

    /** 殡仪馆申报减免. */
    @Transactional
    public FeeClaim submitClaim(ClaimForm form, List<String> groups, String processInstanceId, String actor) {
        FuneralHome home = benefits.funeralHomeOf(groups).orElseThrow(() -> new RuleViolation("FUNERAL_HOME_ONLY",
                "只有殡仪馆的工作人员可以申报惠民殡葬减免", 403));
        DeathRecord death = confirmedDeath(form.deceasedIdNumber());
        if (!death.cremated()) {
            throw new RuleViolation("NOT_CREMATED", death.personName() + "未火化，不属于基本殡葬服务费减免", 422);
        }
        benefits.claimFor(death.id()).ifPresent(existing -> {
            throw new RuleViolation("ALREADY_CLAIMED", death.personName() + "的基本殡葬服务费已申报减免（"
                    + existing.claimNumber() + "，" + existing.status().label() + "），每位死者只减免一次", 409);
        });
        String invoice = TextRules.required(form.invoiceNumber(), "收费票据号", 40);
        Map<FeeService, BigDecimal> fees = new EnumMap<>(FeeService.class);
        fees.put(FeeService.TRANSPORT, Money.parse(form.transportFee(), "遗体接运费"));
        fees.put(FeeService.STORAGE, Money.parse(form.storageFee(), "遗体暂存费"));
        fees.put(FeeService.CREMATION, Money.parse(form.cremationFee(), "火化费"));
        fees.put(FeeService.ASH_STORAGE, Money.parse(form.ashStorageFee(), "骨灰寄存费"));
        if (fees.values().stream().allMatch(f -> f.signum() == 0)) {
            throw new RuleViolation("NO_FEES", "请填写殡仪馆收取的基本殡葬服务费");
        }
        Entitlement entitlement = entitlement(programsAtDeath(death)).orElseThrow(() -> new RuleViolation("NOT_ENTITLED",
                death.personName() + "死亡时（" + YearMonth.from(death.deathDate())
                        + "）不属于惠民殡葬减免对象（特困供养人员、低保家庭成员、重点优抚对象），殡葬费用不予减免", 422));
        BigDecimal waived = FuneralRules.waived(fees, caps());
        long id = benefits.insertClaim(new NewClaim(death.id(), home.id(), death.townshipCode(), invoice, entitlement.code(),
                fees.get(FeeService.TRANSPORT), fees.get(FeeService.STORAGE), fees.get(FeeService.CREMATION),
                fees.get(FeeService.ASH_STORAGE), waived), EngineClock.today().getYear(), processInstanceId, actor);
        return claim(id);
    }

    /** The programs the deceased was in in the month of death. */
    public List<String> programsAtDeath(DeathRecord death) {
        return benefits.programsInMonth(death.idNumber(), YearMonth.from(death.deathDate()).toString());
    }

    /** funeral-fee-entitlement.dmn over those programs; empty when none entitles. */
    public java.util.Optional<Entitlement> entitlement(List<String> programs) {
        DmnDecisionResultEntries first = decisions.evaluateDecisionByKey(ENTITLEMENT_DECISION)
                .variables(Map.of("tekun", programs.contains(Program.TEKUN), "dibao", programs.contains(Program.DIBAO),
                        "youfu", programs.contains(Program.YOUFU)))
                .evaluate().getFirstResult();
        return first == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Entitlement(first.getEntry("entitlement"), first.getEntry("entitlementLabel")));
    }

    /** funeral-basic-fees.dmn: each service's cap. */
    public Map<FeeService, BigDecimal> caps() {
        Map<FeeService, BigDecimal> caps = new EnumMap<>(FeeService.class);
        for (FeeService service : FeeService.values()) {
            Object cap = decisions.evaluateDecisionByKey(FEES_DECISION).variables(Map.of("service", service.name()))
                    .evaluate().getSingleResult().getEntry("cap");
            caps.put(service, Money.parse(cap, service.label() + "减免标准"));
        }
        return caps;
    }

    /** 乡镇（街道）核实: verified (settled with the month of verification) or refused with its reason. */
    @Transactional
    public boolean verifyClaim(long id, String decision, String comment, String reviewer) {
        FeeClaim claim = claim(id);
        if (claim.status() != ClaimStatus.SUBMITTED) {
            throw new RuleViolation("ALREADY_DECIDED", "减免申报" + claim.claimNumber() + "已核实", 409);
        }
        String reason = TextRules.optional(comment, "核实意见", 1000);
        if (FeeWaiverProcess.REFUSE.equals(decision)) {
            if (reason == null) {
                throw new RuleViolation("MISSING_REASON", "不予减免须写明理由");
            }
            benefits.refuseClaim(id, reviewer, reason);
            return false;
        }
        if (!FeeWaiverProcess.VERIFY.equals(decision)) {
            throw new RuleViolation("MISSING_DECISION", "请选择核实结果（属实或不予减免）");
        }
        benefits.verifyClaim(id, reviewer, reason, YearMonth.from(EngineClock.today()).toString());
        return true;
    }

    /**
     * 月度结算: one payment per funeral home of the month's verified claims; a month is settled once (a second
     * settlement of it is refused, and the table's unique key refuses it whatever the code does).
     */
    @Transactional
    public List<Settlement> settle(Object monthValue, String actor, String processInstanceId) {
        String month = FuneralRules.settlementMonth(monthValue, EngineClock.today()).toString();
        if (!benefits.settlements(month).isEmpty()) {
            throw new RuleViolation("ALREADY_SETTLED", month + "的惠民殡葬减免已结算，同一月份只结算一次", 409);
        }
        List<MonthTotal> totals = benefits.unsettled(month);
        if (totals.isEmpty()) {
            throw new RuleViolation("NOTHING_TO_SETTLE", month + "没有乡镇（街道）核实的惠民殡葬减免，无需结算", 422);
        }
        for (MonthTotal total : totals) {
            benefits.settle(total, month, actor, processInstanceId);
        }
        return benefits.settlements(month);
    }

    /** What the family's start form (or /api) sends, as sent. */
    public record RewardForm(Object deceasedIdNumber, Object payeeIdNumber, Object burialDate, Object burialPlace) {
    }

    /** 生态安葬奖补申请: a clerk of the deceased's township; the amount from the standard of the burial. */
    @Transactional
    public EcoBurialReward registerReward(RewardForm form, List<String> groups, String processInstanceId, String actor) {
        DeathRecord death = confirmedDeath(form.deceasedIdNumber());
        if (!groups.contains(Groups.clerk(death.townshipCode()))) {
            throw new RuleViolation("OUTSIDE_AREA", "您只能受理本乡镇（街道）居民的生态安葬奖补", 403);
        }
        if (!death.burialKind().ecological()) {
            throw new RuleViolation("NOT_ECOLOGICAL", death.personName() + "的安葬方式为" + death.burialKind().label()
                    + "，不属于生态安葬（树葬、花葬、海葬），不予奖补", 422);
        }
        benefits.rewardFor(death.id()).ifPresent(existing -> {
            throw new RuleViolation("ALREADY_REWARDED", death.personName() + "的生态安葬奖补已申请（"
                    + existing.rewardNumber() + "，" + existing.status().label() + "），每位死者只奖补一次", 409);
        });
        ResidentIdNumber payeeId = idNumber(form.payeeIdNumber(), "申请家属身份证号码");
        if (payeeId.value().equals(death.idNumber())) {
            throw new RuleViolation("PAYEE_IS_DECEASED", "申请家属不能是死者本人");
        }
        Person payee = deaths.person(payeeId.value()).orElseThrow(() -> new RuleViolation("PAYEE_NOT_A_RESIDENT",
                "身份证号码为" + payeeId.masked() + "的申请家属不是登记在册的家庭成员", 404));
        if (payee.diedOn() != null) {
            throw new RuleViolation("PAYEE_DECEASED", payee.name() + "已故，不能作为申请家属");
        }
        LocalDate burialDate = FormDate.parse(form.burialDate(), "安葬日期");
        FuneralRules.checkBurialDate(burialDate, death.deathDate(), EngineClock.today());
        String place = TextRules.required(form.burialPlace(), "安葬地点", 200);
        BigDecimal amount = ecoAmount(death.burialKind().name());
        long id = benefits.insertReward(new NewReward(death.id(), death.burialKind().name(), burialDate, place,
                        payeeId.value(), payee.name(), payee.householdId(), death.townshipCode(), amount),
                EngineClock.today().getYear(), processInstanceId, actor);
        return reward(id);
    }

    /** funeral-eco-burial-amount.dmn: the reward for a kind of eco-burial. */
    public BigDecimal ecoAmount(String burialKind) {
        return Money.parse(decisions.evaluateDecisionByKey(ECO_DECISION).variables(Map.of("burialKind", burialKind))
                .evaluate().getSingleResult().getEntry("amount"), "生态安葬奖补标准");
    }

    /** 乡镇（街道）审核: true to grant; a refusal needs its reason and frees the death for a corrected application. */
    @Transactional
    public boolean reviewReward(long id, String decision, String comment, String reviewer) {
        EcoBurialReward reward = reward(id);
        if (reward.status() != RewardStatus.REGISTERED) {
            throw new RuleViolation("ALREADY_DECIDED", "生态安葬奖补" + reward.rewardNumber() + "已审核", 409);
        }
        String reason = TextRules.optional(comment, "审核意见", 1000);
        if (EcoBurialProcess.REFUSE.equals(decision)) {
            if (reason == null) {
                throw new RuleViolation("MISSING_REASON", "不予奖补须写明理由");
            }
            benefits.refuseReward(id, reviewer, reason);
            return false;
        }
        if (!EcoBurialProcess.GRANT.equals(decision)) {
            throw new RuleViolation("MISSING_DECISION", "请选择审核结果（给予奖补或不予奖补）");
        }
        return true;
    }

    /** 给予奖补: the payee's ECO_BURIAL enrolment, paid once by the next payroll of the program. */
    @Transactional
    public EcoBurialReward grantReward(long id, String reviewer, String comment) {
        EcoBurialReward r = reward(id);
        if (r.status() != RewardStatus.REGISTERED) {
            throw new IllegalStateException("eco-burial reward " + id + " was decided already");
        }
        Enrolment enrolment = enrolments.mirror(new ProgramCase(PROGRAM, r.id(), r.householdId(), r.payeeIdNumber(),
                r.townshipCode(), EnrolmentStatus.ACTIVE, r.amount(), YearMonth.from(EngineClock.today()).toString(),
                "{\"burialKind\":\"" + r.burialKind().name() + "\",\"amount\":\"" + Money.format(r.amount()) + "\"}"),
                reviewer, "生态安葬奖补（" + r.burialKind().label() + "），一次性发放" + Money.format(r.amount()) + "元");
        benefits.grantReward(id, reviewer, TextRules.optional(comment, "审核意见", 1000), enrolment.id());
        return reward(id);
    }

    public FeeClaim claim(long id) {
        return benefits.claim(id).orElseThrow(() -> RuleViolation.notFound("惠民殡葬减免申报" + id));
    }

    public EcoBurialReward reward(long id) {
        return benefits.reward(id).orElseThrow(() -> RuleViolation.notFound("生态安葬奖补" + id));
    }

    public DeathRecord death(long deathRecordId) {
        return deaths.find(deathRecordId).orElseThrow(() -> RuleViolation.notFound("死亡登记" + deathRecordId));
    }

    /** What the verification form shows of a claim. */
    public String claimSummary(FeeClaim c, DeathRecord d, String homeName) {
        List<String> lines = new ArrayList<>();
        lines.add("死者：" + d.personName() + "，身份证号码" + ResidentIdNumber.mask(d.idNumber()) + "，死亡日期" + d.deathDate()
                + "（死亡登记" + d.recordNumber() + "）");
        lines.add("减免对象类别：" + entitlementLabel(c.entitlement()) + "（死亡当月在册的救助项目）");
        lines.add("申报殡仪馆：" + homeName + "，收费票据号" + c.invoiceNumber());
        lines.add("收费：遗体接运" + Money.format(c.transportFee()) + "元，遗体暂存" + Money.format(c.storageFee()) + "元，火化"
                + Money.format(c.cremationFee()) + "元，骨灰寄存" + Money.format(c.ashStorageFee()) + "元");
        lines.add("按标准减免：" + Money.format(c.waivedAmount()) + "元");
        return String.join("\n", lines);
    }

    private static String entitlementLabel(String code) {
        return switch (code) {
            case Program.TEKUN -> "特困供养人员";
            case Program.DIBAO -> "低保家庭成员";
            case Program.YOUFU -> "重点优抚对象";
            default -> code;
        };
    }

    /** What the review form shows of a reward. */
    public String rewardSummary(EcoBurialReward r, DeathRecord d) {
        return "死者：" + d.personName() + "，死亡日期" + d.deathDate() + "（死亡登记" + d.recordNumber() + "）\n"
                + "安葬方式：" + r.burialKind().label() + "，安葬日期" + r.burialDate() + "，安葬地点" + r.burialPlace() + '\n'
                + "申请家属：" + r.payeeName() + "（身份证号码" + ResidentIdNumber.mask(r.payeeIdNumber()) + "）\n"
                + "按标准奖补：" + Money.format(r.amount()) + "元";
    }

    public String regionName(String code) {
        return regions.find(code).map(Region::name).orElse(code);
    }

    public String funeralHomeName(long id) {
        return benefits.funeralHomes().stream().filter(h -> h.id() == id).map(FuneralHome::name).findFirst()
                .orElse(String.valueOf(id));
    }

    private DeathRecord confirmedDeath(Object idValue) {
        ResidentIdNumber id = idNumber(idValue, "死者身份证号码");
        DeathRecord death = deaths.recordedFor(id.value()).orElseThrow(() -> new RuleViolation("DEATH_NOT_RECORDED",
                "身份证号码为" + id.masked() + "的死者没有死亡登记，请先由乡镇（街道）登记死亡", 404));
        if (death.status() != DeathStatus.CONFIRMED) {
            throw new RuleViolation("DEATH_NOT_CONFIRMED", death.personName() + "的死亡登记（" + death.recordNumber()
                    + "）尚未经乡镇（街道）审核确认", 422);
        }
        return death;
    }

    private static ResidentIdNumber idNumber(Object value, String label) {
        String text = value == null ? "" : value.toString().trim();
        if (text.isEmpty()) {
            throw new RuleViolation("MISSING_FIELD", label + "不能为空");
        }
        if (!ResidentIdNumber.isValid(text)) {
            throw new RuleViolation("INVALID_ID_NUMBER", label + "“" + text + "”无效");
        }
        return ResidentIdNumber.parse(text);
    }
}

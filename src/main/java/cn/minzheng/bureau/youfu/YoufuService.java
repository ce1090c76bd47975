package cn.minzheng.bureau.youfu;

import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The rules of 优抚对象认定: registration with evidence (one validation for Tasklist's start form, the engine REST
 * API and /api), the decisions, 认定 with the month's standard from youfu-allowance.dmn, refusal, and the amounts
 * a payroll month's standard gives. {@link YoufuSteps} calls it with what the process holds.
 */
@Service
public class YoufuService {

    private final HouseholdRepository households;
    private final YoufuRepository recipients;
    private final YoufuAllowance allowance;
    private final RegionRepository regions;
    private final CurrentUser currentUser;
    private final YoufuChangeRepository changes;

    public YoufuService(HouseholdRepository households, YoufuRepository recipients, YoufuAllowance allowance, RegionRepository regions,
                        CurrentUser currentUser, YoufuChangeRepository changes) {
        this.households = households;
        this.changes = changes;
        this.recipients = recipients;
        this.allowance = allowance;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    /** A registration and the names the forms show. */
    public record Registered(YoufuRecipient recipient, String townshipName, String communityName) {
    }

    /**
     * Validates and registers: the person is a registered household member of the user's township, not on the
     * register already, and the category's evidence is complete and in form. Bad input throws before anything is
     * written.
     */
    @Transactional
    public Registered register(Object idNumberValue, YoufuRules.Form form, String processInstanceId, String actor) {
        String idNumber = ResidentIdNumber.require(idNumberValue, "身份证号");
        HouseholdRepository.Resident person = person(idNumber);
        Region township = regions.findCurrent(person.townshipCode()).orElseThrow();
        if (currentUser.isAuthenticated() && !currentUser.maySee(person.townshipCode())) {
            throw new RuleViolation("OUTSIDE_AREA", "您只能登记本乡镇（街道）的优抚对象，" + person.name() + "的户籍在"
                    + township.name(), 403);
        }
        recipients.findOpen(idNumber).ifPresent(open -> {
            throw new RuleViolation("ALREADY_REGISTERED", person.name() + "（身份证号" + idNumber + "）已在优抚对象名册中："
                    + open.category().label() + "，" + open.status().label() + "（" + open.caseNumber() + "），不能重复登记", 409);
        });
        boolean rural = township.kind().areaType() == AreaType.RURAL;
        YoufuRules.Evidence evidence = YoufuRules.evidence(form,
                new YoufuRules.Person(person.name(), person.birthDate(), rural), LocalDate.now());
        YoufuRecipient created = recipients.insert(new YoufuRepository.NewRecipient(person.householdId(),
                person.townshipCode(), idNumber, person.name(), evidence), processInstanceId, actor);
        String community = regions.findCurrent(person.communityCode()).map(Region::name).orElse("");
        return new Registered(created, township.name(), community);
    }

    private HouseholdRepository.Resident person(String idNumber) {
        return households.resident(idNumber).orElseThrow(() -> new RuleViolation("PERSON_NOT_FOUND", "身份证号"
                + idNumber + "不在户籍家庭信息中，请先登记其家庭", 404));
    }

    public YoufuRecipient get(long id) {
        return recipients.find(id).orElseThrow(() -> RuleViolation.notFound("优抚对象登记" + id));
    }

    public void recordDecision(long id, String step, String decision, String comment, String actor) {
        recipients.recordDecision(id, step, decision, comment, actor);
    }

    /** 认定: on the register from the month after the approval, at that month's standard. */
    @Transactional
    public YoufuRecipient activate(long id, String actor) {
        YoufuRecipient r = requireStatus(id, YoufuStatus.APPLIED);
        YearMonth start = YearMonth.now().plusMonths(1);
        YoufuAllowance.Amount amount = amountOf(r, start);
        return recipients.activate(id, start.toString(), amount.monthly(), amount.snapshot(), actor);
    }

    @Transactional
    public YoufuRecipient refuse(long id, String reason, String actor) {
        requireStatus(id, YoufuStatus.APPLIED);
        return recipients.close(id, YoufuStatus.REFUSED, reason, actor);
    }

    /**
     * The payroll of {@code month}: every recipient it pays gets that year's standard (a new year's table changes
     * the next payroll). Returns how many amounts changed.
     */
    @Transactional
    public int updateAmounts(String month) {
        YearMonth ym = YearMonth.parse(month);
        int changed = 0;
        for (YoufuRecipient r : recipients.payable(month)) {
            YoufuAllowance.Amount amount = amountInForce(r, ym);
            if (r.monthlyAmount() == null || amount.monthly().compareTo(r.monthlyAmount()) != 0) {
                recipients.changeAmount(r.id(), amount.monthly(), amount.snapshot(), month);
                changed++;
            }
        }
        return changed;
    }

    /**
     * The amount of a payroll month: the evidence in force that month (a grade or category change approved for a
     * later month leaves the month at the old grade), at that year's standard.
     */
    YoufuAllowance.Amount amountInForce(YoufuRecipient r, YearMonth month) {
        return changes.firstEffectiveAfter(r.id(), month.toString())
                .map(c -> allowance.forMonth(c.oldCategory(), c.oldDisabilityCause(), c.oldDisabilityGrade(), month))
                .orElseGet(() -> amountOf(r, month));
    }

    /** The person of a registration as the registration rules see them (birth date, rural township). */
    YoufuRules.Person rulesPerson(String idNumber) {
        HouseholdRepository.Resident person = person(idNumber);
        Region township = regions.findCurrent(person.townshipCode()).orElseThrow();
        return new YoufuRules.Person(person.name(), person.birthDate(), township.kind().areaType() == AreaType.RURAL);
    }

    YoufuAllowance.Amount amountOf(YoufuRecipient r, YearMonth month) {
        return allowance.forMonth(r.category(), r.disabilityCause(), r.disabilityGrade(), month);
    }

    private YoufuRecipient requireStatus(long id, YoufuStatus expected) {
        YoufuRecipient r = get(id);
        if (r.status() != expected) {
            throw new RuleViolation("RECIPIENT_STATUS", "优抚对象登记" + r.caseNumber() + "当前为“" + r.status().label()
                    + "”，不能办理此操作", 409);
        }
        return r;
    }

    /** What the forms show of the registration. */
    public String summary(YoufuRecipient r) {
        StringBuilder s = new StringBuilder(r.personName()).append("，").append(r.category().label());
        if (r.disabilityGrade() != null) {
            s.append("（").append(r.disabilityCause().label()).append(YoufuRules.chineseGrade(r.disabilityGrade()))
                    .append("，").append(r.assessedDate()).append("评定）");
        }
        s.append("；").append(r.category().certificate()).append(r.certificateNumber());
        if (r.deceasedName() != null) {
            s.append("；").append(r.deceasedName()).append("，").append(r.deathDate()).append("牺牲（病故）");
        }
        if (r.enlistmentDate() != null) {
            s.append("；").append(r.enlistmentDate()).append("入伍，").append(r.dischargeDate()).append("退伍（复员）");
        }
        return s.toString();
    }

    /** The standard the approval would pay from next month. */
    public String amountSummary(YoufuRecipient r) {
        YoufuAllowance.Amount a = amountOf(r, YearMonth.now().plusMonths(1));
        return a.month().getYear() + "年标准" + a.annualStandard().setScale(2) + "元/年，每月" + a.monthly() + "元";
    }
}

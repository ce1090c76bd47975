package cn.minzheng.bureau.resettlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.FormDate;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.deadline.StatutoryTimeLimits;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.ProgramCase;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The rules of 退役士兵安置 and what they write: the arrival registration (one validation for Tasklist's start form,
 * the engine REST API and /api, all checked before anything is written), the route of resettlement-route.dmn, the
 * district's review, the one-off economic grant of resettlement-grant.dmn paid once through the RESETTLE_GRANT
 * payroll, the receiving unit with its report-in limit (the shared statutory_time_limit), and the hand-over of
 * 退休 / 供养 cases. {@link ResettlementSteps} calls it with what the process holds.
 */
@Service
public class ResettlementService {

    public static final String PROGRAM = "RESETTLE_GRANT";
    public static final String ROUTE_DECISION = "resettlement-route";
    public static final String GRANT_DECISION = "resettlement-grant";

    private final HouseholdRepository households;
    private final ResettlementRepository resettlements;
    private final EnrolmentRepository enrolments;
    private final DecisionService decisions;
    private final RegionRepository regions;
    private final CurrentUser currentUser;
    private final StatutoryTimeLimits timeLimits;
    private final ResettlementSettings settings;

    public ResettlementService(HouseholdRepository households, ResettlementRepository resettlements, EnrolmentRepository enrolments,
                               DecisionService decisions, RegionRepository regions, CurrentUser currentUser,
                               StatutoryTimeLimits timeLimits, ResettlementSettings settings) {
        this.households = households;
        this.resettlements = resettlements;
        this.enrolments = enrolments;
        this.decisions = decisions;
        this.regions = regions;
        this.currentUser = currentUser;
        this.timeLimits = timeLimits;
        this.settings = settings;
    }

    /** A registration and the names the forms show. */
    public record Registered(Resettlement resettlement, String townshipName, String communityName) {
    }

    /** The route and why, as resettlement-route.dmn gives it. */
    public record Route(PlacementRoute route, String reason) {
    }

    /** 报到登记: the person on the household register of the user's township, not registered already. */
    @Transactional
    public Registered register(Object idNumberValue, ResettlementRules.Form form, String processInstanceId, String actor) {
        String idNumber = ResidentIdNumber.require(idNumberValue, "身份证号");
        HouseholdRepository.Resident person = person(idNumber);
        Region township = regions.findCurrent(person.townshipCode()).orElseThrow();
        if (currentUser.isAuthenticated() && !currentUser.maySee(person.townshipCode())) {
            throw new RuleViolation("OUTSIDE_AREA", "您只能登记本乡镇（街道）户籍的退役士兵，" + person.name() + "的户籍在"
                    + township.name(), 403);
        }
        resettlements.findActive(idNumber).ifPresent(open -> {
            throw new RuleViolation("ALREADY_REGISTERED", person.name() + "（身份证号" + idNumber + "）已办理退役士兵报到登记（"
                    + open.caseNumber() + "，" + open.status().label() + "），不能重复登记", 409);
        });
        ResettlementRules.ServiceRecord service = ResettlementRules.check(form, person.birthDate(), EngineClock.today(),
                settings.getArrivalWindowDays());
        Route route = route(service, service.ageAtDischarge(person.birthDate()));
        Resettlement created = resettlements.insert(new ResettlementRepository.NewResettlement(person.householdId(),
                person.townshipCode(), idNumber, person.name(), service, route.route(), route.reason()),
                processInstanceId, actor);
        String community = regions.findCurrent(person.communityCode()).map(Region::name).orElse("");
        return new Registered(created, township.name(), community);
    }

    /** resettlement-route.dmn over the service record. */
    public Route route(ResettlementRules.ServiceRecord s, int age) {
        Map<String, Object> in = new HashMap<>();
        in.put("rankKind", s.rankKind().name());
        in.put("ncoLevel", s.ncoGrade() == null ? "NONE" : s.ncoGrade().level());
        in.put("serviceYears", s.serviceYears());
        in.put("age", age);
        in.put("disabilityGrade", s.disabilityGrade() == null ? 0 : s.disabilityGrade());
        in.put("disabilityCause", s.disabilityCause() == null ? "NONE" : s.disabilityCause().name());
        in.put("merit", s.merit().name());
        in.put("wartimeMerit", s.wartimeMerit());
        in.put("martyrChild", s.martyrChild());
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(ROUTE_DECISION).variables(in).evaluate()
                .getFirstResult();
        return new Route(PlacementRoute.valueOf(result.getEntry("route")), result.getEntry("reason"));
    }

    /** resettlement-grant.dmn: the grant per year of service for a discharge year, two places. */
    public BigDecimal grantPerYear(int dischargeYear) {
        return Money.parse(decisions.evaluateDecisionByKey(GRANT_DECISION).variables(Map.of("dischargeYear", dischargeYear))
                .evaluate().getSingleResult().getEntry("amountPerYear"), "一次性经济补助标准");
    }

    /** The grant: per year × years of service, two places. */
    public BigDecimal grant(int dischargeYear, int serviceYears) {
        return grantPerYear(dischargeYear).multiply(BigDecimal.valueOf(serviceYears)).setScale(2, RoundingMode.HALF_UP);
    }

    /** 区民政局优抚安置科审核: true to go on with the route; a refusal needs its reason and frees the person. */
    @Transactional
    public boolean review(long id, String decision, String comment, String reviewer) {
        Resettlement r = requireStatus(id, ResettlementStatus.REGISTERED);
        String text = TextRules.optional(comment, "审核说明", 1000);
        if (ResettlementProcess.REJECT.equals(decision)) {
            if (text == null) {
                throw new RuleViolation("MISSING_REASON", "退回须写明理由");
            }
            resettlements.refuse(r.id(), reviewer, text);
            return false;
        }
        if (!ResettlementProcess.APPROVE.equals(decision)) {
            throw new RuleViolation("MISSING_DECISION", "请选择审核意见");
        }
        resettlements.approve(r.id(), reviewer, text);
        return true;
    }

    /** 自主就业: the grant as a RESETTLE_GRANT enrolment of the soldier, paid once by the next payroll of the program. */
    @Transactional
    public Resettlement listGrant(long id, String actor) {
        Resettlement r = requireStatus(id, ResettlementStatus.REGISTERED);
        if (r.route() != PlacementRoute.SELF_EMPLOYMENT) {
            throw new IllegalStateException("resettlement " + id + " is not 自主就业");
        }
        int year = r.dischargeDate().getYear();
        BigDecimal perYear = grantPerYear(year);
        BigDecimal amount = grant(year, r.serviceYears());
        String snapshot = "{\"decision\":\"" + GRANT_DECISION + "\",\"dischargeYear\":" + year + ",\"amountPerYear\":\""
                + Money.format(perYear) + "\",\"serviceYears\":" + r.serviceYears() + ",\"amount\":\"" + Money.format(amount) + "\"}";
        Enrolment enrolment = enrolments.mirror(new ProgramCase(PROGRAM, r.id(), r.householdId(), r.personIdNumber(),
                r.townshipCode(), EnrolmentStatus.ACTIVE, amount, YearMonth.from(EngineClock.today()).toString(), snapshot),
                actor, "退役士兵自主就业一次性经济补助：" + Money.format(perYear) + "元/年 × " + r.serviceYears() + "年 = "
                        + Money.format(amount) + "元，一次性发放");
        resettlements.listGrant(id, amount, snapshot, enrolment.id(), actor);
        return get(id);
    }

    /** 指定接收单位: the notice goes out and the report-in limit runs from now. */
    @Transactional
    public Resettlement assignUnit(long id, Object unit, Object note, String actor, String processInstanceId) {
        Resettlement r = requireStatus(id, ResettlementStatus.REGISTERED);
        String unitName = TextRules.required(unit, "接收单位", 100);
        resettlements.assignUnit(id, unitName, TextRules.optional(note, "安置说明", 1000), actor);
        timeLimits.open(ResettlementLimit.SUBJECT, id, r.personName(), ResettlementLimit.REPORT_IN, processInstanceId);
        return get(id);
    }

    /** 录入报到回执: the case closes; the limit is met (in time or not). */
    @Transactional
    public Resettlement confirmReportIn(long id, Object reportedInOn, Object note, String actor) {
        Resettlement r = requireStatus(id, ResettlementStatus.UNIT_ASSIGNED);
        LocalDate on = FormDate.past(reportedInOn, "报到日期", EngineClock.today());
        if (on.isBefore(r.dischargeDate())) {
            throw new RuleViolation("INVALID_DATE", "报到日期" + on + "早于退役日期" + r.dischargeDate());
        }
        resettlements.reportedIn(id, on, TextRules.optional(note, "报到回执说明", 1000), actor);
        timeLimits.met(ResettlementLimit.SUBJECT, id, ResettlementLimit.REPORT_IN);
        return get(id);
    }

    /** The report-in limit ran out: recorded, and the 优抚安置科 gets a supervision task. */
    @Transactional
    public void reportOverrun(long id) {
        timeLimits.overrun(ResettlementLimit.SUBJECT, id, ResettlementLimit.REPORT_IN, "退役士兵到接收单位报到");
    }

    /** 退休 / 供养: handed to the office that places them, recorded with a note; the case ends here. */
    @Transactional
    public Resettlement handOver(long id, String actor) {
        Resettlement r = requireStatus(id, ResettlementStatus.REGISTERED);
        String note = switch (r.route()) {
            case RETIRE -> "作退休安置，已移交区退役军人事务部门办理退休安置手续（" + r.routeReason() + "）";
            case SUPPORT -> "由国家供养，已移交区退役军人事务部门办理供养（集中供养或分散供养）手续（" + r.routeReason() + "）";
            default -> throw new IllegalStateException("resettlement " + id + " is not 退休 / 供养");
        };
        resettlements.handOver(id, note, actor);
        return get(id);
    }

    public Resettlement get(long id) {
        return resettlements.find(id).orElseThrow(() -> RuleViolation.notFound("退役士兵报到登记" + id));
    }

    /** What the forms show of the service record. */
    public String summary(Resettlement r) {
        StringBuilder s = new StringBuilder(r.personName()).append("，").append(r.serviceBranch().label()).append(r.rankKind().label());
        if (r.ncoGrade() != null) {
            s.append("（").append(r.ncoGrade().label()).append("）");
        }
        s.append("，服役").append(r.serviceYears()).append("年，").append(r.dischargeDate()).append("退役，")
                .append(r.arrivalDate()).append("报到");
        if (r.lateArrival()) {
            s.append("（逾期报到：").append(r.lateReason()).append("）");
        }
        if (r.disabilityGrade() != null) {
            s.append("；").append(r.disabilityCause().label()).append(r.disabilityGrade()).append("级残疾");
        }
        if (r.merit() != Merit.NONE) {
            s.append("；").append(r.wartimeMerit() ? "战时" : "").append(r.merit().label());
        }
        if (r.martyrChild()) {
            s.append("；烈士子女");
        }
        return s.toString();
    }

    /** What the forms show of the route (and the grant of 自主就业). */
    public String routeSummary(Resettlement r) {
        String text = r.route().label() + "：" + r.routeReason();
        if (r.route() == PlacementRoute.SELF_EMPLOYMENT) {
            int year = r.dischargeDate().getYear();
            text += "；一次性经济补助" + Money.format(grantPerYear(year)) + "元/年 × " + r.serviceYears() + "年 = "
                    + Money.format(grant(year, r.serviceYears())) + "元";
        }
        return text;
    }

    private Resettlement requireStatus(long id, ResettlementStatus status) {
        Resettlement r = get(id);
        if (r.status() != status) {
            throw new RuleViolation("ALREADY_DECIDED", "退役士兵报到登记" + r.caseNumber() + "当前为“" + r.status().label()
                    + "”，不能办理", 409);
        }
        return r;
    }

    private HouseholdRepository.Resident person(String idNumber) {
        return households.resident(idNumber).orElseThrow(() -> new RuleViolation("PERSON_NOT_FOUND", "身份证号"
                + idNumber + "不在户籍家庭信息中，请先办理户口登记（落户）并登记其家庭", 404));
    }
}

package cn.minzheng.bureau.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.Quantities;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.organisation.AnnualInspectionRepository.Inspection;
import cn.minzheng.bureau.organisation.AnnualInspectionRepository.Report;
import cn.minzheng.bureau.organisation.OrganisationRepository.Organisation;

/**
 * The rules of 年度检查: which organisation and year may be inspected, the report's figures, the result from
 * organisation-inspection-result.dmn, when 责令整改 follows and the revocation if it is not made. Called by the
 * process's steps and by the controller alike.
 */
@Service
public class AnnualInspectionService {

    /** The report of a year is due by 31 May of the next year. */
    public static final MonthDay REPORT_DUE = MonthDay.of(5, 31);
    /** How long an organisation has to remedy after 责令整改. */
    public static final Period REMEDY_PERIOD = Period.ofMonths(3);

    private final OrganisationRepository register;
    private final AnnualInspectionRepository inspections;
    private final OrganisationRegistrationService registration;
    private final DecisionService decisions;

    public AnnualInspectionService(OrganisationRepository register, AnnualInspectionRepository inspections,
                                   OrganisationRegistrationService registration, DecisionService decisions) {
        this.register = register;
        this.inspections = inspections;
        this.decisions = decisions;
        this.registration = registration;
    }

    /** The organisation to inspect, by its credit code: registered (or under 责令整改) during the year. */
    public Organisation organisationFor(Object creditCode, int year) {
        String code = CreditCode.valid(creditCode);
        Organisation organisation = register.findByCreditCode(code)
                .orElseThrow(() -> new RuleViolation("NOT_FOUND", "没有统一社会信用代码为“" + code + "”的已登记组织", 404));
        if (organisation.status() != OrganisationStatus.REGISTERED && organisation.status() != OrganisationStatus.RECTIFYING) {
            throw new RuleViolation("WRONG_STATUS", organisation.name() + "当前状态为“" + organisation.status().label()
                    + "”，不参加年度检查", 409);
        }
        if (organisation.registeredOn().getYear() > year) {
            throw new RuleViolation("INVALID_YEAR", organisation.name() + "于" + organisation.registeredOn()
                    + "登记，不参加" + year + "年度检查");
        }
        return organisation;
    }

    /** The year inspected: a whole year already over. */
    public static int year(Object value) {
        int current = EngineClock.today().getYear();
        return (int) Quantities.whole(value, "检查年度", 2000, current - 1);
    }

    public static LocalDate reportDeadline(int year) {
        return REPORT_DUE.atYear(year + 1);
    }

    /** The inspection opened; its id. */
    public long open(Organisation organisation, int year, String processInstanceId, String actor) {
        return inspections.open(organisation.id(), year, reportDeadline(year), processInstanceId, actor);
    }

    /** The report read from what the form or the API submitted, each field checked with a Chinese message. */
    public static Report report(Object income, Object expenditure, Object netAssets, Object activitiesHeld,
                                Object charterFollowed, Object supervisorOpinion) {
        BigDecimal in = required(income, "年度收入（元）");
        BigDecimal out = required(expenditure, "年度支出（元）");
        BigDecimal net = signedAmount(netAssets, "年末净资产（元）");
        int activities = (int) Quantities.whole(activitiesHeld, "年度开展活动次数", 0, 10_000);
        return new Report(in, out, net, activities, answer(charterFollowed, "是否按照章程开展活动"),
                answer(supervisorOpinion, "业务主管单位是否出具初审意见"));
    }

    public void report(long inspectionId, Report report, String actor) {
        inspections.reported(inspectionId, report, actor);
    }

    /** The result of the findings, by organisation-inspection-result.dmn; recorded on the inspection. */
    public InspectionResult determine(long inspectionId) {
        Inspection inspection = inspections.find(inspectionId).orElseThrow();
        Organisation organisation = register.find(inspection.organisationId()).orElseThrow();
        Map<String, Object> findings = new HashMap<>();
        findings.put("charterFollowed", inspection.charterFollowed());
        findings.put("activitiesHeld", inspection.activitiesHeld());
        findings.put("supervisorOpinion", inspection.supervisorOpinion());
        findings.put("netAssets", inspection.netAssets().doubleValue());
        findings.put("minimumFunds", registration.minimumFunds(organisation.kind()).doubleValue());
        Map<String, Object> outcome = decisions.evaluateDecisionByKey(AnnualInspectionProcess.RESULT_DECISION)
                .variables(findings).evaluate().getSingleResult().getEntryMap();
        InspectionResult result = InspectionResult.valueOf(outcome.get("inspectionResult").toString());
        inspections.found(inspectionId, result, outcome.get("resultReason").toString());
        return result;
    }

    public void reviewed(long inspectionId, String actor, String comment) {
        inspections.reviewed(inspectionId, actor, comment);
    }

    public void decided(long inspectionId, String actor, String decision, String comment) {
        inspections.decided(inspectionId, actor, decision, comment);
    }

    /** The result published; whether 责令整改 follows: 不合格 this year and the year before. */
    public boolean publish(long inspectionId) {
        inspections.published(inspectionId, EngineClock.today());
        Inspection inspection = inspections.find(inspectionId).orElseThrow();
        if (inspection.result() != InspectionResult.UNQUALIFIED) {
            return false;
        }
        return inspections.find(inspection.organisationId(), inspection.inspectionYear() - 1)
                .map(previous -> previous.result() == InspectionResult.UNQUALIFIED).orElse(false);
    }

    /** The deadline passed without a report: published as 未按期参加年检; 责令整改 follows. */
    public void missed(long inspectionId) {
        inspections.missed(inspectionId, EngineClock.today());
    }

    /** 责令整改: the organisation's status and the day by which it must remedy. */
    public LocalDate orderRectification(long inspectionId) {
        Inspection inspection = inspections.find(inspectionId).orElseThrow();
        LocalDate today = EngineClock.today();
        LocalDate until = today.plus(REMEDY_PERIOD);
        String reason = inspection.result() == InspectionResult.NOT_SUBMITTED
                ? inspection.inspectionYear() + "年度未按期参加年检" : "连续两年年检不合格";
        register.orderedToRectify(inspection.organisationId(), today, until, reason);
        inspections.remedyOrdered(inspectionId, until);
        return until;
    }

    public void remedied(long inspectionId, String actor, String comment) {
        Inspection inspection = inspections.find(inspectionId).orElseThrow();
        inspections.remedyOutcome(inspectionId, AnnualInspectionProcess.REMEDIED);
        register.rectified(inspection.organisationId(), EngineClock.today(), actor, comment);
    }

    public void notRemedied(long inspectionId) {
        inspections.remedyOutcome(inspectionId, AnnualInspectionProcess.NOT_REMEDIED);
    }

    /** 撤销登记. */
    public void revoke(long inspectionId, String actor, String reason) {
        Inspection inspection = inspections.find(inspectionId).orElseThrow();
        register.revoked(inspection.organisationId(), EngineClock.today(), actor, reason);
    }

    private static BigDecimal required(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", label + "不能为空");
        }
        return Money.parse(value, label);
    }

    /** Net assets may be negative (资不抵债). */
    private static BigDecimal signedAmount(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", label + "不能为空");
        }
        String text = value.toString().strip();
        if (text.startsWith("-")) {
            return Money.parse(text.substring(1), label).negate();
        }
        return Money.parse(value, label);
    }

    private static boolean answer(Object value, String label) {
        if (value != null && AnnualInspectionProcess.YES.equals(value.toString())) {
            return true;
        }
        if (value != null && AnnualInspectionProcess.NO.equals(value.toString())) {
            return false;
        }
        throw new RuleViolation("MISSING_DECISION", "请选择" + label);
    }
}

package cn.minzheng.bureau.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.FormDate;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.deadline.StatutoryTimeLimits;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.organisation.OrganisationRepository.Application;
import cn.minzheng.bureau.organisation.OrganisationRepository.NameHold;

/**
 * The rules of 名称预先核准 and 成立登记: the name's wording and whether it is free, the minimum registered funds of the
 * kind (DMN), the 业务主管单位's approval and the materials; the credit code by GB 32100. Called by the process's steps
 * and by the controller alike.
 */
@Service
public class OrganisationRegistrationService {

    private final OrganisationRepository register;
    private final OrganisationSettings settings;
    private final DecisionService decisions;
    private final StatutoryTimeLimits timeLimits;

    public OrganisationRegistrationService(OrganisationRepository register, OrganisationSettings settings,
                                           DecisionService decisions, StatutoryTimeLimits timeLimits) {
        this.register = register;
        this.settings = settings;
        this.decisions = decisions;
        this.timeLimits = timeLimits;
    }

    /** What a 成立登记 application brings besides the organisation's data. */
    public record Materials(boolean charter, boolean fundsProof, boolean domicileProof, boolean representativeId) {
    }

    /** A name that passed the check: its wording and that nobody holds it. */
    public record NameCheck(String name, OrganisationKind kind, String message) {
    }

    /** 名称预先核准 (checking only): the wording rules, and no organisation or reservation holding the name. */
    public NameCheck checkName(Object name, Object kind) {
        OrganisationKind organisationKind = OrganisationKind.parse(kind);
        String checked = NameRules.check(name, organisationKind, settings);
        requireFree(checked, null);
        return new NameCheck(checked, organisationKind, "名称“" + checked + "”符合命名规则，且未被登记或保留");
    }

    /** 名称预先核准 with a reservation: the name kept for the applicant; the notice's number. */
    public String reserveName(Object name, Object kind, String actor) {
        NameCheck check = checkName(name, kind);
        LocalDate today = EngineClock.today();
        return register.reserve(check.name(), today.plus(settings.getReservationPeriod()), today, actor);
    }

    /** The minimum registered funds of the kind, from organisation-minimum-funds.dmn. */
    public BigDecimal minimumFunds(OrganisationKind kind) {
        Map<String, Object> result = decisions.evaluateDecisionByKey(OrganisationRegistrationProcess.MINIMUM_FUNDS_DECISION)
                .variables(Map.of("organisationKind", kind.name())).evaluate().getSingleResult().getEntryMap();
        return Money.parse(result.get("minimumFunds"), "最低注册资金");
    }

    /**
     * 成立登记 applied for: every rule checked before anything is written, then the organisation in the register with
     * its name taken. Returns the organisation's id.
     */
    public long apply(Application application, String reservationNo, Materials materials, String processInstanceId, String actor) {
        List<String> missing = new ArrayList<>();
        if (application.supervisorApprovalNo() == null || application.supervisorApprovedOn() == null) {
            throw new RuleViolation("SUPERVISOR_APPROVAL_MISSING", "缺少业务主管单位（" + application.supervisorUnit()
                    + "）的批准文件：请填写批准文号和批准日期");
        }
        if (application.supervisorApprovedOn().isAfter(EngineClock.today())) {
            throw new RuleViolation("DATE_IN_FUTURE", "业务主管单位的批准日期不能晚于今天");
        }
        BigDecimal minimum = minimumFunds(application.kind());
        if (application.registeredFunds().compareTo(minimum) < 0) {
            throw new RuleViolation("FUNDS_BELOW_MINIMUM", application.kind().label() + "的注册资金不得少于"
                    + minimum.toPlainString() + "元，申请为" + application.registeredFunds().toPlainString() + "元");
        }
        if (!materials.charter()) {
            missing.add("章程草案");
        }
        if (!materials.fundsProof()) {
            missing.add("验资报告（资金证明）");
        }
        if (!materials.domicileProof()) {
            missing.add("住所使用权证明");
        }
        if (!materials.representativeId()) {
            missing.add("拟任法定代表人身份证明");
        }
        if (!missing.isEmpty()) {
            throw new RuleViolation("MATERIALS_MISSING", "申请材料不全，缺少：" + String.join("、", missing));
        }
        String name = NameRules.check(application.name(), application.kind(), settings);
        requireFree(name, reservationNo);
        long id = register.apply(application, reservationNo, EngineClock.today(), processInstanceId, actor);
        timeLimits.open(OrganisationLimit.SUBJECT, id, name, OrganisationLimit.REGISTRATION, processInstanceId);
        return id;
    }

    /** The application read from what a form or the API submitted, each field checked with a Chinese message. */
    public static Application application(Object name, Object kind, Object legalRepresentative, Object domicile, Object funds,
                                          Object businessScope, Object supervisorUnit, Object supervisorApprovalNo,
                                          Object supervisorApprovedOn) {
        OrganisationKind organisationKind = OrganisationKind.parse(kind);
        String representative = TextRules.required(legalRepresentative, "拟任法定代表人", 50);
        String problem = TextRules.nameProblem("拟任法定代表人", representative);
        if (problem != null) {
            throw new RuleViolation("INVALID_NAME", problem);
        }
        if (funds == null || funds.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", "注册资金不能为空");
        }
        BigDecimal registeredFunds = Money.parse(funds, "注册资金");
        if (registeredFunds.signum() <= 0) {
            throw new RuleViolation("INVALID_AMOUNT", "注册资金应大于0");
        }
        String unit = TextRules.required(supervisorUnit, "业务主管单位", 100);
        String approvalNo = TextRules.optional(supervisorApprovalNo, "业务主管单位批准文号", 60);
        LocalDate approvedOn = date(supervisorApprovedOn, "业务主管单位批准日期");
        return new Application(name == null ? null : name.toString().strip(), organisationKind, representative,
                TextRules.required(domicile, "住所", 200), registeredFunds, TextRules.required(businessScope, "业务范围", 1000),
                unit, approvalNo, approvedOn);
    }

    /** A review or approval recorded in the register. */
    public void reviewed(long organisationId, String actor, String comment) {
        register.reviewed(organisationId, actor, comment);
    }

    public void approved(long organisationId, String actor, String comment) {
        register.approved(organisationId, actor, comment);
    }

    /** 不予登记: the decision made known, the limit met. */
    public void refuse(long organisationId, String actor, String reason) {
        register.refused(organisationId, EngineClock.today(), actor, reason);
        timeLimits.met(OrganisationLimit.SUBJECT, organisationId, OrganisationLimit.REGISTRATION);
    }

    /** The 60 working days ran out before the decision: the head of the section supervises. */
    public void reportOverrun(long organisationId) {
        timeLimits.overrun(OrganisationLimit.SUBJECT, organisationId, OrganisationLimit.REGISTRATION, "民间组织成立登记");
    }

    /** 颁发登记证书: the credit code checked by GB 32100 and for the kind; the certificate's number. */
    public String issueCertificate(long organisationId, Object creditCode, String actor) {
        OrganisationRepository.Organisation organisation = register.find(organisationId).orElseThrow();
        String code = CreditCode.validFor(creditCode, organisation.kind());
        return register.registered(organisationId, code, EngineClock.today(), actor);
    }

    /** 公告: the certificate issued is made known, the limit met. */
    public void announce(long organisationId) {
        register.announced(organisationId, EngineClock.today());
        timeLimits.met(OrganisationLimit.SUBJECT, organisationId, OrganisationLimit.REGISTRATION);
    }

    private void requireFree(String name, String reservationNo) {
        NameHold holder = register.holder(name, EngineClock.today()).orElse(null);
        if (holder == null) {
            if (reservationNo != null) {
                throw new RuleViolation("RESERVATION_MISMATCH", "名称预先核准通知书编号“" + reservationNo + "”与名称“" + name
                        + "”不符或已过期");
            }
            return;
        }
        boolean ownReservation = holder.organisationId() == null && reservationNo != null
                && reservationNo.equals(holder.reservationNo());
        if (!ownReservation) {
            throw new RuleViolation("NAME_TAKEN", holder.organisationId() != null
                    ? "名称“" + name + "”已被其他组织登记或申请登记，请另拟名称"
                    : "名称“" + name + "”已被预先核准保留（至" + holder.reservedUntil() + "），请另拟名称", 409);
        }
    }

    static LocalDate date(Object value, String label) {
        return FormDate.optional(value, label);
    }
}

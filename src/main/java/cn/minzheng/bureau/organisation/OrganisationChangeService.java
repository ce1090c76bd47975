package cn.minzheng.bureau.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;

import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.deadline.StatutoryTimeLimit;
import cn.minzheng.bureau.deadline.StatutoryTimeLimits;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.organisation.OrganisationRepository.Change;
import cn.minzheng.bureau.organisation.OrganisationRepository.ChangeApplication;
import cn.minzheng.bureau.organisation.OrganisationRepository.Organisation;

/**
 * The rules of 变更登记 and 注销登记: a new name passes the same NameRules and must be free, a new legal representative
 * is a person's name, new funds are not below the kind's minimum, 注销 needs the liquidation report's date and where
 * the net assets go; a reason always.
 */
@Service
public class OrganisationChangeService {

    private final OrganisationRepository register;
    private final OrganisationRegistrationService registration;
    private final OrganisationSettings settings;
    private final StatutoryTimeLimits timeLimits;

    public OrganisationChangeService(OrganisationRepository register, OrganisationRegistrationService registration,
                                     OrganisationSettings settings, StatutoryTimeLimits timeLimits) {
        this.register = register;
        this.registration = registration;
        this.settings = settings;
        this.timeLimits = timeLimits;
    }

    /** Every rule checked before anything is written; the change's id. */
    public long apply(Object creditCode, Object kind, Object newValue, Object reason, Object liquidationReportDate,
                      Object netAssetsDestination, String processInstanceId, String actor) {
        String code = CreditCode.valid(creditCode);
        Organisation organisation = register.findByCreditCode(code)
                .orElseThrow(() -> new RuleViolation("NOT_FOUND", "没有统一社会信用代码为“" + code + "”的已登记组织", 404));
        if (organisation.status() != OrganisationStatus.REGISTERED) {
            throw new RuleViolation("WRONG_STATUS", organisation.name() + "当前状态为“" + organisation.status().label()
                    + "”，不能办理变更或注销登记", 409);
        }
        ChangeKind changeKind = ChangeKind.parse(kind);
        String why = TextRules.required(reason, changeKind == ChangeKind.CANCELLATION ? "注销理由" : "变更理由", 1000);
        String value = null;
        LocalDate liquidation = null;
        String destination = null;
        switch (changeKind) {
            case NAME -> {
                value = NameRules.check(newValue, organisation.kind(), settings);
                if (value.equals(organisation.name())) {
                    throw new RuleViolation("UNCHANGED", "新名称与现名称相同");
                }
                if (register.holder(value, EngineClock.today()).isPresent()) {
                    throw new RuleViolation("NAME_TAKEN", "名称“" + value + "”已被其他组织登记或预先核准保留，请另拟名称", 409);
                }
            }
            case LEGAL_REPRESENTATIVE -> {
                value = TextRules.required(newValue, "新任法定代表人", 50);
                String problem = TextRules.nameProblem("新任法定代表人", value);
                if (problem != null) {
                    throw new RuleViolation("INVALID_NAME", problem);
                }
            }
            case DOMICILE -> value = TextRules.required(newValue, "新住所", 200);
            case SCOPE -> value = TextRules.required(newValue, "新业务范围", 1000);
            case FUNDS -> {
                if (newValue == null || newValue.toString().isBlank()) {
                    throw new RuleViolation("MISSING_FIELD", "变更后的注册资金不能为空");
                }
                BigDecimal funds = Money.parse(newValue, "变更后的注册资金");
                BigDecimal minimum = registration.minimumFunds(organisation.kind());
                if (funds.compareTo(minimum) < 0) {
                    throw new RuleViolation("FUNDS_BELOW_MINIMUM", organisation.kind().label() + "的注册资金不得少于"
                            + minimum.toPlainString() + "元，申请变更为" + funds.toPlainString() + "元");
                }
                value = funds.toPlainString();
            }
            case CANCELLATION -> {
                liquidation = OrganisationRegistrationService.date(liquidationReportDate, "清算报告日期");
                if (liquidation == null) {
                    throw new RuleViolation("MISSING_FIELD", "注销登记须有清算报告：清算报告日期不能为空");
                }
                if (liquidation.isAfter(EngineClock.today())) {
                    throw new RuleViolation("DATE_IN_FUTURE", "清算报告日期不能晚于今天");
                }
                destination = TextRules.required(netAssetsDestination, "剩余财产（净资产）去向", 500);
            }
        }
        long changeId = register.applyForChange(organisation.id(), new ChangeApplication(changeKind, value, why, liquidation,
                destination), oldValue(organisation, changeKind), EngineClock.today(), processInstanceId, actor);
        timeLimits.open(OrganisationLimit.SUBJECT, organisation.id(), organisation.name(), OrganisationLimit.CHANGE,
                processInstanceId);
        return changeId;
    }

    /** 记入登记簿: the change (or 注销) recorded, the limit met. */
    public void approved(long changeId, String actor) {
        register.changeApproved(changeId, EngineClock.today(), actor);
        timeLimits.met(OrganisationLimit.SUBJECT, register.change(changeId).orElseThrow().organisationId(), OrganisationLimit.CHANGE);
    }

    /** 不予办理: the refusal made known, the limit met. */
    public void refused(long changeId, String actor, String reason) {
        register.changeRefused(changeId, EngineClock.today(), actor, reason);
        timeLimits.met(OrganisationLimit.SUBJECT, register.change(changeId).orElseThrow().organisationId(), OrganisationLimit.CHANGE);
    }

    /**
     * 行政许可法第四十二条: the section's head extends the 20 working days of the organisation's pending 变更 or 注销 by
     * 10, once, before they run out, with a reason; the process's timer moves with it.
     */
    public StatutoryTimeLimit extendTimeLimit(long organisationId, String reason, String actor, Collection<String> groups) {
        if (!groups.contains(OrganisationLimit.CHANGE.extensionGroup())) {
            throw new RuleViolation("EXTENSION_HEAD_ONLY", "只有民间组织管理科负责人可以批准延长变更、注销登记的办理期限", 403);
        }
        register.find(organisationId).orElseThrow(() -> RuleViolation.notFound("民间组织" + organisationId));
        return timeLimits.extend(OrganisationLimit.SUBJECT, organisationId, OrganisationLimit.CHANGE, reason, actor);
    }

    /** The 20 working days ran out before the decision: the head of the section supervises. */
    public void reportOverrun(long changeId) {
        Change change = register.change(changeId).orElseThrow();
        timeLimits.overrun(OrganisationLimit.SUBJECT, change.organisationId(), OrganisationLimit.CHANGE,
                "民间组织" + change.kind().label());
    }

    static String oldValue(Organisation organisation, ChangeKind kind) {
        return switch (kind) {
            case NAME -> organisation.name();
            case LEGAL_REPRESENTATIVE -> organisation.legalRepresentative();
            case DOMICILE -> organisation.domicile();
            case FUNDS -> organisation.registeredFunds().toPlainString();
            case SCOPE -> organisation.businessScope();
            case CANCELLATION -> organisation.status().label();
        };
    }
}

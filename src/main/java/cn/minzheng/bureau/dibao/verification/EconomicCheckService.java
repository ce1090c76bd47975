package cn.minzheng.bureau.dibao.verification;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;

/**
 * 居民家庭经济状况核对: the applicant's written authorisation, what is asked of the provider, and the report
 * stored with the case. The check itself runs as the external task of dibao-application.bpmn
 * ({@link EconomicStatusWorker}).
 */
@Service
public class EconomicCheckService {

    private final EconomicCheckRepository checks;
    private final HouseholdRepository households;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public EconomicCheckService(EconomicCheckRepository checks, HouseholdRepository households, AuditTrail audit,
                                ObjectMapper json) {
        this.checks = checks;
        this.households = households;
        this.audit = audit;
        this.json = json;
    }

    /**
     * 受理: the check may only be requested with the applicant's written authorisation (授权书), which the clerk
     * confirms on the acceptance form; without it the application cannot be accepted.
     */
    @Transactional
    public void authorise(long caseId, boolean authorisationGiven, String clerk) {
        if (!authorisationGiven) {
            throw new RuleViolation("AUTHORISATION_MISSING",
                    "未取得申请人签署的家庭经济状况核对授权书，不能受理：请申请人及家庭成员签署授权书后勾选“申请人已签署核对授权书”");
        }
        checks.authorise(caseId, clerk, now());
        audit.recordForCase(caseId, "ECONOMIC_CHECK_AUTHORISED", clerk, "申请人签署家庭经济状况核对授权书", null, null);
    }

    /** What the provider is asked for the case: its household's members. Refused without an authorisation. */
    public EconomicStatusRequest request(long caseId, String caseNumber) {
        if (checks.latest(caseId).isEmpty()) {
            throw new RuleViolation("AUTHORISATION_MISSING", "案件" + caseNumber + "未取得申请人的核对授权书，不能核对家庭经济状况");
        }
        Household household = households.findForCase(caseId).orElseThrow(() -> RuleViolation.notFound("案件的家庭"));
        return new EconomicStatusRequest(caseNumber, household.members().stream()
                .map(m -> new EconomicStatusRequest.Person(m.name(), m.idNumber().value())).toList());
    }

    /** The provider's answer, stored with the case's check. */
    @Transactional
    public void record(long caseId, EconomicStatusReport report) {
        EconomicCheckRepository.StoredCheck check = checks.latest(caseId).orElseThrow();
        try {
            checks.answer(check.id(), report, json.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        audit.recordForCase(caseId, "ECONOMIC_CHECK_ANSWERED", null, report.provider() + "：金融资产"
                + report.financialAssets() + "元，机动车" + report.vehicles() + "辆，住房" + report.homes() + "套", null, null);
    }

    /** The case's latest answered report, if any. */
    public Optional<EconomicStatusReport> latestReport(long caseId) {
        return checks.latest(caseId).filter(c -> c.report() != null).map(c -> {
            try {
                return json.readValue(c.report(), EconomicStatusReport.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The report as the forms show it, with the members' names; a note when there is none yet. */
    public String reportText(long caseId) {
        Optional<EconomicStatusReport> report = latestReport(caseId);
        if (report.isEmpty()) {
            return "尚无家庭经济状况核对报告。";
        }
        Map<String, String> names = new LinkedHashMap<>();
        households.findForCase(caseId).ifPresent(h -> h.members().forEach(m -> names.put(m.idNumber().value(), m.name())));
        return report.get().text(names);
    }

    static LocalDateTime now() {
        return LocalDateTime.ofInstant(EngineClock.instant(), ZoneId.systemDefault());
    }
}

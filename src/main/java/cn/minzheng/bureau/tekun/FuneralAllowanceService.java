package cn.minzheng.bureau.tekun;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramCase;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * 特困人员丧葬补助 (tekun-funeral-allowance.bpmn): computed when a 特困供养 case ends by death, paid once to the person
 * the township confirms as arranging the funeral. The grant is a one-off enrolment of {@link Program#TEKUN_FUNERAL}
 * on the payee's household, which the next payroll of that program pays once (payment.one_off_enrolment_id).
 */
@Service
public class FuneralAllowanceService {

    private final FuneralAllowanceRepository allowances;
    private final TekunCaseRepository cases;
    private final TekunAmounts amounts;
    private final DecisionService decisions;
    private final EnrolmentRepository enrolments;
    private final RuntimeService runtimeService;
    private final RegionRepository regions;
    private final ObjectMapper json;
    private final IdentityService identityService;

    public FuneralAllowanceService(FuneralAllowanceRepository allowances, TekunCaseRepository cases, TekunAmounts amounts,
                                   DecisionService decisions, EnrolmentRepository enrolments,
                                   RuntimeService runtimeService, RegionRepository regions, ObjectMapper json,
                                   IdentityService identityService) {
        this.allowances = allowances;
        this.cases = cases;
        this.amounts = amounts;
        this.decisions = decisions;
        this.enrolments = enrolments;
        this.runtimeService = runtimeService;
        this.regions = regions;
        this.json = json;
        this.identityService = identityService;
    }

    /**
     * Starts the allowance of a case the death ended ({@link TekunService#endByDeath}, whichever way the death became
     * known); the death record is null while the death is not registered. Returns the instance id.
     */
    String start(long tekunCaseId, Long deathRecordId, LocalDate deathDate) {
        TekunCase c = cases.find(tekunCaseId).orElseThrow(() -> RuleViolation.notFound("特困供养案件" + tekunCaseId));
        Map<String, Object> variables = new HashMap<>();
        variables.put(FuneralAllowanceProcess.CASE_ID.name(), c.id());
        if (deathRecordId != null) {
            variables.put(FuneralAllowanceProcess.DEATH_RECORD_ID.name(), deathRecordId);
        }
        variables.put(FuneralAllowanceProcess.DEATH_DATE.name(), deathDate.toString());
        variables.put(FuneralAllowanceProcess.TOWNSHIP_CODE.name(), c.townshipCode());
        // started by the system on the death, whoever ended the case (nobody may start it by hand)
        return EngineAuthentication.asSystem(identityService, () ->
                runtimeService.startProcessInstanceByKey(FuneralAllowanceProcess.KEY, c.caseNumber(), variables).getId());
    }

    /** The months of 基本生活标准 the table gives for a death in the year. */
    public int months(int deathYear) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(FuneralAllowanceProcess.DECISION)
                .variables(Map.of("deathYear", deathYear)).evaluate().getSingleResult();
        if (result == null || result.get("months") == null) {
            throw new IllegalStateException(FuneralAllowanceProcess.DECISION + ".dmn gave no months for " + deathYear);
        }
        return ((Number) result.get("months")).intValue();
    }

    /**
     * 核算丧葬补助: the case's 基本生活标准 a month (as assessed; the table's for its area if it never was) times the
     * table's months; one allowance per case.
     */
    public FuneralAllowance compute(long tekunCaseId, Long deathRecordId, LocalDate deathDate, String processInstanceId,
                                    String actor) {
        TekunCase c = cases.find(tekunCaseId).orElseThrow();
        BigDecimal basicLiving = c.basicLivingAmount() != null ? c.basicLivingAmount() : amounts.basicLiving(area(c));
        int months = months(deathDate.getYear());
        BigDecimal amount = FuneralAllowanceRules.amount(basicLiving, months);
        return allowances.insert(c, deathRecordId, deathDate, Money.of(basicLiving), months, amount, processInstanceId, actor);
    }

    /**
     * A death registered after its 特困 case was ended by hand with the reason 死亡: the allowance computed then is the
     * death's, linked to the record; no second one. Returns the allowance so linked, if any.
     */
    public Optional<FuneralAllowance> linkRegisteredDeath(String idNumber, long deathRecordId, String actor) {
        return allowances.linkDeathRecord(idNumber, deathRecordId, actor);
    }

    /** Whether the case has its allowance already (computed, whatever its payment's state). */
    public boolean hasAllowance(long tekunCaseId) {
        return allowances.ofCase(tekunCaseId).isPresent();
    }

    /** 确认领取人: a living registered resident, not the deceased, with the relation and a note. */
    public FuneralAllowance confirmPayee(long allowanceId, String idText, String relationCode, String note, String actor) {
        FuneralAllowance a = allowances.get(allowanceId);
        if (!FuneralAllowance.AWAITING_PAYEE.equals(a.status())) {
            throw new RuleViolation("FUNERAL_ALLOWANCE_GRANTED", "该丧葬补助已列入发放，只能发放一次", 409);
        }
        String idNumber = FuneralAllowanceRules.payeeIdNumber(idText, a.deceasedIdNumber());
        String relation = FuneralAllowanceRules.relation(relationCode);
        String text = cn.minzheng.bureau.common.TextRules.required(note, "操办丧事情况说明", 500);
        FuneralAllowanceRepository.Payee payee = allowances.livingResident(idNumber).orElseThrow(() -> new RuleViolation(
                "PAYEE_NOT_A_RESIDENT", "领取人身份证号码" + ResidentIdNumber.parse(idNumber).masked()
                        + "不是登记在册的在世居民，请先登记其家庭或核对号码", 422));
        return allowances.confirmPayee(a, idNumber, payee, relation, text, actor);
    }

    /** 列入发放: the one-off enrolment on the payee's household, paid by the next TEKUN_FUNERAL payroll. */
    public Enrolment grant(long allowanceId, String actor) {
        FuneralAllowance a = allowances.get(allowanceId);
        if (a.payeeIdNumber() == null) {
            throw new IllegalStateException("allowance " + allowanceId + " has no payee");
        }
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("tekunCaseId", a.tekunCaseId());
        snapshot.put("deceased", a.deceasedName());
        snapshot.put("deathDate", a.deathDate().toString());
        snapshot.put("basicLiving", a.basicLivingAmount());
        snapshot.put("months", a.months());
        snapshot.put("amount", a.amount());
        snapshot.put("payeeRelation", a.payeeRelation());
        Enrolment enrolment = enrolments.mirror(new ProgramCase(Program.TEKUN_FUNERAL, a.id(), a.payeeHouseholdId(),
                a.payeeIdNumber(), a.townshipCode(), EnrolmentStatus.ACTIVE, a.amount(),
                YearMonth.from(EngineClock.today()).toString(), write(snapshot)), actor,
                "特困人员" + a.deceasedName() + "丧葬补助，一次性发放" + Money.format(a.amount()) + "元给" + a.payeeName());
        allowances.granted(a, enrolment.id(), actor);
        return enrolment;
    }

    /** What the form shows of the case and the amount. */
    public String caseSummary(TekunCase c) {
        return c.careMode() == null ? "" : c.careMode().label()
                + (c.careInstitution() == null ? "" : "，供养机构：" + c.careInstitution())
                + (c.carerName() == null ? "" : "，照料人：" + c.carerName());
    }

    public static String amountSummary(FuneralAllowance a) {
        return "死亡时基本生活标准" + Money.format(a.basicLivingAmount()) + "元/月 × " + a.months() + "个月 = "
                + Money.format(a.amount()) + "元（决策表 tekun-funeral-months，" + a.deathDate().getYear() + "年死亡）";
    }

    public String townshipName(String code) {
        return regions.findCurrent(code).map(r -> r.name()).orElse(code);
    }

    private AreaType area(TekunCase c) {
        return regions.findCurrent(c.townshipCode()).orElseThrow().kind().areaType();
    }

    private String write(Map<String, Object> snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

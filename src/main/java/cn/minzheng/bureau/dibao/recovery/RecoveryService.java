package cn.minzheng.bureau.dibao.recovery;

import static cn.minzheng.bureau.dibao.recovery.RecoveryProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.FormDate;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.payroll.PayrollMonth;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.ProgramRegistry;

/**
 * 多发追回 (dibao-recovery.bpmn): the overpaid months are computed from the case's payment history, the township
 * reviewer decides repayment, deduction or waiver, a waiver needs the district's approval. Deductions are applied
 * by the payroll computation, an installment per payroll. {@link RecoverySteps} calls the steps.
 * <p>
 * The same process recovers what another program's enrolment was paid after it should have ended (高龄津贴, 特困供养,
 * 优抚 paid for months after the recipient's death): such a recovery names the enrolment and no 低保 case; the
 * enrolment has ended, so it is repaid or waived, never deducted.
 */
@Service
public class RecoveryService {

    private final RecoveryRepository recoveries;
    private final DibaoCaseRepository cases;
    private final RuntimeService runtimeService;
    private final EnrolmentRepository enrolments;
    private final ProgramRegistry programs;
    private final HouseholdRepository households;

    public RecoveryService(RecoveryRepository recoveries, DibaoCaseRepository cases, RuntimeService runtimeService,
                           EnrolmentRepository enrolments, ProgramRegistry programs, HouseholdRepository households) {
        this.recoveries = recoveries;
        this.cases = cases;
        this.runtimeService = runtimeService;
        this.enrolments = enrolments;
        this.programs = programs;
        this.households = households;
    }

    /**
     * Starts a recovery of what the case was paid beyond {@code entitled} a month from {@code fromMonth} on
     * (0 for a case that should not have been paid at all); returns the recovery.
     */
    public Recovery start(long caseId, String fromMonth, BigDecimal entitled, String sourceType, Long sourceId, String reason) {
        DibaoCase dibaoCase = cases.find(caseId).orElseThrow(() -> RuleViolation.notFound("低保案件" + caseId));
        String month = PayrollMonth.parse(fromMonth).toString();
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("MISSING_FIELD", "请填写多发原因");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_ID.name(), caseId);
        variables.put(FROM_MONTH.name(), month);
        variables.put(ENTITLED_AMOUNT.name(), Money.format(Money.parse(entitled, "应发金额")));
        variables.put(SOURCE_TYPE.name(), sourceType);
        variables.put(SOURCE_ID.name(), sourceId);
        variables.put(OVERPAYMENT_REASON.name(), reason.trim());
        String instanceId = runtimeService.startProcessInstanceByKey(KEY, dibaoCase.caseNumber(), variables).getId();
        return recoveries.ofProcess(instanceId).orElseThrow();
    }

    /**
     * Starts a recovery of every payment sent to the bank for the enrolment (of a program other than 低保, ended)
     * for a benefit month from {@code fromMonth} on: nothing of it was due. Returns the recovery.
     */
    public Recovery startForEnrolment(long enrolmentId, String fromMonth, String sourceType, Long sourceId, String reason) {
        Enrolment enrolment = enrolments.find(enrolmentId).orElseThrow(() -> RuleViolation.notFound("享受记录" + enrolmentId));
        String month = PayrollMonth.parse(fromMonth).toString();
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("MISSING_FIELD", "请填写多发原因");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(ENROLMENT_ID.name(), enrolmentId);
        variables.put(FROM_MONTH.name(), month);
        variables.put(ENTITLED_AMOUNT.name(), Money.format(Money.ZERO));
        variables.put(SOURCE_TYPE.name(), sourceType);
        variables.put(SOURCE_ID.name(), sourceId);
        variables.put(OVERPAYMENT_REASON.name(), reason.trim());
        String businessKey = enrolment.programCode() + "-" + enrolment.id();
        String instanceId = runtimeService.startProcessInstanceByKey(KEY, businessKey, variables).getId();
        return recoveries.ofProcess(instanceId).orElseThrow();
    }

    /** What the recovery was started for, as the process holds it: a 低保 case, or an enrolment ({@code caseId} null). */
    public record Overpayment(Long caseId, Long enrolmentId, String fromMonth, BigDecimal entitled, String sourceType,
                              Long sourceId, String reason) {
    }

    /** A computed recovery, with the case as it is. */
    public record Computed(long recoveryId, DibaoCase dibaoCase, Overpayments.Result result) {
    }

    /** A computed recovery of an enrolment without a 低保 case, with what the forms show of it. */
    public record ComputedForEnrolment(long recoveryId, Enrolment enrolment, String programName, String personName,
                                       Household household, Overpayments.Result result) {
    }

    /** 核算多发月份和金额 of an enrolment: every payment sent to the bank from the month on, none of it due. */
    public ComputedForEnrolment computeForEnrolment(Overpayment overpayment, String processInstanceId, String actor) {
        Enrolment enrolment = enrolments.find(overpayment.enrolmentId()).orElseThrow();
        Household household = households.find(enrolment.householdId()).orElseThrow();
        Overpayments.Result result = Overpayments.compute(
                recoveries.paidSinceByEnrolment(enrolment.id(), overpayment.fromMonth()), overpayment.fromMonth(),
                overpayment.entitled());
        long id = recoveries.insert(null, enrolment.id(), enrolment.householdId(), enrolment.townshipCode(),
                overpayment.sourceType(), overpayment.sourceId(), overpayment.reason(), overpayment.fromMonth(),
                overpayment.entitled(), result, actor);
        recoveries.attachProcess(id, processInstanceId);
        String person = household.members().stream()
                .filter(m -> enrolment.personIdNumber() != null && m.idNumber().value().equals(enrolment.personIdNumber()))
                .map(Household.Member::name).findFirst().orElse(household.head().name());
        return new ComputedForEnrolment(id, enrolment, programs.get(enrolment.programCode()).name(), person, household, result);
    }

    /** 核算多发月份和金额: every payment of the case from the month on, against what should have been paid. */
    public Computed compute(Overpayment overpayment, String processInstanceId, String actor) {
        DibaoCase dibaoCase = cases.find(overpayment.caseId()).orElseThrow();
        Overpayments.Result result = Overpayments.compute(
                recoveries.paidSince(overpayment.caseId(), overpayment.fromMonth()), overpayment.fromMonth(),
                overpayment.entitled());
        Long enrolmentId = enrolments.forProgramCase(cn.minzheng.bureau.program.Program.DIBAO, dibaoCase.id())
                .map(Enrolment::id).orElse(null);
        long id = recoveries.insert(overpayment.caseId(), enrolmentId, dibaoCase.householdId(), dibaoCase.townshipCode(),
                overpayment.sourceType(), overpayment.sourceId(), overpayment.reason(), overpayment.fromMonth(),
                overpayment.entitled(), result, actor);
        recoveries.attachProcess(id, processInstanceId);
        return new Computed(id, dibaoCase, result);
    }

    /** The overpaid months as the decider's form lists them. */
    static String overpaidMonths(Overpayments.Result result) {
        return result.months().isEmpty() ? "无"
                : result.months().stream().map(m -> m.benefitMonth() + "：已发" + Money.format(m.paid()) + "元，应发"
                        + Money.format(m.entitled()) + "元，多发" + Money.format(m.overpaid()) + "元")
                        .collect(Collectors.joining("\n"));
    }

    /**
     * 决定追回方式 completed: deduction needs an installment (read only then) the case's payments can carry.
     * Returns the months a deduction takes, or null.
     */
    public Integer decide(long recoveryId, String method, String reason, Supplier<BigDecimal> installmentInput,
                          String actor) {
        Recovery recovery = recoveries.get(recoveryId);
        if (recovery.ofEnrolmentOnly()) {
            if (DEDUCTION.equals(method)) {
                throw new RuleViolation("NOTHING_TO_DEDUCT", "该项目的发放已终止，以后没有发放可以抵扣，请选择退回或申请减免");
            }
            recoveries.decide(recovery, householdOf(recovery), method, null, reason, actor);
            return null;
        }
        DibaoCase dibaoCase = cases.find(recovery.caseId()).orElseThrow();
        BigDecimal installment = null;
        Integer months = null;
        if (DEDUCTION.equals(method)) {
            if (dibaoCase.status() != CaseStatus.APPROVED) {
                throw new RuleViolation("NOTHING_TO_DEDUCT", "案件已" + dibaoCase.status().label()
                        + "，以后没有发放可以抵扣，请选择退回或申请减免");
            }
            installment = installmentInput.get();
            if (installment.compareTo(Money.of(dibaoCase.monthlyAmount())) > 0) {
                throw new RuleViolation("INSTALLMENT_TOO_LARGE", "每月抵扣金额不能超过该户每月低保金"
                        + Money.format(dibaoCase.monthlyAmount()) + "元");
            }
            months = Installments.schedule(recovery.outstanding(), installment, dibaoCase.monthlyAmount()).size();
        }
        recoveries.decide(recovery, dibaoCase.householdId(), method, installment, reason, actor);
        return months;
    }

    /** 按月抵扣: from the next payroll computed on. */
    public void scheduleDeduction(long recoveryId, String decidedBy) {
        Recovery recovery = recoveries.get(recoveryId);
        recoveries.startDeduction(recovery, householdOf(recovery), decidedBy);
    }

    /** 登记退回 completed: the whole outstanding amount against a receipt. */
    public void recordRepayment(long recoveryId, String receipt, BigDecimal amount, String receivedOnText, String actor) {
        LocalDate receivedOn = FormDate.parse(receivedOnText, "收款日期");
        Recovery recovery = recoveries.get(recoveryId);
        if (amount.compareTo(recovery.outstanding()) != 0) {
            throw new RuleViolation("REPAYMENT_MISMATCH", "退回金额" + Money.format(amount) + "元与应退金额"
                    + Money.format(recovery.outstanding()) + "元不一致，请核对收据");
        }
        if (receivedOn.isAfter(LocalDate.now())) {
            throw new RuleViolation("DATE_IN_FUTURE", "收款日期不能晚于今天");
        }
        recoveries.recordReceipt(recovery, householdOf(recovery), amount, receipt, receivedOn, actor);
    }

    /** 区民政局审批减免 completed: the decision recorded on the case. */
    public void recordWaiverDecision(long recoveryId, String decision, String comment, String actor) {
        Recovery recovery = recoveries.get(recoveryId);
        if (recovery.ofEnrolmentOnly()) {
            // no 低保 case to keep the decision: the waiver itself (or the decision made again) is audited
            return;
        }
        cases.recordDecision(recovery.caseId(), "recovery:" + TASK_APPROVE_WAIVER, decision, comment, actor);
    }

    /** 减免: the overpayment is written off, as approved. */
    public void waive(long recoveryId, String approvedBy, String comment) {
        Recovery recovery = recoveries.get(recoveryId);
        recoveries.waive(recovery, householdOf(recovery), approvedBy, "批准减免" + (comment == null ? "" : "：" + comment));
    }

    private Long householdOf(Recovery recovery) {
        if (recovery.ofEnrolmentOnly()) {
            return enrolments.find(recovery.enrolmentId()).map(Enrolment::householdId).orElse(null);
        }
        return cases.find(recovery.caseId()).map(DibaoCase::householdId).orElse(null);
    }

}

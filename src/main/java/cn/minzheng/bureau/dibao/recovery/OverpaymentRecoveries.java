package cn.minzheng.bureau.dibao.recovery;

import static cn.minzheng.bureau.dibao.recovery.RecoveryProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.CaseVariables;
import cn.minzheng.bureau.engine.CopiedVariables;
import cn.minzheng.bureau.payroll.PayrollMonth;

/**
 * 多发追回 (dibao-recovery.bpmn), called as ${overpaymentRecoveries.…}: the overpaid months are computed from the
 * case's payment history, the township reviewer decides repayment, deduction or waiver, a waiver needs the
 * district's approval. Deductions are applied by the payroll computation, an installment per payroll.
 */
@Component("overpaymentRecoveries")
public class OverpaymentRecoveries implements CopiedVariables {

    private final RecoveryRepository recoveries;
    private final DibaoCaseRepository cases;
    private final CaseVariables caseVariables;
    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;

    public OverpaymentRecoveries(RecoveryRepository recoveries, DibaoCaseRepository cases, CaseVariables caseVariables,
                                 RuntimeService runtimeService, JdbcClient jdbc) {
        this.recoveries = recoveries;
        this.cases = cases;
        this.caseVariables = caseVariables;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
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
        variables.put(VAR_CASE_ID, caseId);
        variables.put("fromMonth", month);
        variables.put("entitledAmount", Money.format(Money.parse(entitled, "应发金额")));
        variables.put("sourceType", sourceType);
        variables.put("sourceId", sourceId);
        variables.put("overpaymentReason", reason.trim());
        String instanceId = runtimeService.startProcessInstanceByKey(KEY, dibaoCase.caseNumber(), variables).getId();
        return jdbc.sql("select id from overpayment_recovery where process_instance_id = ?").param(instanceId)
                .query(Long.class).optional().map(recoveries::get).orElseThrow();
    }

    /** 核算多发月份和金额: every payment of the case from the month on, against what should have been paid. */
    public void compute(DelegateExecution execution) {
        long caseId = caseId(execution);
        DibaoCase dibaoCase = cases.find(caseId).orElseThrow();
        String fromMonth = (String) execution.getVariable("fromMonth");
        BigDecimal entitled = Money.of((String) execution.getVariable("entitledAmount"));
        List<Overpayments.PaidMonth> history = jdbc.sql("""
                select id as payment_id, benefit_month, amount as paid from payment where case_id = ? and benefit_month >= ? order by benefit_month""")
                .params(caseId, fromMonth).query(RecordRows.of(Overpayments.PaidMonth.class)).list();
        Overpayments.Result result = Overpayments.compute(history, fromMonth, entitled);
        Object sourceId = execution.getVariable("sourceId");
        long id = recoveries.insert(caseId, dibaoCase.householdId(), dibaoCase.townshipCode(),
                (String) execution.getVariable("sourceType"), sourceId == null ? null : ((Number) sourceId).longValue(),
                (String) execution.getVariable("overpaymentReason"), fromMonth, entitled, result,
                Actor.currentOrNull(execution));
        recoveries.attachProcess(id, execution.getProcessInstanceId());
        caseVariables.publish(execution, dibaoCase);
        execution.setVariable(VAR_RECOVERY_ID, id);
        execution.setVariable(VAR_OVERPAID, result.total().signum() > 0);
        execution.setVariable("overpaidTotal", Money.format(result.total()));
        execution.setVariable("caseStatusLabel", dibaoCase.status().label());
        execution.setVariable("currentAmount", Money.format(dibaoCase.monthlyAmount()));
        execution.setVariable("overpaidMonths", result.months().isEmpty() ? "无"
                : result.months().stream().map(m -> m.benefitMonth() + "：已发" + Money.format(m.paid()) + "元，应发"
                        + Money.format(m.entitled()) + "元，多发" + Money.format(m.overpaid()) + "元")
                        .collect(Collectors.joining("\n")));
    }

    /** 决定追回方式 completed: deduction needs an installment the case's payments can carry. */
    public void decide(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String method = input.choice(VAR_METHOD, "追回方式", List.of(REPAYMENT, DEDUCTION, WAIVER));
        String reason = input.text(VAR_DECISION_REASON, "决定理由", 1000);
        Recovery recovery = recoveries.get(recoveryId(task));
        DibaoCase dibaoCase = cases.find(recovery.caseId()).orElseThrow();
        BigDecimal installment = null;
        if (DEDUCTION.equals(method)) {
            if (dibaoCase.status() != CaseStatus.APPROVED) {
                throw new RuleViolation("NOTHING_TO_DEDUCT", "案件已" + dibaoCase.status().label()
                        + "，以后没有发放可以抵扣，请选择退回或申请减免");
            }
            installment = input.amount(VAR_INSTALLMENT, "每月抵扣金额");
            if (installment.compareTo(Money.of(dibaoCase.monthlyAmount())) > 0) {
                throw new RuleViolation("INSTALLMENT_TOO_LARGE", "每月抵扣金额不能超过该户每月低保金"
                        + Money.format(dibaoCase.monthlyAmount()) + "元");
            }
            int months = Installments.schedule(recovery.outstanding(), installment, dibaoCase.monthlyAmount()).size();
            task.setVariable("deductionMonths", months);
        }
        recoveries.decide(recovery, dibaoCase.householdId(), method, installment, reason, Actor.of(task));
        task.setVariable("recoveryDecidedBy", Actor.of(task));
    }

    /** 按月抵扣: from the next payroll computed on. */
    public void scheduleDeduction(DelegateExecution execution) {
        Recovery recovery = recoveries.get(recoveryId(execution));
        recoveries.startDeduction(recovery, householdOf(recovery), (String) execution.getVariable("recoveryDecidedBy"));
    }

    /** 登记退回 completed: the whole outstanding amount against a receipt. */
    public void recordRepayment(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String receipt = input.text(VAR_RECEIPT_NUMBER, "收据编号", 50);
        BigDecimal amount = input.amount(VAR_REPAID_AMOUNT, "退回金额");
        LocalDate receivedOn = date(input.text(VAR_RECEIVED_ON, "收款日期", 10));
        Recovery recovery = recoveries.get(recoveryId(task));
        if (amount.compareTo(recovery.outstanding()) != 0) {
            throw new RuleViolation("REPAYMENT_MISMATCH", "退回金额" + Money.format(amount) + "元与应退金额"
                    + Money.format(recovery.outstanding()) + "元不一致，请核对收据");
        }
        if (receivedOn.isAfter(LocalDate.now())) {
            throw new RuleViolation("DATE_IN_FUTURE", "收款日期不能晚于今天");
        }
        recoveries.recordReceipt(recovery, householdOf(recovery), amount, receipt, receivedOn, Actor.of(task));
    }

    /** 区民政局审批减免 completed: a refusal needs a reason and goes back to the decision. */
    public void decideWaiver(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(VAR_WAIVER_DECISION, "审批决定", List.of(APPROVE, REJECT));
        String comment = REJECT.equals(decision) ? input.text(VAR_WAIVER_COMMENT, "不同意减免的理由", 1000)
                : input.optionalText(VAR_WAIVER_COMMENT, "意见", 1000);
        task.setVariable("waiverApprovedBy", Actor.of(task));
        Recovery recovery = recoveries.get(recoveryId(task));
        cases.recordDecision(recovery.caseId(), "recovery:" + TASK_APPROVE_WAIVER, decision, comment, Actor.of(task));
    }

    /** 减免: the overpayment is written off, as approved. */
    public void waive(DelegateExecution execution) {
        Recovery recovery = recoveries.get(recoveryId(execution));
        Object comment = execution.getVariable(VAR_WAIVER_COMMENT);
        recoveries.waive(recovery, householdOf(recovery), (String) execution.getVariable("waiverApprovedBy"),
                "批准减免" + (comment == null ? "" : "：" + comment));
    }

    private Long householdOf(Recovery recovery) {
        return cases.find(recovery.caseId()).map(DibaoCase::householdId).orElse(null);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("INVALID_DATE", "收款日期格式不正确，应为“年-月-日”，如2026-05-08");
        }
    }

    private static long caseId(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_CASE_ID)).longValue();
    }

    private static long recoveryId(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_RECOVERY_ID)).longValue();
    }

    /** The case's facts this process publishes for its forms. */
    @Override
    public Map<String, Set<String>> byProcess() {
        return Map.of(KEY, CaseVariables.COPIES);
    }
}

package cn.minzheng.bureau.payroll;

import static cn.minzheng.bureau.payroll.PayrollProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.Money;

/**
 * What the payroll task forms display, read from the payroll tables when a task is created and kept
 * as task-local variables (they vanish with the task; the process itself holds only the payroll id):
 * the totals, the first payees, and whether the payroll is stale ({@link PayrollStaleness}, read again
 * whenever Tasklist loads the form: {@link PayrollFormVariablesFilter}).
 * Old decisions are cleared, so an answer from an earlier round of the loop is never reused.
 */
@Component("payrollTaskForm")
public class PayrollTaskForm {

    /** The form lists this many payees; the ledger page lists them all. */
    static final int PAYEES_SHOWN = 20;
    static final String VAR_PAYEES = "payees";
    static final String VAR_PAYEES_NOTE = "payeesNote";
    static final String VAR_STALE = "payrollStale";
    static final String VAR_STALE_WARNING = "staleWarning";

    /** The task-local variables set here: copies of the payroll tables, kept out of the engine's history. */
    static final List<String> SHOWN = List.of("payrollStatus", "householdCount", "peopleCount", "totalAmount",
            "reissuedCount", "reissuedAmount", "changesSummary", "townshipSummary", "rejectionReason", "checkedBy",
            "failedCount", VAR_PAYEES, VAR_PAYEES_NOTE, VAR_STALE, VAR_STALE_WARNING);

    private static final List<String> INPUTS = List.of(VAR_CHECK_DECISION, VAR_CHECK_COMMENT, VAR_APPROVAL_DECISION,
            VAR_APPROVAL_COMMENT, VAR_BANK_RETURN, VAR_RECONCILE_CONFIRMED);

    private final PayrollRepository payrolls;
    private final PayrollPayees payees;
    private final PayrollStaleness staleness;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public PayrollTaskForm(PayrollRepository payrolls, PayrollPayees payees, PayrollStaleness staleness, JdbcClient jdbc,
                           ObjectMapper json) {
        this.payrolls = payrolls;
        this.payees = payees;
        this.staleness = staleness;
        this.jdbc = jdbc;
        this.json = json;
    }

    public void show(DelegateTask task) {
        INPUTS.forEach(task::removeVariable);
        Payroll p = payrolls.get(((Number) task.getVariable(VAR_PAYROLL_ID)).longValue());
        task.setVariableLocal("payrollStatus", p.status().label());
        task.setVariableLocal("householdCount", p.householdCount());
        task.setVariableLocal("peopleCount", p.peopleCount());
        task.setVariableLocal("totalAmount", Money.format(p.totalAmount()));
        task.setVariableLocal("reissuedCount", p.reissuedCount());
        task.setVariableLocal("reissuedAmount", Money.format(p.reissuedAmount()));
        task.setVariableLocal("changesSummary", "新增" + p.newCount() + "户，提标" + p.raisedCount() + "户，降标"
                + p.loweredCount() + "户，停保" + p.cancelledCount() + "户（与上月相比）");
        task.setVariableLocal("townshipSummary", townshipSummary(p.id()));
        task.setVariableLocal("rejectionReason", p.rejectionReason() == null ? "" : p.rejectionReason());
        task.setVariableLocal("checkedBy", p.checkedBy() == null ? "" : p.checkedBy());
        task.setVariableLocal("failedCount", failedCount(p.id()));
        long payeeCount = payees.count(p.id());
        task.setVariableLocal(VAR_PAYEES, SpinValues.jsonValue(payeeRows(p)).create());
        task.setVariableLocal(VAR_PAYEES_NOTE, payeesNote(payeeCount));
        staleness(p).forEach(task::setVariableLocal);
    }

    /** The stale flag and warning of the payroll as it is now (also what the form filter refreshes). */
    Map<String, Object> staleness(Payroll payroll) {
        PayrollStaleness.Staleness now = staleness.of(payroll);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(VAR_STALE, now.stale());
        variables.put(VAR_STALE_WARNING, now.warning().replace("\n", "\n\n")); // a paragraph a line in the form's text
        return variables;
    }

    static String payeesNote(long payeeCount) {
        return payeeCount <= PAYEES_SHOWN
                ? "本工资单共" + payeeCount + "笔，全部列于下表。"
                : "本工资单共" + payeeCount + "笔，下表列出前" + PAYEES_SHOWN + "笔（按付款流水号）。";
    }

    private String payeeRows(Payroll payroll) {
        List<Map<String, Object>> rows = payees.page(payroll, 0, PAYEES_SHOWN).stream().map(payee -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("paymentId", payee.paymentId());
            row.put("payeeName", payee.payeeName());
            row.put("townshipName", payee.townshipName());
            row.put("bankAccount", payee.bankAccountMasked());
            row.put("benefitMonth", payee.reissue() ? payee.benefitMonth() + "（补发）" : payee.benefitMonth());
            row.put("amount", Money.format(payee.amount()));
            return row;
        }).toList();
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String townshipSummary(long payrollId) {
        return payrolls.townshipTotals(payrollId).stream()
                .map(t -> t.townshipName() + "：" + t.householdCount() + "户" + t.peopleCount() + "人，"
                        + Money.format(t.totalAmount()) + "元")
                .collect(Collectors.joining("\n"));
    }

    private long failedCount(long payrollId) {
        return jdbc.sql("select count(*) from payment where payroll_id = ? and status = 'FAILED'").param(payrollId)
                .query(Long.class).single();
    }
}

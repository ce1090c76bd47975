package cn.minzheng.bureau.payroll;

import static cn.minzheng.bureau.payroll.PayrollProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.Money;

/**
 * What the payroll task forms display, read from the payroll tables when a task is created and kept
 * as task-local variables ({@link PayrollSteps#showForm}; the process itself holds only the payroll id):
 * the totals, the first payees, and whether the payroll is stale ({@link PayrollStaleness}, read again
 * whenever Tasklist loads the form: {@link PayrollFormVariablesFilter}).
 */
@Component
public class PayrollTaskForm {

    /** The form lists this many payees; the ledger page lists them all. */
    static final int PAYEES_SHOWN = 20;

    private final PayrollRepository payrolls;
    private final PayrollPayees payees;
    private final PayrollStaleness staleness;
    private final PayrollQueries queries;
    private final ObjectMapper json;
    private final PayrollPrograms programs;

    public PayrollTaskForm(PayrollRepository payrolls, PayrollPayees payees, PayrollStaleness staleness,
                           PayrollQueries queries, ObjectMapper json, PayrollPrograms programs) {
        this.programs = programs;
        this.payrolls = payrolls;
        this.payees = payees;
        this.staleness = staleness;
        this.queries = queries;
        this.json = json;
    }

    /** The variables a payroll task's form shows, by name ({@link PayrollProcess#SHOWN}). */
    public Map<String, Object> shown(long payrollId) {
        Payroll p = payrolls.get(payrollId);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put(STATUS_SHOWN.name(), p.status().label());
        shown.put(PROGRAM_SHOWN.name(), programs.shortName(p.programCode()));
        shown.put(HOUSEHOLD_COUNT.name(), p.householdCount());
        shown.put(PEOPLE_COUNT.name(), p.peopleCount());
        shown.put(TOTAL_AMOUNT.name(), Money.format(p.totalAmount()));
        shown.put(REISSUED_COUNT.name(), p.reissuedCount());
        shown.put(REISSUED_AMOUNT.name(), Money.format(p.reissuedAmount()));
        shown.put(CHANGES_SUMMARY.name(), "新增" + p.newCount() + "户，提标" + p.raisedCount() + "户，降标"
                + p.loweredCount() + "户，停保" + p.cancelledCount() + "户（与上月相比）");
        shown.put(TOWNSHIP_SUMMARY.name(), townshipSummary(p.id()));
        shown.put(REJECTION_REASON.name(), p.rejectionReason() == null ? "" : p.rejectionReason());
        shown.put(CHECKED_BY.name(), p.checkedBy() == null ? "" : p.checkedBy());
        shown.put(FAILED_COUNT.name(), queries.failedCount(p.id()));
        long payeeCount = payees.count(p.id());
        shown.put(PAYEES.name(), SpinValues.jsonValue(payeeRows(p)).create());
        shown.put(PAYEES_NOTE.name(), payeesNote(payeeCount));
        shown.putAll(staleness(p));
        return shown;
    }

    /** The stale flag and warning of the payroll as it is now (also what the form filter refreshes). */
    Map<String, Object> staleness(Payroll payroll) {
        PayrollStaleness.Staleness now = staleness.of(payroll);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(STALE.name(), now.stale());
        variables.put(STALE_WARNING.name(), now.warning().replace("\n", "\n\n")); // a paragraph a line in the form's text
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
}

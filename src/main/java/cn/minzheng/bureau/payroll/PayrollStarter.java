package cn.minzheng.bureau.payroll;

import static cn.minzheng.bureau.payroll.PayrollProcess.*;

import java.time.YearMonth;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the payroll of a month by hand. A month has one payroll: a second start, even a concurrent
 * one, returns the existing payroll (the unique month decides the race) and starts no process.
 */
@Service
public class PayrollStarter {

    private final PayrollRepository payrolls;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;

    public PayrollStarter(PayrollRepository payrolls, RuntimeService runtimeService, TransactionTemplate transaction) {
        this.payrolls = payrolls;
        this.runtimeService = runtimeService;
        this.transaction = transaction;
    }

    public record Started(Payroll payroll, boolean created) {
    }

    public Started start(YearMonth month) {
        var existing = payrolls.findByMonth(month);
        if (existing.isPresent()) {
            return new Started(existing.get(), false);
        }
        try {
            return transaction.execute(status -> {
                long payrollId = payrolls.insert(month);
                runtimeService.startProcessInstanceByMessage(MESSAGE_START, "payroll-" + month,
                        Map.of(VAR_PAYROLL_ID, payrollId, VAR_MONTH, month.toString()));
                return new Started(payrolls.get(payrollId), true);
            });
        } catch (DuplicateKeyException raceLost) {
            return new Started(payrolls.findByMonth(month).orElseThrow(), false);
        }
    }
}

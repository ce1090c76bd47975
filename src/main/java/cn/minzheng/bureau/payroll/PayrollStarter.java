package cn.minzheng.bureau.payroll;

import static cn.minzheng.bureau.payroll.PayrollProcess.*;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.minzheng.bureau.program.Program;

/**
 * Starts the payroll of a program and month by hand. A program's month has one payroll: a second start, even a concurrent
 * one, returns the existing payroll (the unique month decides the race) and starts no process.
 */
@Service
public class PayrollStarter {

    private final PayrollRepository payrolls;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;
    private final PayrollPrograms programs;

    public PayrollStarter(PayrollRepository payrolls, RuntimeService runtimeService, TransactionTemplate transaction,
                          PayrollPrograms programs) {
        this.programs = programs;
        this.payrolls = payrolls;
        this.runtimeService = runtimeService;
        this.transaction = transaction;
    }

    public record Started(Payroll payroll, boolean created) {
    }

    /** The 低保 payroll of the month. */
    public Started start(YearMonth month) {
        return start(Program.DIBAO, month);
    }

    /**
     * The month's payrolls of every other program a monthly payroll pays (高龄津贴, 特困供养, the 临时救助 grants…),
     * started beside the 低保 payroll that the monthly timer opens; one already started is left as it is.
     */
    public List<Started> startOtherPrograms(YearMonth month) {
        return programs.paidMonthly().stream().filter(p -> !Program.DIBAO.equals(p.code()))
                .map(p -> start(p.code(), month)).toList();
    }

    /**
     * The payroll of a program of the registry paid monthly, for the month (business key {@code payroll-2026-05} for
     * 低保 as always, {@code payroll-GAOLING-2026-05} for another program).
     */
    public Started start(String programCode, YearMonth month) {
        String program = programs.paidMonthly(programCode).code();
        var existing = payrolls.findByMonth(program, month);
        if (existing.isPresent()) {
            return new Started(existing.get(), false);
        }
        try {
            return transaction.execute(status -> {
                long payrollId = payrolls.insert(program, month);
                String businessKey = Program.DIBAO.equals(program) ? "payroll-" + month : "payroll-" + program + "-" + month;
                runtimeService.startProcessInstanceByMessage(MESSAGE_START, businessKey,
                        Map.of(VAR_PAYROLL_ID, payrollId, VAR_PROGRAM_CODE, program, VAR_MONTH, month.toString()));
                return new Started(payrolls.get(payrollId), true);
            });
        } catch (DuplicateKeyException raceLost) {
            return new Started(payrolls.findByMonth(program, month).orElseThrow(), false);
        }
    }
}

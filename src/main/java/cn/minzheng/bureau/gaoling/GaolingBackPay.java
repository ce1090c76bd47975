package cn.minzheng.bureau.gaoling;

import java.sql.Timestamp;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.payroll.ProgramBackPay;
import cn.minzheng.bureau.program.Program;

/**
 * The GAOLING payroll pays the months a suspension left unpaid, once the recipient is confirmed again, and the
 * difference of a higher tier for the months paid at the lower one before the move up was confirmed (升档补差).
 */
@Component
public class GaolingBackPay implements ProgramBackPay {

    private final GaolingRepository repository;

    public GaolingBackPay(GaolingRepository repository) {
        this.repository = repository;
    }

    @Override
    public String programCode() {
        return Program.GAOLING;
    }

    @Override
    public int apply(long payrollId, String month, Timestamp now) {
        return repository.payBackPay(payrollId, month, now) + repository.payTierDifference(payrollId, month, now);
    }
}

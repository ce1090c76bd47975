package cn.minzheng.bureau.youfu;

import java.sql.Timestamp;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.payroll.ProgramBackPay;
import cn.minzheng.bureau.program.Program;

/** The YOUFU payroll pays the months a 年审 suspension left unpaid, once the recipient is confirmed again. */
@Component
public class YoufuBackPay implements ProgramBackPay {

    private final YoufuAnnualRepository repository;

    public YoufuBackPay(YoufuAnnualRepository repository) {
        this.repository = repository;
    }

    @Override
    public String programCode() {
        return Program.YOUFU;
    }

    @Override
    public int apply(long payrollId, String month, Timestamp now) {
        return repository.payBackPay(payrollId, month, now);
    }
}

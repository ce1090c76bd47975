package cn.minzheng.bureau.youfu;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.payroll.ProgramAmounts;
import cn.minzheng.bureau.program.Program;

/** The YOUFU payroll of a month pays that year's standard: the amounts are brought up to it before the payments. */
@Component
public class YoufuAmounts implements ProgramAmounts {

    private final YoufuService service;

    public YoufuAmounts(YoufuService service) {
        this.service = service;
    }

    @Override
    public String programCode() {
        return Program.YOUFU;
    }

    @Override
    public int update(String month) {
        return service.updateAmounts(month);
    }
}

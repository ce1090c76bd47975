package cn.minzheng.bureau.payroll;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * bureau.payroll.*: when the monthly payroll starts by itself. Read by the timer start event of
 * dibao-payroll.bpmn as ${payrollSettings.timerCycle} when the process is deployed.
 */
@Component
@ConfigurationProperties(prefix = "bureau.payroll")
public class PayrollSettings {

    /** Quartz-style cron of the timer start event: by default 01:00 on the 5th of every month. */
    private String timerCycle = "0 0 1 5 * ?";

    /**
     * The layout of the bank's return file (回盘文件): the name of a {@code payroll.bank.BankReturnLayout} bean;
     * {@code standard} is 付款流水号,银行账号,金额,失败原因.
     */
    private String bankReturnLayout = "standard";

    public String getBankReturnLayout() {
        return bankReturnLayout;
    }

    public void setBankReturnLayout(String bankReturnLayout) {
        this.bankReturnLayout = bankReturnLayout;
    }

    public String getTimerCycle() {
        return timerCycle;
    }

    public void setTimerCycle(String timerCycle) {
        this.timerCycle = timerCycle;
    }
}

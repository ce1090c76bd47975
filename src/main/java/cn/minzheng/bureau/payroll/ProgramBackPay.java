package cn.minzheng.bureau.payroll;

import java.sql.Timestamp;

/**
 * Back pay a program other than 低保 keeps itself (高龄津贴: the months a suspension left unpaid), applied by its
 * payroll's computation after the month's payments: payments of earlier benefit months, each paid once by the
 * unique (enrolment, benefit month) key. 低保's back pay is {@link PayrollAdjustments}'.
 */
public interface ProgramBackPay {

    /** The program whose payroll applies it. */
    String programCode();

    /** Inserts the back-pay payments into the payroll; returns how many. */
    int apply(long payrollId, String month, Timestamp now);
}

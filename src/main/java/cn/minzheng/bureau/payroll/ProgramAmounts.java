package cn.minzheng.bureau.payroll;

/**
 * A program whose monthly amounts follow a table of the payroll month (优抚: the year's national standard), brought
 * up to date by its payroll's computation before the month's payments are inserted, in the same transaction.
 */
public interface ProgramAmounts {

    /** The program whose payroll applies it. */
    String programCode();

    /** Sets the amounts of the program's enrolments paid in {@code month}; returns how many changed. */
    int update(String month);
}

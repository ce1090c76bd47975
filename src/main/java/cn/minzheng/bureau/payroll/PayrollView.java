package cn.minzheng.bureau.payroll;

import java.util.List;

/** A payroll as the REST API shows it: the row, its status label and its totals per township. */
public record PayrollView(Payroll payroll, String statusLabel, List<Payroll.TownshipTotal> townships) {
}

package cn.minzheng.bureau.dibao;

import java.math.BigDecimal;

/**
 * The rule that keeps the standards in line with wages: 低保 standard ≤ unemployment-insurance
 * benefit ≤ minimum wage (与本地最低工资标准和失业保险标准相衔接). A DMN edit that breaks it is a
 * configuration error for the process manager, not something a clerk can fix.
 */
public final class StandardConsistency {

    private StandardConsistency() {
    }

    public static void check(BigDecimal standard, BigDecimal unemploymentBenefit, BigDecimal minimumWage) {
        if (standard.compareTo(unemploymentBenefit) > 0 || unemploymentBenefit.compareTo(minimumWage) > 0) {
            throw new IllegalStateException("dibao standard " + standard + " must not exceed the unemployment benefit "
                    + unemploymentBenefit + ", which must not exceed the minimum wage " + minimumWage
                    + ": correct dibao-standard.dmn or dibao-wage-anchors.dmn");
        }
    }
}

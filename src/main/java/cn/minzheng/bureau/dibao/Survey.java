package cn.minzheng.bureau.dibao;

import java.math.BigDecimal;

/** The household economic survey (入户调查) and its five checks. */
public record Survey(
        String assetsFinding,
        String incomeFinding,
        String employmentFinding,
        BigDecimal utilitiesMonthlyVerified,
        BigDecimal hiddenIncomeMonthly,
        String hiddenIncomeNote,
        boolean homeVisitDone,
        String conclusion) {

    public String summary() {
        return "一看家底：" + assetsFinding
                + "\n二问收入：" + incomeFinding
                + "\n三查就业：" + employmentFinding
                + "\n四核水电气暖开支：" + utilitiesMonthlyVerified.toPlainString() + "元/月"
                + "\n五了解隐性收入：" + hiddenIncomeMonthly.toPlainString() + "元/月"
                + (hiddenIncomeNote == null ? "" : "（" + hiddenIncomeNote + "）")
                + "\n入户走访：" + (homeVisitDone ? "已入户" : "未入户")
                + "\n调查结论：" + conclusion;
    }
}

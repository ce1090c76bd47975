package cn.minzheng.bureau.ledger;

import java.util.Map;

import cn.minzheng.bureau.dibao.appeal.AppealProcess;
import cn.minzheng.bureau.dibao.application.DibaoApplicationProcess;
import cn.minzheng.bureau.dibao.report.ReportProcess;

/** What a 低保 decision decided, as the clerk reads it: ACCEPT → 受理, APPROVE → 同意, UPHELD → 维持原决定… */
public final class DecisionLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry(DibaoApplicationProcess.ACCEPT, "受理"),
            Map.entry(DibaoApplicationProcess.RETURN, "退回补正"),
            Map.entry(DibaoApplicationProcess.APPROVE, "同意"),
            Map.entry(DibaoApplicationProcess.REJECT, "不同意"),
            Map.entry("OBJECTION", "登记异议"),
            Map.entry(AppealProcess.UPHELD, "维持原决定"),
            Map.entry(AppealProcess.CHANGED, "变更原决定"),
            Map.entry(AppealProcess.REVERSED, "撤销原决定"),
            Map.entry(ReportProcess.UNFOUNDED, "举报不实，维持原待遇"),
            Map.entry(ReportProcess.CANCEL, "查实，停保"),
            Map.entry(ReportProcess.LOWER, "查实，降低待遇"));

    private DecisionLabels() {
    }

    /** The label, or the code as recorded where there is none. */
    public static String of(String decision) {
        return decision == null ? "" : LABELS.getOrDefault(decision, decision);
    }
}

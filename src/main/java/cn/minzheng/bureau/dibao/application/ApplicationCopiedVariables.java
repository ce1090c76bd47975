package cn.minzheng.bureau.dibao.application;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.CopiedVariables;

/**
 * The copies of table data the 低保 application's forms show: the case's facts, the survey's summary, the
 * calculation (as saved on the case), the decisions so far, the reviewer's name and the end of the public notice. The survey,
 * the case row with its calculation snapshot, the decisions and the audit trail are the record. Also the
 * standard table's result, which the engine's decision history records.
 */
@Component
class ApplicationCopiedVariables implements CopiedVariables {

    static final Set<String> OWN_COPIES = Set.of("surveySummary", "perCapitaIncome", "monthlyStandard",
            "categoryAddition", "monthlyAmount", "eligibilityNote", "caseHistory", "noticeEndDate",
            ReviewDecisionListener.VAR_REVIEWED_BY_NAME,
            DibaoApplicationProcess.VAR_STANDARD_DECISION);

    @Override
    public Map<String, Set<String>> byProcess() {
        Set<String> copies = new HashSet<>(CaseVariables.COPIES);
        copies.addAll(OWN_COPIES);
        return Map.of(DibaoApplicationProcess.KEY, copies);
    }
}

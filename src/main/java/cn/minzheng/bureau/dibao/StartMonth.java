package cn.minzheng.bureau.dibao;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * From which month an approved 低保 case is paid (bureau.dibao.start-month): the month of the district's decision,
 * or the month after it. Localities differ; docs/dibao-rules.md (rule 13).
 */
public enum StartMonth {
    DECISION_MONTH,
    NEXT_MONTH;

    public YearMonth after(LocalDate decidedOn) {
        YearMonth decided = YearMonth.from(decidedOn);
        return this == DECISION_MONTH ? decided : decided.plusMonths(1);
    }
}

package cn.minzheng.bureau.funeral.benefits;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by funeral-fee-settlement.bpmn, its form and Java; the process's variables, declared. */
public final class FeeSettlementProcess {

    public static final String KEY = "funeral-fee-settlement";

    public static final String TASK_SETTLE = "Task_SettleMonth";
    public static final String END_SETTLED = "EndEvent_Settled";

    public static final ProcessVariable<String> SETTLEMENT_MONTH = ProcessVariable.fact("settlementMonth", String.class);
    /** What was paid, one line per funeral home. */
    public static final ProcessVariable<String> SETTLED = ProcessVariable.fact("settled", String.class);

    static final List<ProcessVariable<?>> VARIABLES = List.of(SETTLEMENT_MONTH, SETTLED);

    private FeeSettlementProcess() {
    }
}

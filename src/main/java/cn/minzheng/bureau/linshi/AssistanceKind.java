package cn.minzheng.bureau.linshi;

import cn.minzheng.bureau.household.Labelled;

/** 临时救助的类型: 急难型 (sudden hardship, the township may pay 先行救助 at once) or 支出型 (necessary spending beyond the household's means). */
public enum AssistanceKind implements Labelled {
    EMERGENCY("急难型"),
    EXPENDITURE("支出型");

    private final String label;

    AssistanceKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package cn.minzheng.bureau.community.reorganisation;

import cn.minzheng.bureau.household.Labelled;

/** The kinds of change a reorganisation plan is made of. */
public enum StepKind implements Labelled {
    /** Several communities become one (an existing one or a new one); the others are closed. */
    MERGE("撤并"),
    /** One community becomes several; its households are assigned one by one or by the rest rule. */
    SPLIT("拆分"),
    /** A new community, village, township or street office. */
    CREATE("新建"),
    /** A community moves to another township or street office (e.g. enterprise-run → street office). */
    HAND_OVER("移交"),
    RENAME("更名");

    private final String label;

    StepKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

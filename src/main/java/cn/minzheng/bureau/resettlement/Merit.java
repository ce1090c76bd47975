package cn.minzheng.bureau.resettlement;

import cn.minzheng.bureau.household.Labelled;

/** The highest award received in service (立功受奖). */
public enum Merit implements Labelled {
    NONE("无"),
    THIRD_CLASS("三等功"),
    SECOND_CLASS("二等功"),
    FIRST_CLASS("一等功"),
    HONORARY_TITLE("荣誉称号");

    private final String label;

    Merit(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

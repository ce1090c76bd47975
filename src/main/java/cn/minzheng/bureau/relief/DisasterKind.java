package cn.minzheng.bureau.relief;

import cn.minzheng.bureau.household.Labelled;

public enum DisasterKind implements Labelled {
    LATE_SPRING_COLD("倒春寒"),
    HAIL("冰雹"),
    WATERLOGGING("内涝"),
    OTHER("其他");

    private final String label;

    DisasterKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package cn.minzheng.bureau.relief;

import cn.minzheng.bureau.household.Labelled;

public enum HouseDamage implements Labelled {
    NONE("无损"),
    DAMAGED("损坏"),
    COLLAPSED("倒塌");

    private final String label;

    HouseDamage(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

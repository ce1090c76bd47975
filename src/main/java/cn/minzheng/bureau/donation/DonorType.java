package cn.minzheng.bureau.donation;

import cn.minzheng.bureau.household.Labelled;

public enum DonorType implements Labelled {
    UNIT("单位"),
    PERSON("个人");

    private final String label;

    DonorType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

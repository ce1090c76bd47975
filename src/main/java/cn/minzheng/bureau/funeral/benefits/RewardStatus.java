package cn.minzheng.bureau.funeral.benefits;

import cn.minzheng.bureau.household.Labelled;

/** Where an eco-burial reward stands. */
public enum RewardStatus implements Labelled {
    REGISTERED("待乡镇（街道）审核"),
    GRANTED("已给予奖补"),
    REFUSED("不予奖补");

    private final String label;

    RewardStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

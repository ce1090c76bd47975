package cn.minzheng.bureau.distribution;

import cn.minzheng.bureau.household.Labelled;

/** Why a distribution is made. */
public enum Occasion implements Labelled {
    SPRING_FESTIVAL("春节慰问"),
    ARMY_DAY("八一慰问"),
    MEDICINE("送医送药"),
    EQUIPMENT("器材（用品）发放"),
    OTHER("其他慰问");

    private final String label;

    Occasion(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

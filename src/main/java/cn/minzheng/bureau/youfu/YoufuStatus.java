package cn.minzheng.bureau.youfu;

import cn.minzheng.bureau.household.Labelled;

/** Where a registration stands; the enrolment mirrors it (APPLIED, ACTIVE, SUSPENDED, ENDED, REFUSED). */
public enum YoufuStatus implements Labelled {
    APPLIED("认定办理中"),
    ACTIVE("享受中"),
    SUSPENDED("暂停发放"),
    ENDED("已终止"),
    REFUSED("未认定");

    private final String label;

    YoufuStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package cn.minzheng.bureau.program;

import cn.minzheng.bureau.household.Labelled;

/** Where an enrolment stands; only an active one is paid. */
public enum EnrolmentStatus implements Labelled {
    APPLIED("申请办理中"),
    ACTIVE("享受中"),
    SUSPENDED("暂停发放"),
    ENDED("已终止"),
    REFUSED("未纳入");

    private final String label;

    EnrolmentStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

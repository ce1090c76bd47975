package cn.minzheng.bureau.tekun;

import cn.minzheng.bureau.household.Labelled;

/** Where a 特困 case stands; the enrolment mirrors it (APPLIED, ACTIVE, ENDED, REFUSED). */
public enum TekunStatus implements Labelled {
    APPLIED("申请办理中"),
    ACTIVE("供养中"),
    ENDED("已终止供养"),
    REFUSED("未认定");

    private final String label;

    TekunStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package cn.minzheng.bureau.dibao;

import cn.minzheng.bureau.household.Labelled;

/** The kinds of households the bureau treats differently (对不同人员实行不同的保障标准); see dibao-standard.dmn. */
public enum CaseCategory implements Labelled {
    ORDINARY("一般困难家庭"),
    ELDERLY("老年人家庭"),
    SEVERE_DISABILITY("重度残疾人家庭"),
    /**
     * 三无人员 belong to 特困人员救助供养 (package tekun): no new 低保 application is accepted in this category; the
     * cases registered before keep it, and their reviews still compute from its rows of dibao-standard.dmn.
     */
    NO_SUPPORT("三无人员");

    private final String label;

    CaseCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package cn.minzheng.bureau.youfu;

import cn.minzheng.bureau.household.Labelled;

/** Why a 残疾军人 is disabled; 因病 is assessed only in grades 1 to 6 (伤残抚恤管理办法). */
public enum DisabilityCause implements Labelled {
    WAR("因战", 10),
    DUTY("因公", 10),
    ILLNESS("因病", 6);

    private final String label;
    private final int lowestGrade;

    DisabilityCause(String label, int lowestGrade) {
        this.label = label;
        this.lowestGrade = lowestGrade;
    }

    @Override
    public String label() {
        return label;
    }

    /** The lowest grade (the highest number) assessed for this cause. */
    public int lowestGrade() {
        return lowestGrade;
    }
}

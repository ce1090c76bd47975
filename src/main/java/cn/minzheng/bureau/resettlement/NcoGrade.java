package cn.minzheng.bureau.resettlement;

import cn.minzheng.bureau.household.Labelled;

/** A 士官's grade at discharge and its level (初级, 中级, 高级), which resettlement-route.dmn reads. */
public enum NcoGrade implements Labelled {
    CORPORAL("下士", "JUNIOR"),
    SERGEANT("中士", "JUNIOR"),
    STAFF_SERGEANT("上士", "INTERMEDIATE"),
    MASTER_SERGEANT_4("四级军士长", "INTERMEDIATE"),
    MASTER_SERGEANT_3("三级军士长", "SENIOR"),
    MASTER_SERGEANT_2("二级军士长", "SENIOR"),
    MASTER_SERGEANT_1("一级军士长", "SENIOR");

    private final String label;
    private final String level;

    NcoGrade(String label, String level) {
        this.label = label;
        this.level = level;
    }

    @Override
    public String label() {
        return label;
    }

    /** JUNIOR (初级), INTERMEDIATE (中级) or SENIOR (高级). */
    public String level() {
        return level;
    }
}

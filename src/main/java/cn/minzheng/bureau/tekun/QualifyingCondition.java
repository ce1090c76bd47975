package cn.minzheng.bureau.tekun;

import cn.minzheng.bureau.household.Labelled;

/** Why a person without work ability is one (特困人员认定办法): age 60+, under 16, or disability. */
public enum QualifyingCondition implements Labelled {
    ELDERLY("年满60周岁的老年人"),
    MINOR("未满16周岁的未成年人"),
    DISABLED("残疾人");

    private final String label;

    QualifyingCondition(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

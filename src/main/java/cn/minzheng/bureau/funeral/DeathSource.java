package cn.minzheng.bureau.funeral;

import cn.minzheng.bureau.household.Labelled;

/** Where the township learned of a death. */
public enum DeathSource implements Labelled {
    FUNERAL_HOME("殡仪馆火化记录"),
    HOSPITAL("医院死亡证明"),
    COMMITTEE("村（居）委会报告");

    private final String label;

    DeathSource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

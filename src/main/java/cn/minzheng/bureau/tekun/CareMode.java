package cn.minzheng.bureau.tekun;

import cn.minzheng.bureau.household.Labelled;

/** Where the person is cared for: in a named institution, or at home by a named carer under an agreement. */
public enum CareMode implements Labelled {
    CENTRALISED("集中供养"),
    DISPERSED("分散供养");

    private final String label;

    CareMode(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package cn.minzheng.bureau.resettlement;

import cn.minzheng.bureau.household.Labelled;

/** How the soldier served. 军官 (军队转业干部) are placed by other rules and refused here. */
public enum RankKind implements Labelled {
    CONSCRIPT("义务兵"),
    NCO("士官"),
    OFFICER("军官");

    private final String label;

    RankKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package cn.minzheng.bureau.relief;

import cn.minzheng.bureau.household.Labelled;

/** The category a clerk records for an affected household (拉网式排查). */
public enum HouseholdCategory implements Labelled {
    FIVE_GUARANTEE("五保户"),
    EXTREMELY_POOR("特困户"),
    SEVERELY_AFFECTED("重灾户"),
    ORDINARY("一般受灾户");

    private final String label;

    HouseholdCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package cn.minzheng.bureau.relief;

import java.util.List;

import cn.minzheng.bureau.household.Labelled;

/**
 * The damage to an affected household's house, by the degrees of the national disaster statistics (倒塌、严重损坏、
 * 一般损坏). {@link #DAMAGED} is what the register said before it asked for the degree: a damaged house of unknown
 * degree, kept as it was and never recorded anew.
 */
public enum HouseDamage implements Labelled {
    NONE("无"),
    GENERAL("一般损坏"),
    SEVERE("严重损坏"),
    COLLAPSED("倒塌"),
    DAMAGED("损坏（程度未登记）");

    /** The degrees a register entry may be recorded with (the form's and the import template's choices). */
    public static final List<HouseDamage> RECORDABLE = List.of(COLLAPSED, SEVERE, GENERAL, NONE);

    private final String label;

    HouseDamage(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether the house was damaged at all (collapsed, damaged of any degree, or of unknown degree). */
    public boolean damaged() {
        return this != NONE;
    }
}

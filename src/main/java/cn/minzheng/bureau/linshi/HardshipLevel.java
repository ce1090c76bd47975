package cn.minzheng.bureau.linshi;

import cn.minzheng.bureau.household.Labelled;

/** How hard the household is hit; with the kind it gives the multiple of the 低保 standard (linshi-amount.dmn). */
public enum HardshipLevel implements Labelled {
    GENERAL("一般困难"),
    SERIOUS("较重困难"),
    EXTREME("特别困难");

    private final String label;

    HardshipLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package cn.minzheng.bureau.region;

public enum RegionKind {
    DISTRICT("区"),
    TOWNSHIP("乡"),
    STREET_OFFICE("街道办事处"),
    VILLAGE("村"),
    COMMUNITY("社区");

    private final String label;

    RegionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Street offices and their communities are urban; townships and villages rural. */
    public AreaType areaType() {
        return this == STREET_OFFICE || this == COMMUNITY || this == DISTRICT ? AreaType.URBAN : AreaType.RURAL;
    }
}

package cn.minzheng.bureau.region;

/** Urban and rural households have different 低保 standards. */
public enum AreaType {
    URBAN("城市"),
    RURAL("农村");

    private final String label;

    AreaType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

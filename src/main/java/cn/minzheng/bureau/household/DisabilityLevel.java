package cn.minzheng.bureau.household;

public enum DisabilityLevel implements Labelled {
    NONE("无"),
    MILD("轻度（三、四级）"),
    SEVERE("重度（一、二级）");

    private final String label;

    DisabilityLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package cn.minzheng.bureau.donation;

import cn.minzheng.bureau.household.Labelled;

/** Donated goods, counted in whole pieces. */
public enum GoodsKind implements Labelled {
    COTTON_COAT("棉衣", "件"),
    QUILT("棉被", "床"),
    COTTON_SHOES("棉鞋", "双"),
    RICE("大米", "袋");

    private final String label;
    private final String unit;

    GoodsKind(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    @Override
    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}

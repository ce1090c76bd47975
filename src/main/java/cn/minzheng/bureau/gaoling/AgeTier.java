package cn.minzheng.bureau.gaoling;

import cn.minzheng.bureau.household.Labelled;

/** The tiers of 高龄津贴, as gaoling-allowance.dmn names them; a higher tier pays more. */
public enum AgeTier implements Labelled {
    AGE_80("80至89周岁"),
    AGE_90("90至99周岁"),
    AGE_100("百岁老人（100周岁及以上）");

    private final String label;

    AgeTier(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

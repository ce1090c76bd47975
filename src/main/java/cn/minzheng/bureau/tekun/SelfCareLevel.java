package cn.minzheng.bureau.tekun;

import cn.minzheng.bureau.household.Labelled;

/** Self-care ability as the township assesses it; the care amount follows it (tekun-care.dmn). */
public enum SelfCareLevel implements Labelled {
    FULL_SELF_CARE("全自理"),
    PARTIAL_CARE("半护理"),
    FULL_CARE("全护理");

    private final String label;

    SelfCareLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

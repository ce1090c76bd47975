package cn.minzheng.bureau.tekun;

import cn.minzheng.bureau.household.Labelled;

/** Why support ends (终止供养). */
public enum EndReason implements Labelled {
    DEATH("死亡"),
    SUPPORTER("有了赡养、抚养、扶养义务人或其恢复赡养、抚养、扶养能力"),
    INCOME("有了生活来源（收入达到或超过当地低保标准）"),
    LEFT_AREA("迁出本区");

    private final String label;

    EndReason(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package cn.minzheng.bureau.youfu;

import cn.minzheng.bureau.household.Labelled;

/** What an application of youfu-change changes. */
public enum YoufuChangeKind implements Labelled {
    GRADE("伤残等级调整"),
    CATEGORY("优抚对象类别变更"),
    MOVE_OUT("迁出本区（终止发放）");

    private final String label;

    YoufuChangeKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

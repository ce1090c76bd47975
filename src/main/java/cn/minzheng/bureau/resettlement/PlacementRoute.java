package cn.minzheng.bureau.resettlement;

import cn.minzheng.bureau.household.Labelled;

/** The placement route resettlement-route.dmn gives. */
public enum PlacementRoute implements Labelled {
    SELF_EMPLOYMENT("自主就业"),
    JOB("安排工作"),
    RETIRE("退休"),
    SUPPORT("供养");

    private final String label;

    PlacementRoute(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

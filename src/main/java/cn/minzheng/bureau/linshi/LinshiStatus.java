package cn.minzheng.bureau.linshi;

import cn.minzheng.bureau.household.Labelled;

/** Where a 临时救助 case stands. */
public enum LinshiStatus implements Labelled {
    REGISTERED("办理中"),
    GRANTED("已批准"),
    REFUSED("不予救助");

    private final String label;

    LinshiStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package cn.minzheng.bureau.funeral.benefits;

import cn.minzheng.bureau.household.Labelled;

/** The four basic funeral services whose fees 惠民殡葬 waives (keys of funeral-basic-fees.dmn). */
public enum FeeService implements Labelled {
    TRANSPORT("遗体接运"),
    STORAGE("遗体暂存"),
    CREMATION("火化"),
    ASH_STORAGE("骨灰寄存");

    private final String label;

    FeeService(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

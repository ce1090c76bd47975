package cn.minzheng.bureau.tekun;

import cn.minzheng.bureau.household.Labelled;

/** The legal supporter (法定赡养、抚养、扶养义务人): none, or one who cannot support. */
public enum SupporterSituation implements Labelled {
    NONE("无法定赡养、抚养、扶养义务人"),
    UNABLE("义务人无赡养、抚养、扶养能力");

    private final String label;

    SupporterSituation(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package cn.minzheng.bureau.relief;

import cn.minzheng.bureau.household.Labelled;

/** The three reports to the city used in practice. */
public enum ReportStage implements Labelled {
    INITIAL("初报"),
    FOLLOW_UP("续报"),
    VERIFIED("核报");

    private final String label;

    ReportStage(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

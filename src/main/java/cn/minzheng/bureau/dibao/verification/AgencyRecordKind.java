package cn.minzheng.bureau.dibao.verification;

/** What an agency holds on a person, as the economic-status check asks for it (居民家庭经济状况核对). */
public enum AgencyRecordKind {
    DEPOSIT("银行存款", true),
    WEALTH_PRODUCT("理财产品", true),
    VEHICLE("机动车", false),
    REAL_ESTATE("不动产", false),
    SOCIAL_INSURANCE("社会保险、养老金（元/月）", false),
    PROVIDENT_FUND("住房公积金", false),
    BUSINESS("工商登记", false),
    TAX("纳税（上年度）", false);

    private final String label;
    private final boolean financial;

    AgencyRecordKind(String label, boolean financial) {
        this.label = label;
        this.financial = financial;
    }

    public String label() {
        return label;
    }

    /** Counted as the household's financial assets (金融资产) by the asset rule. */
    public boolean financial() {
        return financial;
    }
}

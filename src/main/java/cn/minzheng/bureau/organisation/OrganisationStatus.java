package cn.minzheng.bureau.organisation;

/** Where an organisation stands in the register. */
public enum OrganisationStatus {

    /** 成立登记 applied for, under review; the name is reserved. */
    APPLIED("申请中"),
    /** Registered, certificate issued, announced. */
    REGISTERED("正常"),
    /** 不予登记. */
    REFUSED("不予登记");

    private final String label;

    OrganisationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

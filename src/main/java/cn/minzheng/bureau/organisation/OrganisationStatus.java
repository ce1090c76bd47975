package cn.minzheng.bureau.organisation;

/** Where an organisation stands in the register. */
public enum OrganisationStatus {

    /** 成立登记 applied for, under review; the name is reserved. */
    APPLIED("申请中"),
    /** Registered, certificate issued, announced. */
    REGISTERED("正常"),
    /** 不予登记. */
    REFUSED("不予登记"),
    /** 责令整改 after the annual inspection (missed, or 不合格 twice in a row); still registered. */
    RECTIFYING("责令整改"),
    /** 撤销登记: the rectification was not made. */
    REVOKED("已撤销"),
    /** 注销登记 after liquidation; the name is free again. */
    CANCELLED("已注销"),
    /** A 社区社会组织 filed (备案) with its street office; on the public register. */
    FILED("已备案");

    private final String label;

    OrganisationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

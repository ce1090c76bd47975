package cn.minzheng.bureau.organisation;

import cn.minzheng.bureau.common.RuleViolation;

/** What a 变更登记 changes, or 注销登记. */
public enum ChangeKind {

    NAME("名称变更", "name"),
    LEGAL_REPRESENTATIVE("法定代表人变更", "legal_representative"),
    DOMICILE("住所变更", "domicile"),
    FUNDS("注册资金变更", "registered_funds"),
    SCOPE("业务范围变更", "business_scope"),
    CANCELLATION("注销登记", null);

    private final String label;
    private final String column;

    ChangeKind(String label, String column) {
        this.label = label;
        this.column = column;
    }

    public String label() {
        return label;
    }

    /** The register's column the change writes; none for 注销登记. */
    String column() {
        return column;
    }

    public static ChangeKind parse(Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", "请选择变更事项");
        }
        try {
            return valueOf(value.toString().strip());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("UNKNOWN_CHANGE_KIND", "变更事项“" + value + "”不存在");
        }
    }
}

package cn.minzheng.bureau.organisation;

import java.util.Arrays;

import cn.minzheng.bureau.common.RuleViolation;

/** What a document kept for an organisation is. */
public enum OrganisationDocumentKind {

    CHARTER("章程"),
    SUPERVISOR_APPROVAL("业务主管单位批准文件"),
    AUDIT_REPORT("年度审计报告"),
    LIQUIDATION_REPORT("清算报告"),
    OTHER("其他");

    private final String label;

    OrganisationDocumentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind from a form or the API, by name or Chinese label. */
    public static OrganisationDocumentKind parse(String value) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation("MISSING_FIELD", "请选择材料类型");
        }
        return Arrays.stream(values()).filter(k -> k.name().equals(value.strip()) || k.label.equals(value.strip())).findFirst()
                .orElseThrow(() -> new RuleViolation("UNKNOWN_DOCUMENT_KIND", "材料类型“" + value
                        + "”不存在，应为章程、业务主管单位批准文件、年度审计报告、清算报告或其他"));
    }
}

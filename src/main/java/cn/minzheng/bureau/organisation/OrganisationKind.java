package cn.minzheng.bureau.organisation;

import java.util.Arrays;

import cn.minzheng.bureau.common.RuleViolation;

/** The kinds of organisation the district bureau registers; the credit code's type digit (GB 32100, 民政: 5x). */
public enum OrganisationKind {

    SOCIAL_GROUP("社会团体", '1'),
    PRIVATE_NON_ENTERPRISE("民办非企业单位", '2');

    private final String label;
    private final char creditCodeType;

    OrganisationKind(String label, char creditCodeType) {
        this.label = label;
        this.creditCodeType = creditCodeType;
    }

    public String label() {
        return label;
    }

    /** The second character of the unified social credit code of an organisation of this kind (51…, 52…). */
    public char creditCodeType() {
        return creditCodeType;
    }

    public static OrganisationKind parse(Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", "请选择组织类型（社会团体或民办非企业单位）");
        }
        return Arrays.stream(values()).filter(k -> k.name().equals(value.toString()) || k.label.equals(value.toString()))
                .findFirst()
                .orElseThrow(() -> new RuleViolation("UNKNOWN_KIND", "组织类型“" + value + "”不存在，请选择社会团体或民办非企业单位"));
    }
}

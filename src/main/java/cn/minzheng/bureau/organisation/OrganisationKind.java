package cn.minzheng.bureau.organisation;

import java.util.Arrays;

import cn.minzheng.bureau.common.RuleViolation;

/** The kinds of organisation the district bureau registers; the credit code's type digit (GB 32100, 民政: 5x). */
public enum OrganisationKind {

    SOCIAL_GROUP("社会团体", '1'),
    PRIVATE_NON_ENTERPRISE("民办非企业单位", '2'),
    /** 社区社会组织: filed (备案) with a street office, not registered by the bureau; no credit code. */
    COMMUNITY_ORGANISATION("社区社会组织", ' ');

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

    /** A kind the bureau registers (成立登记, name check), from a form or the API. */
    public static OrganisationKind parse(Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", "请选择组织类型（社会团体或民办非企业单位）");
        }
        OrganisationKind kind = Arrays.stream(values())
                .filter(k -> k.name().equals(value.toString()) || k.label.equals(value.toString())).findFirst()
                .orElseThrow(() -> new RuleViolation("UNKNOWN_KIND", "组织类型“" + value + "”不存在，请选择社会团体或民办非企业单位"));
        if (kind == COMMUNITY_ORGANISATION) {
            throw new RuleViolation("FILED_BY_STREET_OFFICE", "社区社会组织由街道办事处（乡镇人民政府）备案，不在区民政局办理成立登记");
        }
        return kind;
    }
}

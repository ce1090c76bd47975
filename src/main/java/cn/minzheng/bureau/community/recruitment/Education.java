package cn.minzheng.bureau.community.recruitment;

import cn.minzheng.bureau.common.RuleViolation;

/** 学历, lowest first: the order is what the eligibility rule compares. */
public enum Education {
    JUNIOR_MIDDLE("初中及以下"),
    HIGH_SCHOOL("高中或中专"),
    JUNIOR_COLLEGE("大专"),
    BACHELOR("本科"),
    POSTGRADUATE("研究生");

    private final String label;

    Education(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Education parse(Object value) {
        if (value != null) {
            for (Education education : values()) {
                if (education.name().equals(value.toString()) || education.label.equals(value.toString())) {
                    return education;
                }
            }
        }
        throw new RuleViolation("MISSING_DECISION", "请选择学历");
    }
}

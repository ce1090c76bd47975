package cn.minzheng.bureau.organisation;

import java.util.List;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;

/** The wording rules of an organisation's name, from {@link OrganisationSettings}: length, kind's ending, forbidden words. */
final class NameRules {

    private NameRules() {
    }

    /** The name stripped, or a Chinese refusal naming the rule it breaks. */
    static String check(Object value, OrganisationKind kind, OrganisationSettings settings) {
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", "组织名称不能为空");
        }
        String name = value.toString().strip();
        String problem = TextRules.textProblem("组织名称", name);
        if (problem != null) {
            throw new RuleViolation("FORBIDDEN_CHARACTERS", problem);
        }
        if (name.codePointCount(0, name.length()) < settings.getMinLength()
                || name.codePointCount(0, name.length()) > settings.getMaxLength()) {
            throw new RuleViolation("NAME_LENGTH", "组织名称应为" + settings.getMinLength() + "至" + settings.getMaxLength() + "个字");
        }
        for (String word : settings.getForbiddenWords()) {
            if (name.contains(word)) {
                throw new RuleViolation("NAME_FORBIDDEN_WORD", "区级民间组织的名称不得使用“" + word + "”字样");
            }
        }
        List<String> suffixes = settings.getSuffixes().getOrDefault(kind, List.of());
        if (suffixes.stream().noneMatch(name::endsWith)) {
            throw new RuleViolation("NAME_SUFFIX", kind.label() + "的名称应以" + String.join("、", suffixes.stream()
                    .map(s -> "“" + s + "”").toList()) + "结尾");
        }
        if (suffixes.stream().anyMatch(name::equals)) {
            throw new RuleViolation("NAME_SUFFIX", "组织名称除“" + name + "”外还应有字号和业务领域");
        }
        return name;
    }
}

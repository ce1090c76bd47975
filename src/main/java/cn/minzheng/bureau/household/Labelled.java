package cn.minzheng.bureau.household;

import java.util.Arrays;

import cn.minzheng.bureau.common.RuleViolation;

/** An enum whose constants carry the Chinese label users read. */
public interface Labelled {

    String label();

    /** Parses a code sent by a form or a REST client, with a Chinese message listing what is allowed. */
    static <E extends Enum<E> & Labelled> E parse(Class<E> type, Object code, String fieldLabel) {
        if (code == null || code.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", fieldLabel + "不能为空");
        }
        try {
            return Enum.valueOf(type, code.toString().trim());
        } catch (IllegalArgumentException e) {
            String allowed = String.join("、", Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name() + "（" + c.label() + "）").toList());
            throw new RuleViolation("INVALID_CODE", fieldLabel + "的取值“" + code + "”无效，可选：" + allowed);
        }
    }
}

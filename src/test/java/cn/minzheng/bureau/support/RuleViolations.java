package cn.minzheng.bureau.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

import cn.minzheng.bureau.common.RuleViolation;

/** For {@code assertThatThrownBy(…).satisfies(violation("…"))}: a broken business rule, however the engine wrapped it. */
public final class RuleViolations {

    private RuleViolations() {
    }

    /** The thrown exception is, or wraps, a rule violation whose message contains the text. */
    public static Consumer<Throwable> violation(String text) {
        return thrown -> assertThat(RuleViolation.in(thrown)).as("rule violation in %s", thrown)
                .hasValueSatisfying(v -> assertThat(v.getMessage()).contains(text));
    }
}

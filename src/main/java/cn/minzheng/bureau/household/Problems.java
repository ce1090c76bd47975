package cn.minzheng.bureau.household;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.minzheng.bureau.common.RuleViolation;

/**
 * Where a record's rule set reports what is wrong, in Chinese, with the column (of an import template) it
 * concerns. One rule set per record kind, used two ways: interactively (a form, the REST API) the first
 * problem throws at once ({@link #firstThrows}); during an import every problem of a row is collected
 * ({@link #collectAll}) and the import marks the row and its cells. A form that lists all its problems at
 * once collects them and calls {@link #throwIfAny}.
 */
public final class Problems {

    /** One problem: an error code (as the REST API answers it), the column (-1: none) and the message. */
    public record Problem(String code, int column, String message) {
    }

    private final boolean throwFirst;
    private final String prefix;
    private final List<Problem> problems = new ArrayList<>();

    private Problems(boolean throwFirst, String prefix) {
        this.throwFirst = throwFirst;
        this.prefix = prefix;
    }

    /** Interactively: the first problem throws a {@link RuleViolation}, its message after {@code prefix}. */
    public static Problems firstThrows(String prefix) {
        return new Problems(true, prefix == null ? "" : prefix);
    }

    /** During an import, or for a form listing everything: every problem is kept. */
    public static Problems collectAll() {
        return new Problems(false, "");
    }

    public void add(String code, int column, String message) {
        add(code, column, message, 400);
    }

    public void add(String code, int column, String message, int httpStatus) {
        if (throwFirst) {
            throw new RuleViolation(code, prefix + message, httpStatus);
        }
        problems.add(new Problem(code, column, message));
    }

    /** A check written as a parse that throws {@link RuleViolation}: its refusal becomes a problem, the value null. */
    public <T> T parse(int column, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (RuleViolation e) {
            add(e.getErrorCode(), column, e.getMessage(), e.getHttpStatus());
            return null;
        }
    }

    /** As {@link #parse(int, Supplier)}, the message after {@code label}. */
    public <T> T parse(int column, String label, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (RuleViolation e) {
            add(e.getErrorCode(), column, label + e.getMessage(), e.getHttpStatus());
            return null;
        }
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(problems);
    }

    /** Throws every collected problem as one {@link RuleViolation}, the messages joined by "；". */
    public void throwIfAny(String code) {
        if (!problems.isEmpty()) {
            throw new RuleViolation(code, prefix + String.join("；", problems.stream().map(Problem::message).toList()));
        }
    }
}

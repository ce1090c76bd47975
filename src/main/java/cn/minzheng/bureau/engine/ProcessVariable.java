package cn.minzheng.bureau.engine;

import java.math.BigDecimal;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One variable of a process, declared once in its {@code XProcess} class: its name, its Java type, and whether
 * it is a fact the process keeps or only a copy of table data set for the forms (see
 * {@link VariableDeclarations}). Java code reads and writes variables through these, never by a string name.
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Class<T> type;
    private final boolean copy;

    private ProcessVariable(String name, Class<T> type, boolean copy) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.copy = copy;
    }

    /** A fact of the process: what its gateways, listeners and history need (a decision, an id, who acted). */
    public static <T> ProcessVariable<T> fact(String name, Class<T> type) {
        return new ProcessVariable<>(name, type, false);
    }

    /** A copy of what the tables hold, set only so that Tasklist's forms can show it; kept out of the history. */
    public static <T> ProcessVariable<T> copy(String name, Class<T> type) {
        return new ProcessVariable<>(name, type, true);
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    public boolean isCopy() {
        return copy;
    }

    /** The value, or null when the variable is absent or null. Numbers are converted to the declared type. */
    public T get(VariableScope scope) {
        return convert(scope.getVariable(name));
    }

    /** The value, which the process must have set by now: its absence is a modelling error, not a user's. */
    public T require(VariableScope scope) {
        T value = get(scope);
        if (value == null) {
            throw new IllegalStateException("process variable '" + name + "' is not set");
        }
        return value;
    }

    public boolean isSet(VariableScope scope) {
        return scope.getVariable(name) != null;
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    /** Sets the value unless the variable holds it already: with full history every write is a row more. */
    public void setIfChanged(VariableScope scope, T value) {
        boolean present = scope.hasVariable(name);
        if (present ? !Objects.equals(get(scope), value) : value != null) {
            scope.setVariable(name, value);
        }
    }

    /** Removes the variable where it is set (the task's own scope first, as a form's input lands there). */
    public void remove(VariableScope scope) {
        scope.removeVariable(name);
    }

    private T convert(Object value) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        if (value instanceof Number number) {
            if (type == Long.class) {
                return type.cast(number.longValue());
            }
            if (type == Integer.class) {
                return type.cast(number.intValue());
            }
            if (type == BigDecimal.class) {
                return type.cast(new BigDecimal(number.toString()));
            }
        }
        if (type == Boolean.class && value instanceof String text) {
            return type.cast(Boolean.valueOf(text));
        }
        if (type == String.class) {
            return type.cast(value.toString());
        }
        throw new IllegalStateException("process variable '" + name + "' holds a " + value.getClass().getSimpleName()
                + ", not a " + type.getSimpleName());
    }

    @Override
    public String toString() {
        return name;
    }
}

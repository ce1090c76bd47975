package cn.minzheng.bureau.engine;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * What a task extension property means: a bean that turns {@code <camunda:property name="fourEyes"
 * value="registeredBy,relatedStaffUser" />} on a user task into task listeners. {@link TaskPropertiesPlugin}
 * asks the handlers when it reads a user task, so that a rule the modeller declares once per task (four-eyes,
 * recording who acted, clearing a form's inputs) is written once in Java, not as an expression copied into
 * every task.
 */
public interface TaskPropertyHandler {

    /** The property names this handler reads; each name has exactly one handler. */
    Set<String> propertyNames();

    /** The listeners a task gets for one of its properties ({@code value} as written in the model). */
    List<Listener> listeners(String property, String value);

    /**
     * A listener for one event of the task, run either before the listeners modelled on the task for that event
     * (a check that may refuse, clearing on create) or after them (recording what the others accepted).
     */
    record Listener(String event, boolean beforeModelled, TaskListener listener) {

        public Listener {
            Objects.requireNonNull(event);
            Objects.requireNonNull(listener);
        }

        public static Listener before(String event, TaskListener listener) {
            return new Listener(event, true, listener);
        }

        public static Listener after(String event, TaskListener listener) {
            return new Listener(event, false, listener);
        }
    }

    /** The value of a property that lists names ("a, b,c"), as a list of trimmed, non-empty names. */
    static List<String> names(String value) {
        return value == null ? List.of()
                : java.util.Arrays.stream(value.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }
}

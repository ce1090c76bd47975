package cn.minzheng.bureau.engine;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * {@code <camunda:property name="clearInputs" value="a,b" />} on a user task: when the task is created, these
 * variables are removed, so its input fields start empty and an answer given in an earlier round of a loop is
 * never submitted again by accident.
 */
@Component
public class ClearInputs implements TaskPropertyHandler {

    public static final String PROPERTY = "clearInputs";

    @Override
    public Set<String> propertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public List<Listener> listeners(String property, String value) {
        List<String> names = TaskPropertyHandler.names(value);
        if (names.isEmpty()) {
            throw new IllegalArgumentException(PROPERTY + " names no variable");
        }
        return List.of(Listener.before(TaskListener.EVENTNAME_CREATE, task -> clear(task, names)));
    }

    /**
     * Removed where they are set, from the task's execution up: a new task has no variables of its own, and
     * asking it first would load them, one query more per task.
     */
    static void clear(DelegateTask task, List<String> names) {
        VariableScope scope = task.getExecution() != null ? task.getExecution() : task;
        names.forEach(scope::removeVariable);
    }
}

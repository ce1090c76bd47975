package cn.minzheng.bureau.common;

import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * ${taskInputs.clear(task, 'a,b')} on a task's create event: the task's input fields start empty,
 * so an answer given in an earlier round of a loop is never submitted again by accident.
 * <p>
 * Only for process versions deployed before the {@code clearInputs} task property (engine/ClearInputs), which
 * running cases keep until they are migrated: no model in processes/ calls it any more. Delete it once no
 * running instance is on such a version (or they have been migrated).
 */
@Component
public class TaskInputs {

    public void clear(DelegateTask task, String variables) {
        Arrays.stream(variables.split(",")).map(String::trim).forEach(task::removeVariable);
    }
}

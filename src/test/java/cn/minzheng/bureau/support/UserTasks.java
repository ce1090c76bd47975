package cn.minzheng.bureau.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.demo.DibaoWalker;

/**
 * A process started and its user tasks completed as a named user, as Tasklist does it: through the form service
 * and the task service with that user authenticated, so listeners, four-eyes checks and the audit see who acted.
 */
@Component
public class UserTasks {

    private final ProcessEngine engine;
    private final DibaoWalker walker;

    public UserTasks(ProcessEngine engine, DibaoWalker walker) {
        this.engine = engine;
        this.walker = walker;
    }

    /** The latest version of the process, started through its start form. */
    public ProcessInstance start(String user, String processKey, Map<String, Object> variables) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult().getId();
        return walker.as(user, () -> engine.getFormService().submitStartForm(definition, variables));
    }

    /** The instance's one open task of that key, completed; fails when there is none or more than one. */
    public void complete(String user, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        walker.as(user, () -> {
            List<Task> found = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(taskKey).list();
            assertThat(found).as(user + " sees " + taskKey).hasSize(1);
            engine.getTaskService().complete(found.get(0).getId(), variables);
            return null;
        });
    }
}

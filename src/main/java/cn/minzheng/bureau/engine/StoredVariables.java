package cn.minzheng.bureau.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * A few variables of a task's process instance read as the database holds them, in one small query, where that
 * is what the engine would answer: reading them through the task loads every variable of the task's scopes (two
 * queries of forty-odd rows for a 低保 application at each claim).
 */
public final class StoredVariables {

    private StoredVariables() {
    }

    /**
     * The stored non-null values of these variables, by name, when the current engine command has neither read
     * nor written a variable of the task's process instance (a claim on its own), so that the database holds the
     * current values; empty otherwise (a task assigned as it is created, or in a command that has just set a
     * fact), when the caller reads them through the engine. The caller's authorizations were checked by the
     * command itself; the lookup is the engine's own.
     */
    public static Optional<Map<String, Object>> readIfCurrent(DelegateTask task, Collection<String> names) {
        CommandContext command = Context.getCommandContext();
        String processInstanceId = task.getProcessInstanceId();
        boolean touched = command.getDbEntityManager().getCachedEntitiesByType(VariableInstanceEntity.class)
                .stream().anyMatch(variable -> processInstanceId.equals(variable.getProcessInstanceId()));
        if (touched) {
            return Optional.empty();
        }
        List<VariableInstance> found = command.runWithoutAuthorization(() ->
                task.getProcessEngineServices().getRuntimeService().createVariableInstanceQuery()
                        .processInstanceIdIn(processInstanceId)
                        .variableNameIn(names.toArray(String[]::new))
                        .disableBinaryFetching().disableCustomObjectDeserialization()
                        .list());
        return Optional.of(found.stream().filter(v -> v.getValue() != null)
                .collect(Collectors.toMap(VariableInstance::getName, VariableInstance::getValue, (a, b) -> a)));
    }
}

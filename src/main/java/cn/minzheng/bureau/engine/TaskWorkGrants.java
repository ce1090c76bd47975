package cn.minzheng.bureau.engine;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine grants whoever a task is offered to its default task permission, TASK_WORK here (application.yml): claim,
 * return and complete. Tasks offered while the default was UPDATE (an installation of an earlier version) keep grants
 * that also let their holders hand the task to anyone or change its due date; at start those per-task grants are
 * brought to TASK_WORK. Grants on every task ({@code *}) are an administrator's decision and are left alone.
 */
@Component
public class TaskWorkGrants {

    private static final Logger log = LoggerFactory.getLogger(TaskWorkGrants.class);

    private final AuthorizationService authorizations;
    private final ProcessEngineConfigurationImpl engine;

    public TaskWorkGrants(AuthorizationService authorizations, ProcessEngineConfigurationImpl engine) {
        this.authorizations = authorizations;
        this.engine = engine;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void narrowOpenTasksGrants() {
        if (!TaskPermissions.TASK_WORK.getName().equals(engine.getDefaultUserPermissionNameForTask())) {
            return;
        }
        // once per installation: afterwards no per-task grant holds UPDATE, and the query finds nothing
        List<Authorization> wide = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .hasPermission(Permissions.UPDATE).authorizationType(Authorization.AUTH_TYPE_GRANT).list().stream()
                .filter(grant -> !ANY.equals(grant.getResourceId())).toList();
        for (Authorization grant : wide) {
            grant.removePermission(Permissions.UPDATE);
            grant.addPermission(TaskPermissions.TASK_WORK);
            authorizations.saveAuthorization(grant);
        }
        int narrowed = wide.size();
        if (narrowed > 0) {
            log.info("{} grants on open tasks narrowed from UPDATE to TASK_WORK", narrowed);
        }
    }
}

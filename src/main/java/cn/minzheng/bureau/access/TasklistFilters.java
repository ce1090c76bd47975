package cn.minzheng.bureau.access;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every role starts with, so a clerk sees a task list at first login:
 * my tasks, my group's (township's) open tasks, and tasks due within three days.
 * Each user still sees only the tasks the engine authorizes for them.
 */
@Component
public class TasklistFilters {

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    public TasklistFilters(FilterService filterService, TaskService taskService,
                           AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    public void setUp() {
        create("本级待办（本乡镇 / 本岗位）", -10, "我所在组可认领和已认领的任务",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByDueDate().asc());
        create("我的任务", 0, "已认领给我的任务",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        create("三日内到期", 10, "三天内到期或已逾期的任务",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().dueBeforeExpression("${dateTime().plusDays(3).toDate()}")
                        .orderByDueDate().asc());
        if (authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).userIdIn(ANY).count() == 0) {
            Authorization everyone = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
            everyone.setUserId(ANY);
            everyone.setResource(Resources.FILTER);
            everyone.setResourceId(ANY);
            everyone.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(everyone);
        }
    }

    private void create(String name, int priority, String description, TaskQuery query) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("description", description);
        properties.put("refresh", true);
        properties.put("variables", List.of(
                Map.of("name", "caseNumber", "label", "案件编号"),
                Map.of("name", "applicantName", "label", "申请人"),
                Map.of("name", "townshipName", "label", "乡镇（街道）")));
        Filter filter = filterService.newTaskFilter(name).setProperties(properties).setQuery(query);
        filterService.saveFilter(filter);
    }
}

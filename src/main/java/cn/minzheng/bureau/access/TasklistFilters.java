package cn.minzheng.bureau.access;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork.Card;

/**
 * The Tasklist filters every role starts with, so a clerk sees a task list at first login: three for
 * everyone (my level's work, my tasks, due within three days) and one per line of work the role has
 * (低保申请, 低保复核核查, 救灾救济 …: {@link LineOfWork}), offered only to the groups that do that work, listing
 * the processes that name that line of work ({@link ProcessAccess}).
 * <p>
 * Each filter names the variables its task cards show (案件编号, 申请人, 乡镇 …); Tasklist's search box
 * matches them as well as the task name (scripts/bureau-tasklist.js). "My level's work" is every task
 * the user may take: offered to one of their groups or to them by name (a survey team's leader), or
 * already theirs. Each user still sees only the tasks the engine authorizes for them.
 * <p>
 * Runs at every start: creates what is missing, and brings filters created by an earlier version of
 * this class up to date ({@link #VERSION}); filters an administrator created are left alone.
 */
@Component
public class TasklistFilters {

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    /** Raise when a filter's criteria or card variables change: existing installations take the change. */
    static final int VERSION = 2;
    static final String VERSION_PROPERTY = "bureauFilterVersion";

    private static final List<Card> ALL_CARDS = LineOfWork.Cards.ALL;

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final IdentityService identityService;
    /** The process keys of each line of work, as the processes declare them. */
    private final Map<LineOfWork, List<String>> processKeys = new EnumMap<>(LineOfWork.class);

    public TasklistFilters(FilterService filterService, TaskService taskService,
                           AuthorizationService authorizationService, IdentityService identityService,
                           List<ProcessAccess> processes) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.identityService = identityService;
        for (ProcessAccess process : processes) {
            processKeys.computeIfAbsent(process.lineOfWork(), line -> new ArrayList<>()).add(process.processKey());
        }
        processKeys.values().forEach(keys -> keys.sort(null));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    public void setUp() {
        forEveryone(save("本级待办（本乡镇 / 本岗位）", -10, "我可以办理的任务：派给本乡镇（本岗位）或指定给我、尚未办结的任务",
                mine().orderByDueDate().asc(), ALL_CARDS));
        forEveryone(save("我的任务", 0, "已认领给我的任务",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(), ALL_CARDS));
        forEveryone(save("三日内到期", 10, "三天内到期或已逾期的任务",
                mine().dueBeforeExpression("${dateTime().plusDays(3).toDate()}").orderByDueDate().asc(), ALL_CARDS));
        for (Map.Entry<LineOfWork, List<String>> line : processKeys.entrySet()) {
            LineOfWork work = line.getKey();
            save(work.title(), work.priority(), work.description(),
                    mine().processDefinitionKeyIn(line.getValue().toArray(String[]::new)).orderByDueDate().asc(),
                    work.cards());
        }
        withdrawEveryonesGrantOnAllFilters();
        for (Group group : identityService.createGroupQuery().list()) {
            offerTo(group.getId());
        }
    }

    /**
     * Offers a group the filters of its lines of work; also called when a community reorganisation
     * creates the groups of a new township or community. Does nothing before the filters exist.
     */
    public void offerTo(String groupId) {
        for (LineOfWork work : processKeys.keySet()) {
            if (work.offeredTo(groupId)) {
                Filter filter = filterService.createFilterQuery().filterName(work.title()).singleResult();
                if (filter != null) {
                    grantRead(groupId, filter.getId());
                }
            }
        }
    }

    /** Tasks offered to the user (through a group or by name), taken or not, and tasks assigned to the user. */
    private TaskQuery mine() {
        return taskService.createTaskQuery()
                .or()
                    .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks()
                    .taskAssigneeExpression("${currentUser()}")
                .endOr();
    }

    private Filter save(String name, int priority, String description, TaskQuery query, List<Card> cards) {
        Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
        if (existing != null && !createdByEarlierVersion(existing)) {
            return existing;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("description", description);
        properties.put("refresh", true);
        properties.put("variables", cards.stream().map(c -> Map.of("name", c.variable(), "label", c.label())).toList());
        properties.put(VERSION_PROPERTY, VERSION);
        Filter filter = existing != null ? existing : filterService.newTaskFilter(name);
        filter.setProperties(properties);
        filter.setQuery(query);
        filterService.saveFilter(filter);
        log.info("{} Tasklist filter {}", existing != null ? "updated" : "created", name);
        return filter;
    }

    /** Ours, from before {@link #VERSION}: it carries no version or a lower one, and nobody renamed it. */
    private static boolean createdByEarlierVersion(Filter filter) {
        Object version = filter.getProperties() == null ? null : filter.getProperties().get(VERSION_PROPERTY);
        return !(version instanceof Number n) || n.intValue() < VERSION;
    }

    private void forEveryone(Filter filter) {
        if (authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter.getId())
                .userIdIn(ANY).count() == 0) {
            Authorization everyone = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
            everyone.setUserId(ANY);
            everyone.setResource(Resources.FILTER);
            everyone.setResourceId(filter.getId());
            everyone.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(everyone);
        }
    }

    /**
     * Earlier versions let everyone read every filter; the filters of a line of work are for the groups
     * that do it, so that one grant goes (each filter for everyone has its own).
     */
    private void withdrawEveryonesGrantOnAllFilters() {
        authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(ANY).userIdIn(ANY).list()
                .forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
    }

    private void grantRead(String groupId, String filterId) {
        if (authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId)
                .groupIdIn(groupId).count() == 0) {
            Authorization grant = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            grant.setResource(Resources.FILTER);
            grant.setResourceId(filterId);
            grant.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(grant);
        }
    }
}

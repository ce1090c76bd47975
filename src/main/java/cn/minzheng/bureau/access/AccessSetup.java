package cn.minzheng.bureau.access;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.region.Communities;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionKind;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * Groups per role and per township, and what each may do in the engine. Runs at every start and
 * adds only what is missing, so an administrator's later changes in Camunda Admin are kept.
 * Township staff reach tasks only as candidates: the engine grants a candidate group access to
 * exactly the tasks it is candidate for, which is what keeps one township's tasks from another's.
 * Who may start which process each process declares itself ({@link ProcessAccess}).
 */
@Component
public class AccessSetup {

    private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);

    /** The district's groups that work in Tasklist (the administrator works in Admin). */
    private static final List<String> DISTRICT_STAFF = List.of(Groups.COMMUNITY_SECTION, Groups.DISTRICT_APPROVER,
            Groups.FINANCE, Groups.SURVEY_TEAM_LEAD, Groups.RELIEF_HEAD, Groups.PROCESS_MANAGER, Groups.DIBAO_HEAD,
            Groups.ORGANISATION_SECTION, Groups.ORGANISATION_HEAD, Groups.YOUFU_SECTION,
            Groups.STATISTICIAN, Groups.FUNERAL_HOME);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final RegionRepository regions;
    private final TasklistFilters tasklistFilters;
    private final List<ProcessAccess> processes;

    public AccessSetup(IdentityService identityService, AuthorizationService authorizationService,
                       RegionRepository regions, TasklistFilters tasklistFilters, List<ProcessAccess> processes) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.regions = regions;
        this.tasklistFilters = tasklistFilters;
        this.processes = List.copyOf(processes);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void setUp() {
        requireKnownStarters(DISTRICT_STAFF);
        List<String> staff = new ArrayList<>();
        for (Region township : regions.townships()) {
            staff.addAll(township(township));
            for (Region community : regions.children(township.code())) {
                if (Communities.hasCommittee(community)) {
                    committee(community);
                }
            }
        }
        districtGroups();
        staff.addAll(DISTRICT_STAFF);
        for (String group : staff) {
            staffGrants(group);
        }
        for (String districtWide : Groups.DISTRICT_WIDE) {
            if (!Groups.ADMIN.equals(districtWide)) {
                // district roles see all townships; see engine/TaskAuthorizationProvider
                grant(districtWide, Resources.TASK, ANY, Permissions.READ);
            }
        }
        processManagerGrants();
        for (Resource resource : Resources.values()) {
            grant(Groups.ADMIN, resource, ANY, Permissions.ALL);
        }
    }

    /**
     * The webapps offer their first-user setup page instead of a login until a user belongs to the engine's
     * built-in administrators' group: {@code camunda-admin} on Camunda, which is {@link Groups#ADMIN}, but
     * {@code operaton-admin} on Operaton (docs/engine-continuity.md). There the bureau's administrators join
     * it too. Runs after the demo data, which makes the demo administrator.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void webappAdministrators() {
        String builtIn = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;
        if (builtIn.equals(Groups.ADMIN)) {
            return;
        }
        group(builtIn, "系统管理员");
        for (User administrator : identityService.createUserQuery().memberOfGroup(Groups.ADMIN).list()) {
            if (identityService.createUserQuery().userId(administrator.getId()).memberOfGroup(builtIn).count() == 0) {
                identityService.createMembership(administrator.getId(), builtIn);
            }
        }
    }

    /** The district's groups, and the processes each may start. */
    private void districtGroups() {
        group(Groups.DISTRICT_APPROVER, "区民政局审批人");
        group(Groups.FINANCE, "财务");
        group(Groups.RELIEF_HEAD, "区救灾科负责人");
        group(Groups.DIBAO_HEAD, "区民政局低保科负责人");
        group(Groups.COMMUNITY_SECTION, "区民政局基层政权和社区建设科");
        group(Groups.SURVEY_TEAM_LEAD, "调查组组长");
        group(Groups.ORGANISATION_SECTION, "区民政局民间组织管理科");
        group(Groups.ORGANISATION_HEAD, "区民政局民间组织管理科负责人");
        group(Groups.YOUFU_SECTION, "区民政局优抚安置科");
        group(Groups.STATISTICIAN, "区民政局统计员");
        group(Groups.FUNERAL_HOME, "殡仪馆");
        group(Groups.PROCESS_MANAGER, "流程管理员");
        group(Groups.ADMIN, "系统管理员");
        for (String group : DISTRICT_STAFF) {
            startRights(group);
        }
    }

    /** Cockpit for the process manager: deploying, and running instances, decisions and batches. */
    private void processManagerGrants() {
        processManagerReadsWhatCockpitShows();
        grant(Groups.PROCESS_MANAGER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.PROCESS_MANAGER, Resources.DEPLOYMENT, ANY, Permissions.ALL);
        grant(Groups.PROCESS_MANAGER, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE, Permissions.DELETE_INSTANCE,
                ProcessDefinitionPermissions.MIGRATE_INSTANCE, ProcessDefinitionPermissions.SUSPEND,
                ProcessDefinitionPermissions.SUSPEND_INSTANCE);
        grant(Groups.PROCESS_MANAGER, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.UPDATE);
        grant(Groups.PROCESS_MANAGER, Resources.DECISION_DEFINITION, ANY, Permissions.ALL);
        grant(Groups.PROCESS_MANAGER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.ALL);
        grant(Groups.PROCESS_MANAGER, Resources.BATCH, ANY, Permissions.ALL);
    }

    /**
     * The clerk and reviewer groups of one township and what they may do; also called when a community
     * reorganisation creates a township or street office.
     */
    public List<String> township(Region township) {
        String clerks = Groups.clerk(township.code());
        String reviewers = Groups.reviewer(township.code());
        group(clerks, township.name() + "经办人");
        group(reviewers, township.name() + "审核人");
        for (String group : List.of(clerks, reviewers)) {
            startRights(group);
            staffGrants(group);
            tasklistFilters.offerTo(group);
        }
        return List.of(clerks, reviewers);
    }

    /**
     * The committee group (居委会 / 村委会) of a community or village, which registers and mediates its disputes;
     * also called when a community reorganisation creates or enlarges a community.
     */
    public void committee(Region community) {
        String committee = Groups.committee(community.code());
        group(committee, community.name() + (community.kind() == RegionKind.VILLAGE ? "村委会" : "居委会"));
        startRights(committee);
        staffGrants(committee);
        tasklistFilters.offerTo(committee);
    }

    /** Starting the processes that name the group's role as a starter ({@link ProcessAccess#starters()}). */
    private void startRights(String group) {
        List<String> keys = processes.stream()
                .filter(process -> process.starters().stream().anyMatch(role -> role.includes(group)))
                .map(ProcessAccess::processKey).sorted().toList();
        for (String key : keys) {
            grant(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
        if (!keys.isEmpty()) {
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
    }

    /** A process naming a district group this class does not create would be started by nobody. */
    private void requireKnownStarters(List<String> districtGroups) {
        for (ProcessAccess process : processes) {
            for (Role role : process.starters()) {
                if (role.districtGroup() != null && !districtGroups.contains(role.districtGroup())) {
                    throw new IllegalStateException("process " + process.processKey()
                            + " names an unknown starter group " + role.districtGroup());
                }
            }
        }
    }

    private void staffGrants(String group) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.CREATE_INSTANCE);
        // colleagues by name and post, groups by name: Tasklist shows who holds a task and to whom it is offered
        grant(group, Resources.USER, ANY, Permissions.READ);
        grant(group, Resources.GROUP, ANY, Permissions.READ);
        // a task's 历史 in Tasklist: who claimed, assigned, completed it, when (no variable values)
        grant(group, Resources.OPERATION_LOG_CATEGORY, UserOperationLogEntry.CATEGORY_TASK_WORKER,
                UserOperationLogCategoryPermissions.READ);
    }

    /**
     * Cockpit's figures are what the process manager may read: without these the dashboard counts no open
     * human task and 人工任务 fails. Reading only; the process manager works on no task.
     */
    private void processManagerReadsWhatCockpitShows() {
        grant(Groups.PROCESS_MANAGER, Resources.TASK, ANY, Permissions.READ);
        grant(Groups.PROCESS_MANAGER, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
        grant(Groups.PROCESS_MANAGER, Resources.USER, ANY, Permissions.READ);
        grant(Groups.PROCESS_MANAGER, Resources.GROUP, ANY, Permissions.READ);
    }

    /**
     * Creates the group where the engine keeps the groups; with a directory (LDAP, read-only) the directory keeps
     * them: a group missing there is named in the log, and its grants are made all the same, so that a group the
     * directory's administrator adds later works at once.
     */
    private void group(String id, String name) {
        if (identityService.isReadOnly()) {
            if (identityService.createGroupQuery().groupId(id).count() == 0) {
                log.warn("group {} ({}) is not in the directory: create it there (cn={}) for its users to get their work", id, name, id);
            }
            return;
        }
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(Groups.ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
            log.info("created group {}", id);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}

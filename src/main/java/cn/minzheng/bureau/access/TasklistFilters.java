package cn.minzheng.bureau.access;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

import cn.minzheng.bureau.community.construction.OfficeConstructionProcess;
import cn.minzheng.bureau.community.mediation.CivilMediationProcess;
import cn.minzheng.bureau.community.recruitment.RecruitmentProcess;
import cn.minzheng.bureau.community.reorganisation.CommunityReorganisationProcess;
import cn.minzheng.bureau.dibao.appeal.AppealProcess;
import cn.minzheng.bureau.dibao.application.DibaoApplicationProcess;
import cn.minzheng.bureau.dibao.campaign.CampaignProcess;
import cn.minzheng.bureau.dibao.deadline.SupervisionProcess;
import cn.minzheng.bureau.dibao.recovery.RecoveryProcess;
import cn.minzheng.bureau.dibao.report.ReportProcess;
import cn.minzheng.bureau.dibao.review.ReviewProcess;
import cn.minzheng.bureau.donation.DonationCampaignProcess;
import cn.minzheng.bureau.payroll.PayrollProcess;
import cn.minzheng.bureau.relief.DisasterReliefProcess;
import cn.minzheng.bureau.relief.rebuilding.HouseRebuildingProcess;

/**
 * The Tasklist filters every role starts with, so a clerk sees a task list at first login: three for
 * everyone (my level's work, my tasks, due within three days) and one per line of work the role has
 * (低保申请, 低保复核核查, 救灾救济 …), offered only to the groups that do that work.
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

    /** A variable shown on the task cards and matched by the search box. */
    record Card(String variable, String label) {
    }

    /** A line of work: its processes, what its cards show, and which groups do it. */
    record Area(String name, int priority, String description, List<String> processKeys, List<Card> cards,
                java.util.function.Predicate<String> groups) {
    }

    private static final Card CASE_NUMBER = new Card("caseNumber", "案件编号");
    private static final Card APPLICANT = new Card("applicantName", "申请人");
    private static final Card TOWNSHIP = new Card("townshipName", "乡镇（街道）");
    private static final Card COMMUNITY = new Card("communityName", "村（社区）");

    static final List<Card> DIBAO_CARDS = List.of(CASE_NUMBER, APPLICANT, TOWNSHIP, COMMUNITY);
    static final List<Card> SURVEY_CARDS = List.of(new Card("campaignName", "摸底调查"), new Card("teamLabel", "调查组"));
    static final List<Card> PAYROLL_CARDS = List.of(new Card("payrollMonth", "发放月份"), new Card("totalAmount", "发放总额（元）"));
    static final List<Card> RELIEF_CARDS = List.of(new Card("disasterName", "灾害"), new Card("headName", "户主"),
            new Card("campaignTitle", "捐赠活动"), TOWNSHIP, new Card("householdAddress", "住址"));
    static final List<Card> COMMUNITY_CARDS = List.of(new Card("projectName", "项目"), new Card("roundTitle", "竞争上岗"),
            new Card("planTitle", "调整方案"), new Card("partiesSummary", "当事人"), COMMUNITY, TOWNSHIP);

    static final List<Area> AREAS = List.of(
            new Area("低保申请审批", 21, "城乡低保申请的受理、调查、审核、公示、审批和超期督办",
                    List.of(DibaoApplicationProcess.KEY, SupervisionProcess.KEY), DIBAO_CARDS,
                    g -> township(g) || Set.of(Groups.DISTRICT_APPROVER, Groups.DIBAO_HEAD).contains(g)),
            new Area("低保复核与核查", 22, "低保动态管理复核、集中摸底调查、举报核查、申诉复核和多发追回",
                    List.of(ReviewProcess.KEY, CampaignProcess.KEY, ReportProcess.KEY, AppealProcess.KEY, RecoveryProcess.KEY),
                    concat(DIBAO_CARDS, SURVEY_CARDS),
                    g -> township(g) || Set.of(Groups.DISTRICT_APPROVER, Groups.SURVEY_TEAM_LEAD).contains(g)),
            new Area("低保资金发放", 23, "低保资金月度工资单的核对、审批和银行回盘对账",
                    List.of(PayrollProcess.KEY), PAYROLL_CARDS,
                    g -> Set.of(Groups.DISTRICT_APPROVER, Groups.FINANCE).contains(g)),
            new Area("救灾救济", 24, "灾情报告、受灾户登记核查、救灾资金、倒房重建和送温暖捐赠",
                    List.of(DisasterReliefProcess.KEY, HouseRebuildingProcess.KEY, DonationCampaignProcess.KEY), RELIEF_CARDS,
                    g -> township(g) || Set.of(Groups.DISTRICT_APPROVER, Groups.RELIEF_HEAD, Groups.FINANCE).contains(g)),
            new Area("社区建设", 25, "社区调整、办公用房建设、社区工作者竞争上岗和民事调解",
                    List.of(CommunityReorganisationProcess.KEY, OfficeConstructionProcess.KEY, RecruitmentProcess.KEY,
                            CivilMediationProcess.KEY), COMMUNITY_CARDS,
                    g -> township(g) || g.startsWith(Groups.committee(""))
                            || Set.of(Groups.DISTRICT_APPROVER, Groups.COMMUNITY_SECTION).contains(g)));

    /** What the three filters for everyone show: the case of any line of work, most telling first. */
    static final List<Card> ALL_CARDS = distinct(concat(DIBAO_CARDS, RELIEF_CARDS, SURVEY_CARDS, PAYROLL_CARDS, COMMUNITY_CARDS));

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final IdentityService identityService;

    public TasklistFilters(FilterService filterService, TaskService taskService,
                           AuthorizationService authorizationService, IdentityService identityService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.identityService = identityService;
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
        for (Area area : AREAS) {
            save(area.name(), area.priority(), area.description(),
                    mine().processDefinitionKeyIn(area.processKeys().toArray(String[]::new)).orderByDueDate().asc(),
                    area.cards());
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
        for (Area area : AREAS) {
            if (area.groups().test(groupId)) {
                Filter filter = filterService.createFilterQuery().filterName(area.name()).singleResult();
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

    private static boolean township(String groupId) {
        return groupId.startsWith(Groups.clerk("")) || groupId.startsWith(Groups.reviewer(""));
    }

    @SafeVarargs
    private static List<Card> concat(List<Card>... lists) {
        List<Card> all = new ArrayList<>();
        for (List<Card> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    private static List<Card> distinct(List<Card> cards) {
        return cards.stream().distinct().toList();
    }
}

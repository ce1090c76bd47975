package cn.minzheng.bureau.community.reorganisation;

import static cn.minzheng.bureau.community.reorganisation.CommunityReorganisationProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.access.AccessSetup;
import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.community.reorganisation.CommunityReorganisationRepository.Change;
import cn.minzheng.bureau.community.reorganisation.CommunityReorganisationRepository.Plan;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.DibaoCaseRepository.MovedCase;
import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdRepository.Area;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * Drafts, validates and applies reorganisation plans. Applying is one transaction over the business
 * tables and the engine (the engine joins the Spring transaction): regions, households, open 低保 cases,
 * the township/community variables of running processes and the candidate groups of open tasks move
 * together, each with a before/after record, or nothing moves.
 */
@Service
public class CommunityReorganisationService {

    private static final Logger log = LoggerFactory.getLogger(CommunityReorganisationService.class);
    /** Variables of any process that carry its area, rewritten when the area moves (a 低保 case's household decides first). */
    private static final ProcessVariable<Long> AREA_CASE_ID = ProcessVariable.fact("caseId", Long.class);
    private static final ProcessVariable<String> AREA_TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    private static final ProcessVariable<String> AREA_COMMUNITY_CODE = ProcessVariable.fact("communityCode", String.class);
    private static final ProcessVariable<String> AREA_TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    private static final ProcessVariable<String> AREA_COMMUNITY_NAME = ProcessVariable.copy("communityName", String.class);
    private static final List<ProcessVariable<?>> AREA_VARIABLES = List.of(AREA_CASE_ID, AREA_TOWNSHIP_CODE,
            AREA_COMMUNITY_CODE, AREA_TOWNSHIP_NAME, AREA_COMMUNITY_NAME);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** The engine keeps a string variable in a column of 4,000 characters; the plan and its summary travel in one. */
    static final int MAX_VARIABLE_LENGTH = 4000;

    private final CommunityReorganisationRepository plans;
    private final RegionRepository regions;
    private final HouseholdRepository householdRepository;
    private final DibaoCaseRepository caseRepository;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final AccessSetup accessSetup;
    private final AuditTrail audit;

    public CommunityReorganisationService(CommunityReorganisationRepository plans, RegionRepository regions,
                                 HouseholdRepository householdRepository, DibaoCaseRepository caseRepository,
                                 RuntimeService runtimeService, TaskService taskService,
                                 AuthorizationService authorizationService, AccessSetup accessSetup, AuditTrail audit) {
        this.plans = plans;
        this.regions = regions;
        this.householdRepository = householdRepository;
        this.caseRepository = caseRepository;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.accessSetup = accessSetup;
        this.audit = audit;
    }

    /** Stores a draft (validated) and starts its process; the drafter finds it in Tasklist to submit for review. */
    @Transactional
    public long start(String planJson, String actor) {
        ReorganisationPlan plan = parse(planJson);
        ResolvedPlan resolved = resolve(plan);
        String written = writeForTasklist(plan);
        long planId = plans.insert(resolved.title(), written, actor);
        Map<String, Object> variables = new HashMap<>(formVariables(plan));
        variables.putAll(Map.of(VAR_PLAN_ID, planId, VAR_PLAN_TITLE, resolved.title(), VAR_PLAN_JSON, written,
                VAR_PLAN_SUMMARY, summaryForTasklist(resolved)));
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(KEY, "reorg-" + planId, variables);
        plans.attachProcess(planId, instance.getId());
        audit.record("REORG_PLAN", planId, null, null, "DRAFTED", actor, resolved.title(), null,
                Map.of("plan", written));
        return planId;
    }

    public static ReorganisationPlan parse(String planJson) {
        if (planJson == null || planJson.isBlank()) {
            throw new RuleViolation("PLAN_EMPTY", "调整方案不能为空");
        }
        try {
            return JSON.readValue(planJson, ReorganisationPlan.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "（第" + e.getLocation().getLineNr() + "行第"
                    + e.getLocation().getColumnNr() + "列）";
            throw new RuleViolation("PLAN_UNREADABLE", "调整方案格式有误" + where
                    + "：请按说明填写JSON，调整类型为MERGE、SPLIT、CREATE、HAND_OVER或RENAME");
        }
    }

    public static String write(ReorganisationPlan plan) {
        try {
            return JSON.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plan as the drafter edits it in Tasklist: compact, and short enough for one engine variable. */
    public static String writeForTasklist(ReorganisationPlan plan) {
        String written = write(plan);
        if (written.length() > MAX_VARIABLE_LENGTH) {
            throw new RuleViolation("PLAN_TOO_LONG", "调整方案过长（" + written.length() + "个字符，最多" + MAX_VARIABLE_LENGTH
                    + "个），请分成几个方案分别报批");
        }
        return written;
    }

    /** What the draft form shows of a plan: its changes as rows, and whether it has steps the form keeps as they are. */
    static Map<String, Object> formVariables(ReorganisationPlan plan) {
        return Map.of(PLAN_ROWS.name(), formRows(plan), HAS_KEPT_STEPS.name(), !PlanForm.kept(plan).isEmpty());
    }

    /** The draft form's rows of a plan, as a Json value. */
    static Object formRows(ReorganisationPlan plan) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(PlanForm.rows(plan))).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String summaryForTasklist(ResolvedPlan resolved) {
        String summary = resolved.summaryText();
        return summary.length() <= MAX_VARIABLE_LENGTH ? summary : summary.substring(0, MAX_VARIABLE_LENGTH - 20) + "\n……（其余各项见方案）";
    }

    /** Validates a plan against today's regions and households; every problem in one Chinese message. */
    public ResolvedPlan resolve(ReorganisationPlan plan) {
        PlanValidator.Result result = PlanValidator.validate(plan, world());
        if (!result.valid()) {
            throw new RuleViolation("PLAN_INVALID", "调整方案有误：" + String.join("；", result.problems()));
        }
        return result.plan();
    }

    public PlanValidator.World world() {
        return new PlanValidator.World() {
            @Override
            public Optional<Region> current(String code) {
                return regions.findCurrent(code);
            }

            @Override
            public boolean everUsed(String code) {
                return regions.exists(code);
            }

            @Override
            public List<Long> households(String communityCode) {
                return householdRepository.idsInCommunity(communityCode);
            }
        };
    }

    // ---- the decisions of the process's tasks ----

    /** The drafter withdraws the plan. */
    @Transactional
    public void withdraw(long planId, String reason, String actor) {
        plans.changeStatus(planId, PlanStatus.WITHDRAWN);
        plans.decide(planId, TASK_DRAFT, null, WITHDRAW, reason, actor);
        audit.record("REORG_PLAN", planId, null, null, "WITHDRAWN", actor, reason, null, null);
    }

    public record Submitted(String title, String planJson, String summary) {
    }

    /**
     * The drafter submits the plan for review, validated again and stored as submitted (in the task's transaction:
     * a refusal here must not mark a transaction of its own rollback-only).
     */
    public Submitted submit(long planId, ReorganisationPlan plan, String comment, String actor) {
        ResolvedPlan resolved = resolve(plan);
        String written = writeForTasklist(plan);
        plans.updateDraft(planId, resolved.title(), written);
        plans.decide(planId, TASK_DRAFT, null, SUBMIT, comment, actor);
        audit.record("REORG_PLAN", planId, null, null, "SUBMITTED", actor, resolved.title(), null, Map.of("plan", written));
        return new Submitted(resolved.title(), written, summaryForTasklist(resolved));
    }

    /**
     * The plan as the draft form submitted it: its rows under its title, the steps of the stored plan the form does
     * not show kept.
     */
    public ReorganisationPlan fromForm(String title, Object rows, String storedJson) {
        return PlanForm.plan(title, JsonRows.of(rows, "调整项"), PlanForm.kept(parse(storedJson)), world()::everUsed);
    }

    /** One township agrees or returns the plan; returns why it was returned, or null. */
    @Transactional
    public String review(long planId, String township, String decision, String comment, String actor) {
        plans.decide(planId, TASK_REVIEW_BY_TOWNSHIP, township, decision, comment, actor);
        audit.record("REORG_PLAN", planId, null, null, "REVIEWED_" + decision, actor, comment, null,
                Map.of("townshipCode", township));
        return RETURN.equals(decision) ? townshipName(township) + "退回：" + comment : null;
    }

    /** The district approves, returns or rejects the plan. */
    @Transactional
    public void decideApproval(long planId, String decision, String comment, String actor) {
        plans.decide(planId, TASK_APPROVE_BY_DISTRICT, null, decision, comment, actor);
        audit.record("REORG_PLAN", planId, null, null, "APPROVAL_" + decision, actor, comment, null, null);
        if (REJECT.equals(decision)) {
            plans.changeStatus(planId, PlanStatus.REJECTED);
        }
    }

    public void changeStatus(long planId, PlanStatus status) {
        plans.changeStatus(planId, status);
    }

    /** The existing townships concerned by the plan: one review task each. */
    public List<String> townshipsConcerned(String planJson) {
        return resolve(parse(planJson)).townshipsConcerned();
    }

    public String townshipName(String township) {
        return regions.find(township).map(Region::name).orElse(township);
    }

    public Plan plan(long planId) {
        return plans.find(planId).orElseThrow(() -> RuleViolation.notFound("调整方案" + planId));
    }

    public record Applied(boolean alreadyApplied, int households, int cases, int processes, int tasks) {
    }

    /**
     * The plan checked again just before it is applied (outside the apply's transaction: a refusal inside it would
     * mark the engine's transaction rollback-only): why it no longer fits, or null when it does or is applied.
     */
    public String problemBeforeApplying(long planId) {
        Plan plan = plan(planId);
        if (PlanStatus.APPLIED.is(plan.status())) {
            return null;
        }
        PlanValidator.Result check = PlanValidator.validate(parse(plan.planJson()), world());
        if (check.valid()) {
            return null;
        }
        String reason = "执行前复核未通过：" + String.join("；", check.problems());
        return reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…";
    }

    /**
     * Applies an approved plan in one step. Applying an applied plan again does nothing. A plan that no
     * longer fits today's regions is refused before anything is written.
     */
    @Transactional
    public Applied apply(long planId, String actor) {
        Plan plan = plans.lock(planId);
        if (PlanStatus.APPLIED.is(plan.status())) {
            return new Applied(true, 0, 0, 0, 0);
        }
        if (!PlanStatus.AWAITING_APPROVAL.is(plan.status())) {
            throw new RuleViolation("PLAN_NOT_APPROVED", "调整方案尚未报区民政局审批，不能执行");
        }
        ResolvedPlan resolved = resolve(parse(plan.planJson()));
        Recorder recorder = new Recorder(planId);
        changeRegions(resolved, recorder);
        int[] moved = moveHouseholds(resolved, actor, recorder);
        int[] work = moveWork(resolved, recorder);
        Applied applied = new Applied(false, moved[0], moved[1], work[0], work[1]);

        plans.markApplied(planId, actor);
        audit.record("REORG_PLAN", planId, null, null, "APPLIED", actor, resolved.title(), Map.of("status", plan.status()),
                Map.of("status", PlanStatus.APPLIED.name(), "households", applied.households(), "cases", applied.cases(),
                        "processes", applied.processes(), "tasks", applied.tasks()));
        log.info("reorganisation plan {} applied: {} households, {} cases, {} processes, {} tasks", planId,
                applied.households(), applied.cases(), applied.processes(), applied.tasks());
        return applied;
    }

    /** The regions the plan creates, renames, hands over and closes, and the groups their work is offered to. */
    private void changeRegions(ResolvedPlan resolved, Recorder recorder) {
        LocalDate today = LocalDate.now();
        for (Region created : resolved.created()) {
            regions.insert(created, today);
            recorder.add(new Change("REGION", created.code(), null, null, null,
                    created.isTownshipLevel() ? created.code() : created.parentCode(),
                    created.isTownshipLevel() ? null : created.code(), "新建" + created.kind().label() + "：" + created.name()));
        }
        createGroups(resolved);
        resolved.renames().forEach((code, name) -> {
            Region before = regions.find(code).orElseThrow();
            regions.rename(code, name);
            recorder.add(new Change("REGION", code, null, null, "名称：" + before.name(), null, null, "名称：" + name));
        });
        resolved.handOvers().forEach((code, township) -> {
            Region before = regions.find(code).orElseThrow();
            regions.moveTo(code, township);
            recorder.add(new Change("REGION", code, before.parentCode(), code, "移交前", township, code, "移交后"));
        });
        resolved.closures().forEach((code, successor) -> {
            Region before = regions.find(code).orElseThrow();
            regions.close(code, successor, today);
            recorder.add(new Change("REGION", code, before.parentCode(), code, "现行", null, successor,
                    successor == null ? "撤销（拆分）" : "撤销，并入" + successor));
        });
    }

    /**
     * Groups of new townships; every new community, and every one that takes over households or work, has a
     * committee group to offer work to (each created once: the engine sees new groups only when it flushes).
     */
    private void createGroups(ResolvedPlan resolved) {
        Set<String> committees = new LinkedHashSet<>();
        for (Region created : resolved.created()) {
            if (created.isTownshipLevel()) {
                accessSetup.township(created);
            } else {
                committees.add(created.code());
            }
        }
        committees.addAll(resolved.defaultDestinations().values());
        for (String community : committees) {
            accessSetup.committee(regions.find(community).orElseThrow());
        }
    }

    /** Every household to its community after the plan, and its open 低保 cases to the new township: {households, cases}. */
    private int[] moveHouseholds(ResolvedPlan resolved, String actor, Recorder recorder) {
        int households = 0;
        int cases = 0;
        for (Map.Entry<Long, String> move : resolved.householdDestinations().entrySet()) {
            long householdId = move.getKey();
            String community = move.getValue();
            String township = regions.find(community).orElseThrow().parentCode();
            Optional<Area> moved = householdRepository.moveToArea(householdId, township, community, actor, resolved.title());
            if (moved.isEmpty()) {
                continue;
            }
            Area before = moved.get();
            recorder.add(new Change("HOUSEHOLD", String.valueOf(householdId), before.townshipCode(), before.communityCode(),
                    null, township, community, null));
            households++;
            for (MovedCase movedCase : caseRepository.moveOpenCasesToTownship(householdId, township, actor, resolved.title())) {
                recorder.add(new Change("CASE", String.valueOf(movedCase.caseId()), movedCase.townshipBefore(),
                        before.communityCode(), null, township, community, null));
                cases++;
            }
        }
        return new int[] {households, cases};
    }

    /**
     * Running processes whose township or community moved get their variables rewritten (so later tasks go to
     * the new groups) and their open tasks the new candidate groups; tasks offered to the committee of a closed
     * community go to its successor's committee. {processes, tasks}.
     */
    private int[] moveWork(ResolvedPlan resolved, Recorder recorder) {
        int processes = 0;
        int tasks = 0;
        Set<String> handledTasks = new LinkedHashSet<>();
        for (String instance : processesConcerned(resolved, recorder)) {
            Map<String, String> groups = moveProcess(instance, resolved, recorder);
            if (groups == null) {
                continue;
            }
            processes++;
            for (Task task : taskService.createTaskQuery().processInstanceId(instance).list()) {
                if (regroup(task, groups, recorder)) {
                    tasks++;
                }
                handledTasks.add(task.getId());
            }
        }
        return new int[] {processes, tasks + regroupClosedCommittees(resolved, handledTasks, recorder)};
    }

    /** Running processes of a township something moved out of, or of a community closed or handed over. */
    private Set<String> processesConcerned(ResolvedPlan resolved, Recorder recorder) {
        Set<String> movedCommunities = new LinkedHashSet<>(resolved.closures().keySet());
        movedCommunities.addAll(resolved.handOvers().keySet());
        Set<String> oldTownships = new LinkedHashSet<>();
        recorder.changes.stream().filter(c -> c.beforeTownship() != null).forEach(c -> oldTownships.add(c.beforeTownship()));

        Set<String> instances = new LinkedHashSet<>();
        for (String township : oldTownships) {
            runtimeService.createProcessInstanceQuery().variableValueEquals(AREA_TOWNSHIP_CODE.name(), township).list()
                    .forEach(p -> instances.add(p.getId()));
        }
        for (String community : movedCommunities) {
            runtimeService.createProcessInstanceQuery().variableValueEquals(AREA_COMMUNITY_CODE.name(), community).list()
                    .forEach(p -> instances.add(p.getId()));
        }
        return instances;
    }

    /**
     * Rewrites a process's area variables where its area moved; returns the old → new candidate groups of its
     * tasks, or null where the process did not move.
     */
    private Map<String, String> moveProcess(String instance, ResolvedPlan resolved, Recorder recorder) {
        Map<String, Object> variables = runtimeService.getVariables(instance, AREA_VARIABLES.stream().map(ProcessVariable::name).toList());
        String[] area = areaAfter(variables, resolved);
        if (area == null) {
            return null;
        }
        String oldTownship = (String) variables.get(AREA_TOWNSHIP_CODE.name());
        String oldCommunity = (String) variables.get(AREA_COMMUNITY_CODE.name());
        if (area[0].equals(oldTownship) && (oldCommunity == null || area[1].equals(oldCommunity))) {
            return null;
        }
        Map<String, Object> updated = new HashMap<>();
        if (oldTownship != null) {
            updated.put(AREA_TOWNSHIP_CODE.name(), area[0]);
        }
        if (oldCommunity != null) {
            updated.put(AREA_COMMUNITY_CODE.name(), area[1]);
        }
        if (variables.containsKey(AREA_TOWNSHIP_NAME.name())) {
            updated.put(AREA_TOWNSHIP_NAME.name(), regions.find(area[0]).orElseThrow().name());
        }
        if (variables.containsKey(AREA_COMMUNITY_NAME.name())) {
            updated.put(AREA_COMMUNITY_NAME.name(), regions.find(area[1]).orElseThrow().name());
        }
        runtimeService.setVariables(instance, updated);
        recorder.add(new Change("PROCESS", instance, oldTownship, oldCommunity, null, area[0],
                oldCommunity == null ? null : area[1], null));
        Map<String, String> groups = new HashMap<>();
        if (oldTownship != null) {
            groups.put(Groups.clerk(oldTownship), Groups.clerk(area[0]));
            groups.put(Groups.reviewer(oldTownship), Groups.reviewer(area[0]));
        }
        if (oldCommunity != null) {
            groups.put(Groups.committee(oldCommunity), Groups.committee(area[1]));
        }
        return groups;
    }

    /** Tasks offered to the committee of a closed community, whatever process (or none) they belong to: counted. */
    private int regroupClosedCommittees(ResolvedPlan resolved, Set<String> handledTasks, Recorder recorder) {
        int tasks = 0;
        for (String community : resolved.closures().keySet()) {
            String committee = Groups.committee(community);
            for (Task task : taskService.createTaskQuery().taskCandidateGroup(committee).includeAssignedTasks().list()) {
                if (!handledTasks.contains(task.getId())
                        && regroup(task, Map.of(committee, Groups.committee(resolved.communityAfter(community))), recorder)) {
                    tasks++;
                }
            }
        }
        return tasks;
    }

    /** {township, community} of a process after the plan, or null where the process is not tied to a community. */
    private String[] areaAfter(Map<String, Object> variables, ResolvedPlan resolved) {
        Object caseId = variables.get(AREA_CASE_ID.name());
        if (caseId instanceof Number number) {
            Optional<Area> household = householdRepository.areaOfCase(number.longValue());
            if (household.isPresent()) {
                return new String[] {household.get().townshipCode(), household.get().communityCode()};
            }
        }
        Object community = variables.get(AREA_COMMUNITY_CODE.name());
        if (community instanceof String code) {
            String after = resolved.communityAfter(code);
            Optional<Region> region = regions.find(after);
            if (region.isPresent()) {
                return new String[] {region.get().parentCode(), after};
            }
        }
        return null;
    }

    /** Replaces the task's candidate groups by the map; the old groups lose their grant on the task. */
    private boolean regroup(Task task, Map<String, String> groups, Recorder recorder) {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || link.getGroupId() == null) {
                continue;
            }
            before.add(link.getGroupId());
            String replacement = groups.get(link.getGroupId());
            if (replacement == null || replacement.equals(link.getGroupId())) {
                after.add(link.getGroupId());
                continue;
            }
            taskService.deleteCandidateGroup(task.getId(), link.getGroupId());
            for (Authorization grant : authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
                    .resourceId(task.getId()).groupIdIn(link.getGroupId()).list()) {
                authorizationService.deleteAuthorization(grant.getId());
            }
            taskService.addCandidateGroup(task.getId(), replacement);
            after.add(replacement);
        }
        if (before.equals(after)) {
            return false;
        }
        recorder.add(new Change("TASK", task.getId(), null, null, String.join(",", before), null, null,
                String.join(",", after)));
        return true;
    }

    /** Writes the before/after rows and keeps them for the rest of the application. */
    private final class Recorder {
        private final long planId;
        private final List<Change> changes = new ArrayList<>();

        Recorder(long planId) {
            this.planId = planId;
        }

        void add(Change change) {
            changes.add(change);
            plans.change(planId, change);
        }
    }

    /** Before/after rows of a plan, grouped by what moved (for the REST view). */
    public Map<String, List<Change>> changes(long planId) {
        Map<String, List<Change>> grouped = new LinkedHashMap<>();
        for (Change change : plans.changes(planId)) {
            grouped.computeIfAbsent(change.entityType(), k -> new ArrayList<>()).add(change);
        }
        return grouped;
    }
}

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.access.AccessSetup;
import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.community.reorganisation.ReorganisationRepository.Change;
import cn.minzheng.bureau.community.reorganisation.ReorganisationRepository.Plan;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * Drafts, validates and applies reorganisation plans. Applying is one transaction over the business
 * tables and the engine (the engine joins the Spring transaction): regions, households, open 低保 cases,
 * the township/community variables of running processes and the candidate groups of open tasks move
 * together, each with a before/after record, or nothing moves.
 */
@Service
public class ReorganisationService {

    private static final Logger log = LoggerFactory.getLogger(ReorganisationService.class);
    /** Process variables that carry a township or community and are rewritten when the area moves. */
    static final String VAR_COMMUNITY_CODE = "communityCode";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** The engine keeps a string variable in a column of 4,000 characters; the plan and its summary travel in one. */
    static final int MAX_VARIABLE_LENGTH = 4000;

    private final ReorganisationRepository plans;
    private final RegionRepository regions;
    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final AccessSetup accessSetup;
    private final AuditTrail audit;

    public ReorganisationService(ReorganisationRepository plans, RegionRepository regions, JdbcClient jdbc,
                                 RuntimeService runtimeService, TaskService taskService,
                                 AuthorizationService authorizationService, AccessSetup accessSetup, AuditTrail audit) {
        this.plans = plans;
        this.regions = regions;
        this.jdbc = jdbc;
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
        try {
            return Map.of(PlanForm.ROWS, SpinValues.jsonValue(JSON.writeValueAsString(PlanForm.rows(plan))).create(),
                    PlanForm.HAS_KEPT_STEPS, !PlanForm.kept(plan).isEmpty());
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
                return jdbc.sql("select id from household where community_code = ? order by id").param(communityCode)
                        .query(Long.class).list();
            }
        };
    }

    public Plan plan(long planId) {
        return plans.find(planId).orElseThrow(() -> RuleViolation.notFound("调整方案" + planId));
    }

    public record Applied(boolean alreadyApplied, int households, int cases, int processes, int tasks) {
    }

    /**
     * Applies an approved plan in one step. Applying an applied plan again does nothing. A plan that no
     * longer fits today's regions is refused before anything is written.
     */
    @Transactional
    public Applied apply(long planId, String actor) {
        Plan plan = plans.lock(planId);
        if ("APPLIED".equals(plan.status())) {
            return new Applied(true, 0, 0, 0, 0);
        }
        if (!"AWAITING_APPROVAL".equals(plan.status())) {
            throw new RuleViolation("PLAN_NOT_APPROVED", "调整方案尚未报区民政局审批，不能执行");
        }
        ResolvedPlan resolved = resolve(parse(plan.planJson()));
        LocalDate today = LocalDate.now();
        Recorder recorder = new Recorder(planId);

        for (Region created : resolved.created()) {
            regions.insert(created, today);
            recorder.add(new Change("REGION", created.code(), null, null, null,
                    created.isTownshipLevel() ? created.code() : created.parentCode(),
                    created.isTownshipLevel() ? null : created.code(), "新建" + created.kind().label() + "：" + created.name()));
        }
        // groups of new townships; every new community, and every one that takes over households or work, has a
        // committee group to offer work to (each created once: the engine sees new groups only when it flushes)
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

        int households = 0;
        int cases = 0;
        for (Map.Entry<Long, String> move : resolved.householdDestinations().entrySet()) {
            long householdId = move.getKey();
            String community = move.getValue();
            String township = regions.find(community).orElseThrow().parentCode();
            Map<String, Object> before = jdbc.sql("select township_code, community_code from household where id = ?")
                    .param(householdId).query().singleRow();
            String beforeTownship = (String) before.get("township_code");
            String beforeCommunity = (String) before.get("community_code");
            if (township.equals(beforeTownship) && community.equals(beforeCommunity)) {
                continue;
            }
            jdbc.sql("update household set township_code = ?, community_code = ? where id = ?")
                    .params(township, community, householdId).update();
            recorder.add(new Change("HOUSEHOLD", String.valueOf(householdId), beforeTownship, beforeCommunity, null,
                    township, community, null));
            audit.record("HOUSEHOLD", householdId, householdId, null, "REORGANISED", actor, resolved.title(),
                    Map.of("townshipCode", beforeTownship, "communityCode", beforeCommunity),
                    Map.of("townshipCode", township, "communityCode", community));
            households++;
            for (Map<String, Object> open : jdbc.sql("select id, township_code from dibao_case where household_id = ? and status in (:open)"
                    .replace(":open", openStatuses())).param(householdId).query().listOfRows()) {
                long caseId = ((Number) open.get("id")).longValue();
                String caseTownship = (String) open.get("township_code");
                if (!township.equals(caseTownship)) {
                    jdbc.sql("update dibao_case set township_code = ? where id = ?").params(township, caseId).update();
                    recorder.add(new Change("CASE", String.valueOf(caseId), caseTownship, beforeCommunity, null, township,
                            community, null));
                    audit.record("DIBAO_CASE", caseId, householdId, caseId, "REORGANISED", actor, resolved.title(),
                            Map.of("townshipCode", caseTownship), Map.of("townshipCode", township));
                    cases++;
                }
            }
        }
        int[] work = moveWork(resolved, recorder);

        plans.markApplied(planId, actor);
        audit.record("REORG_PLAN", planId, null, null, "APPLIED", actor, resolved.title(), Map.of("status", plan.status()),
                Map.of("status", "APPLIED", "households", households, "cases", cases, "processes", work[0], "tasks", work[1]));
        log.info("reorganisation plan {} applied: {} households, {} cases, {} processes, {} tasks", planId, households,
                cases, work[0], work[1]);
        return new Applied(false, households, cases, work[0], work[1]);
    }

    /**
     * Running processes whose township or community moved get their variables rewritten (so later tasks go to
     * the new groups) and their open tasks the new candidate groups; tasks offered to the committee of a closed
     * community go to its successor's committee.
     */
    private int[] moveWork(ResolvedPlan resolved, Recorder recorder) {
        Set<String> movedCommunities = new LinkedHashSet<>(resolved.closures().keySet());
        movedCommunities.addAll(resolved.handOvers().keySet());
        Set<String> oldTownships = new LinkedHashSet<>();
        recorder.changes.stream().filter(c -> c.beforeTownship() != null).forEach(c -> oldTownships.add(c.beforeTownship()));

        Set<String> instances = new LinkedHashSet<>();
        for (String township : oldTownships) {
            runtimeService.createProcessInstanceQuery().variableValueEquals(VAR_TOWNSHIP_CODE, township).list()
                    .forEach(p -> instances.add(p.getId()));
        }
        for (String community : movedCommunities) {
            runtimeService.createProcessInstanceQuery().variableValueEquals(VAR_COMMUNITY_CODE, community).list()
                    .forEach(p -> instances.add(p.getId()));
        }
        int processes = 0;
        int tasks = 0;
        Set<String> handledTasks = new LinkedHashSet<>();
        for (String instance : instances) {
            Map<String, Object> variables = runtimeService.getVariables(instance,
                    List.of("caseId", VAR_TOWNSHIP_CODE, VAR_COMMUNITY_CODE, "townshipName", "communityName"));
            String[] area = areaAfter(variables, resolved);
            if (area == null) {
                continue;
            }
            String oldTownship = (String) variables.get(VAR_TOWNSHIP_CODE);
            String oldCommunity = (String) variables.get(VAR_COMMUNITY_CODE);
            if (area[0].equals(oldTownship) && (oldCommunity == null || area[1].equals(oldCommunity))) {
                continue;
            }
            Map<String, Object> updated = new HashMap<>();
            if (oldTownship != null) {
                updated.put(VAR_TOWNSHIP_CODE, area[0]);
            }
            if (oldCommunity != null) {
                updated.put(VAR_COMMUNITY_CODE, area[1]);
            }
            if (variables.containsKey("townshipName")) {
                updated.put("townshipName", regions.find(area[0]).orElseThrow().name());
            }
            if (variables.containsKey("communityName")) {
                updated.put("communityName", regions.find(area[1]).orElseThrow().name());
            }
            runtimeService.setVariables(instance, updated);
            recorder.add(new Change("PROCESS", instance, oldTownship, oldCommunity, null, area[0],
                    oldCommunity == null ? null : area[1], null));
            processes++;
            Map<String, String> groups = new HashMap<>();
            if (oldTownship != null) {
                groups.put(Groups.clerk(oldTownship), Groups.clerk(area[0]));
                groups.put(Groups.reviewer(oldTownship), Groups.reviewer(area[0]));
            }
            String committeeOf = oldCommunity != null ? oldCommunity : null;
            if (committeeOf != null) {
                groups.put(Groups.committee(committeeOf), Groups.committee(area[1]));
            }
            for (Task task : taskService.createTaskQuery().processInstanceId(instance).list()) {
                if (regroup(task, groups, recorder)) {
                    tasks++;
                }
                handledTasks.add(task.getId());
            }
        }
        // tasks offered to the committee of a closed community, whatever process (or none) they belong to
        for (String community : resolved.closures().keySet()) {
            String committee = Groups.committee(community);
            for (Task task : taskService.createTaskQuery().taskCandidateGroup(committee).includeAssignedTasks().list()) {
                if (!handledTasks.contains(task.getId())
                        && regroup(task, Map.of(committee, Groups.committee(resolved.communityAfter(community))), recorder)) {
                    tasks++;
                }
            }
        }
        return new int[] {processes, tasks};
    }

    /** {township, community} of a process after the plan, or null where the process is not tied to a community. */
    private String[] areaAfter(Map<String, Object> variables, ResolvedPlan resolved) {
        Object caseId = variables.get("caseId");
        if (caseId instanceof Number number) {
            List<Map<String, Object>> household = jdbc.sql("""
                    select h.township_code, h.community_code from dibao_case c join household h on h.id = c.household_id
                    where c.id = ?""").param(number.longValue()).query().listOfRows();
            if (!household.isEmpty()) {
                return new String[] {(String) household.get(0).get("township_code"),
                        (String) household.get(0).get("community_code")};
            }
        }
        Object community = variables.get(VAR_COMMUNITY_CODE);
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

    private static String openStatuses() {
        return String.join(",", java.util.Arrays.stream(CaseStatus.values()).filter(CaseStatus::holdsMembers)
                .map(s -> "'" + s.name() + "'").toList());
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

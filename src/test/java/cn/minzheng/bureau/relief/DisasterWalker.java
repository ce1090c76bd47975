package cn.minzheng.bureau.relief;

import static cn.minzheng.bureau.relief.DisasterReliefProcess.*;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.support.TestApplications;

/** Drives disaster-relief.bpmn as the users of each role (tests only). */
@Component
public class DisasterWalker {

    public static final String STAFF = "approver";
    public static final String HEAD = "reliefhead";
    public static final String FINANCE = "finance";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessEngine engine;
    private final DibaoWalker walker;

    public DisasterWalker(ProcessEngine engine, DibaoWalker walker) {
        this.engine = engine;
        this.walker = walker;
    }

    public ProcessInstance register(LocalDateTime occurredAt, String... villages) {
        return start(startVariables(occurredAt, villages));
    }

    public ProcessInstance start(Map<String, Object> variables) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        return walker.as(STAFF, () -> engine.getFormService().submitStartForm(definition, variables));
    }

    public static Map<String, Object> startVariables(LocalDateTime occurredAt, String... villages) {
        return Variables.createVariables()
                .putValue("disasterKind", "HAIL").putValue("disasterName", "冰雹灾害")
                .putValue("occurredAt", occurredAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")))
                .putValueTyped("affectedVillages", SpinValues.jsonValue(json(List.of(villages))).create())
                .putValue("cropAreaMu", 30000).putValue("housesDamaged", 12).putValue("housesCollapsed", 3)
                .putValue("peopleAffected", 2400);
    }

    public void report(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(Map.of(VAR_REPORT_CONTENT, "灾情报告：冰雹，损失正在统计"));
        all.putAll(variables);
        complete(STAFF, instance, taskKey, all);
    }

    public void registerHouseholds(String township, ProcessInstance instance, List<Map<String, Object>> rows, String remove) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_HOUSEHOLDS, SpinValues.jsonValue(json(rows)).create());
        if (remove != null) {
            variables.put(VAR_REMOVE_ID_NUMBERS, remove);
        }
        complete("clerk." + township, instance, TASK_REGISTER_HOUSEHOLDS, variables);
    }

    public void signOff(String township, ProcessInstance instance, String decision, String comment) {
        Map<String, Object> variables = new HashMap<>(Map.of(VAR_ROSTER_DECISION, decision));
        if (comment != null) {
            variables.put(VAR_ROSTER_COMMENT, comment);
        }
        complete("reviewer." + township, instance, TASK_SIGN_OFF_ROSTER, variables);
    }

    /** A household row as the registration form's dynamic list submits it. */
    public static Map<String, Object> household(String village, String category, String damage, int rooms, long need) {
        Map<String, Object> row = new HashMap<>();
        row.put("headName", "受灾户主");
        row.put("idNumber", TestApplications.idNumber(true));
        row.put("villageCode", village);
        row.put("address", "村东头1号");
        row.put("persons", 3);
        row.put("category", category);
        row.put("houseDamage", damage);
        row.put("damagedRooms", rooms);
        row.put("cropLossMu", 4.5);
        row.put("deaths", 0);
        row.put("winterReliefPersons", 2);
        row.put("needsFood", true);
        row.put("needsQuilts", true);
        row.put("needAmount", need);
        return row;
    }

    /** The house-rebuilding instance the relief process called for this roster household. */
    public ProcessInstance rebuildingOf(long householdId) {
        String id = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("house-rebuilding")
                .variableValueEquals("householdId", householdId).singleResult().getId();
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    /** Walks a house-rebuilding case from the application to the district's decision. */
    public void rebuildUpToDistrict(ProcessInstance rebuilding, String township, int rooms) {
        complete("clerk." + township, rebuilding, "Task_ApplyOrNominate", Map.of("source", "APPLICATION", "rooms", rooms));
        appraise(rebuilding, township, 9, 7);
        fire(rebuilding, "BoundaryEvent_RebuildingNoticeOver");
        complete("reviewer." + township, rebuilding, "Task_ReviewRebuildingByTownship", Map.of("townshipDecision", "APPROVE"));
    }

    public void appraise(ProcessInstance rebuilding, String township, int attendees, int votesFor) {
        complete("clerk." + township, rebuilding, "Task_DemocraticAppraisal", Map.of("appraisalAttendees", attendees,
                "appraisalVotesFor", votesFor, "appraisalMinutes", "村民代表会议评议"));
    }

    public void rebuild(ProcessInstance rebuilding, String township, int rooms) {
        rebuildUpToDistrict(rebuilding, township, rooms);
        complete(HEAD, rebuilding, "Task_ApproveRebuilding", Map.of("districtDecision", "APPROVE"));
        complete("clerk." + township, rebuilding, "Task_ConfirmRebuilt",
                Map.of("rebuiltOn", java.time.LocalDate.now().toString(), "inspectionNote", "验收合格"));
    }

    public void complete(String user, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        walker.as(user, () -> {
            List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(taskKey).list();
            if (tasks.size() != 1) {
                throw new IllegalStateException(user + " sees " + tasks.size() + " tasks " + taskKey);
            }
            engine.getTaskService().claim(tasks.get(0).getId(), user);
            engine.getTaskService().complete(tasks.get(0).getId(), variables);
            return null;
        });
    }

    public Job timer(ProcessInstance instance, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(activityId).singleResult();
    }

    public void fire(ProcessInstance instance, String activityId) {
        engine.getManagementService().executeJob(timer(instance, activityId).getId());
    }

    public List<Task> tasks(ProcessInstance instance, String taskKey) {
        return new ArrayList<>(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).list());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

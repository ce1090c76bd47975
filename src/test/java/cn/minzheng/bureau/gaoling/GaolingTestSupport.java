package cn.minzheng.bureau.gaoling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.Relation;
import cn.minzheng.bureau.household.ResidentIdNumber;

/** Registered residents of given birth dates, and the clerks' answers to a proposal, for the 高龄津贴 tests. */
final class GaolingTestSupport {

    static final String TOWNSHIP = "renqiu";
    static final String CLERK = "clerk.renqiu";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HouseholdRepository households;
    private final ProcessEngine engine;
    private final DibaoWalker walker;

    GaolingTestSupport(HouseholdRepository households, ProcessEngine engine, DibaoWalker walker) {
        this.households = households;
        this.engine = engine;
        this.walker = walker;
    }

    /**
     * A one-person household of 任丘办 (清华苑社区) whose head was born on the date; returns the ID number. The number
     * is one nobody holds yet: several tests register a resident turning 80 this month, and a person whose number
     * another test's proposal holds is not proposed again (CI saw a proposal without its test's resident).
     */
    String resident(String name, LocalDate born) {
        ResidentIdNumber id;
        do {
            String first17 = "410302" + born.toString().replace("-", "")
                    + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000));
            id = ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacter(first17));
        } while (!households.knownIdNumbers(List.of(id.value())).isEmpty());
        Household.Member member = new Household.Member(null, name, id, Relation.HEAD, EmploymentStatus.RETIRED,
                DisabilityLevel.NONE, List.of());
        households.insert(new Household(null, TOWNSHIP, "renqiu-qinghuayuan", "清华苑小区1号楼101", "中国农业银行",
                "6228480000" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)), null,
                BigDecimal.ZERO, new Household.UtilitySpending(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO), List.of(member)));
        return id.value();
    }

    /** The clerk tasks of an instance. */
    List<Task> tasks(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list();
    }

    /** The rows a clerk task's form shows. */
    List<Map<String, Object>> rows(Task task) {
        return JsonRows.of(engine.getTaskService().getVariable(task.getId(), GaolingProposalProcess.VAR_PEOPLE), "rows");
    }

    /** Task of the township. */
    Task task(String processInstanceId, String township) {
        return tasks(processInstanceId).stream()
                .filter(t -> township.equals(engine.getTaskService().getVariable(t.getId(), "townshipCode")))
                .findFirst().orElseThrow(() -> new AssertionError("no task of " + township));
    }

    /**
     * Completes the task as the township's clerk with the answers given per ID number; anyone else in the list
     * (residents other tests registered) is answered 未确认 with a reason.
     */
    void answer(Task task, Map<String, String[]> answers) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : rows(task)) {
            String[] answer = answers.getOrDefault((String) row.get("idNumber"), new String[] {"NOT_CONFIRMED", "不属于本测试"});
            Map<String, Object> answered = new java.util.LinkedHashMap<>(row);
            answered.put("decision", answer[0]);
            if (answer.length > 1) {
                answered.put("reason", answer[1]);
            }
            rows.add(answered);
        }
        submit(task, rows);
    }

    void submit(Task task, List<Map<String, Object>> rows) {
        String township = (String) engine.getTaskService().getVariable(task.getId(), "townshipCode");
        String json;
        try {
            json = JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (TOWNSHIP.equals(township)) {
            walker.as(CLERK, () -> {
                engine.getTaskService().complete(task.getId(), Map.of(GaolingProposalProcess.VAR_PEOPLE,
                        SpinValues.jsonValue(json).create()));
                return null;
            });
        } else {
            engine.getTaskService().setAssignee(task.getId(), "clerk." + township);
            engine.getTaskService().complete(task.getId(), Map.of(GaolingProposalProcess.VAR_PEOPLE,
                    SpinValues.jsonValue(json).create()));
        }
    }

    /** Answers every township's task: the given answers, and 未确认 for anyone else. */
    void answerAll(String processInstanceId, Map<String, String[]> answers) {
        for (Task task : tasks(processInstanceId)) {
            answer(task, answers);
        }
    }
}

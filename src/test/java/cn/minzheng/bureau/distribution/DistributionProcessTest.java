package cn.minzheng.bureau.distribution;

import static cn.minzheng.bureau.distribution.DistributionProcess.*;
import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.distribution.DistributionRepository.Recipient;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.support.ProcessTest;

/**
 * Every path of group-distribution.bpmn: a 春节慰问 of 优抚对象, 低保 households and 高龄津贴 recipients in two townships, its
 * list frozen from the active enrolments (a person in three programs listed once; the dead, ended enrolments and
 * enrolments of other programs left out), each township's sign-off refused until it hands out exactly its list, then
 * recorded once; bad input at the start refused in Chinese with nothing written.
 */
@ProcessTest
class DistributionProcessTest {

    private static final String STAFF = "youfu";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    HouseholdRepository households;
    @Autowired
    RegionRepository regions;
    @Autowired
    DistributionRepository distributions;
    @Autowired
    JdbcClient jdbc;

    String veteran;
    String child;
    String deceased;
    String ended;
    String tekunOnly;
    String mengkeHead;

    @BeforeEach
    void aGroupInTwoTownships() {
        BpmnAwareTests.init(engine);
        List<String> family = DistributionPeople.household(households, "yuecun", "yuecun-yuecun", "慰问甲", "慰问乙");
        veteran = family.get(0);
        child = family.get(1);
        DistributionPeople.enrol(jdbc, "YOUFU", veteran, true, "ACTIVE");
        DistributionPeople.enrol(jdbc, "GAOLING", veteran, true, "ACTIVE");
        DistributionPeople.enrol(jdbc, "DIBAO", veteran, false, "ACTIVE"); // the household: its head
        deceased = DistributionPeople.household(households, "yuecun", "yuecun-yuecun", "慰问丙").get(0);
        DistributionPeople.enrol(jdbc, "YOUFU", deceased, true, "ACTIVE");
        jdbc.sql("update household_member set died_on = current_date where id_number = ?").param(deceased).update();
        ended = DistributionPeople.household(households, "yuecun", "yuecun-yuecun", "慰问丁").get(0);
        DistributionPeople.enrol(jdbc, "YOUFU", ended, true, "ENDED");
        tekunOnly = DistributionPeople.household(households, "yuecun", "yuecun-yuecun", "慰问戊").get(0);
        DistributionPeople.enrol(jdbc, "TEKUN", tekunOnly, true, "ACTIVE");
        String mengke = regions.children("mengke").get(0).code();
        mengkeHead = DistributionPeople.household(households, "mengke", mengke, "慰问己").get(0);
        DistributionPeople.enrol(jdbc, "YOUFU", mengkeHead, true, "ACTIVE");
    }

    @Test
    void aDistributionIsFrozenSignedOffByEachTownshipExactlyAndCompleted() {
        ProcessInstance instance = start(Map.of("distributionName", "2027年春节走访慰问", "occasion", "SPRING_FESTIVAL",
                "programCodes", json(List.of("YOUFU", "DIBAO", "GAOLING")), "townships", json(List.of("yuecun", "mengke")),
                "cashPerRecipient", new BigDecimal("500.00"), "itemName", "米面油", "itemQuantity", 1L, "itemUnit", "份"));
        long id = ((Number) engine.getRuntimeService().getVariable(instance.getId(), "distributionId")).longValue();
        assertThat(instance).hasPassed("Task_CreateDistribution").isWaitingAt(TASK_SIGN_OFF);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "caseNumber").toString()).startsWith("WW-");

        List<Recipient> list = distributions.recipients(id);
        assertThat(list).filteredOn(r -> r.idNumber().equals(veteran)).singleElement()
                .satisfies(r -> assertThat(r.programCodes()).isEqualTo("DIBAO,GAOLING,YOUFU"));
        assertThat(list).extracting(Recipient::idNumber).doesNotContain(child, deceased, ended, tekunOnly)
                .contains(mengkeHead).doesNotHaveDuplicates();
        assertThat(list).extracting(Recipient::townshipCode).containsOnly("yuecun", "mengke");
        assertThat(list).allSatisfy(r -> assertThat(r.signed()).isFalse());
        // a person enrolled after the start is not added: the list is frozen
        String late = DistributionPeople.household(households, "yuecun", "yuecun-yuecun", "慰问庚").get(0);
        DistributionPeople.enrol(jdbc, "YOUFU", late, true, "ACTIVE");
        assertThat(distributions.recipients(id)).hasSize(list.size());

        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
        assertThat(tasks).hasSize(2);
        List<String> yuecun = listed(list, "yuecun");
        assertThat(engine.getTaskService().getVariable(task("clerk.yuecun", instance).getId(), "townshipShare"))
                .isEqualTo(yuecun.size() + "人，每人慰问金500.00元、米面油1份；合计慰问金"
                        + new BigDecimal("500.00").multiply(BigDecimal.valueOf(yuecun.size())) + "元、米面油" + yuecun.size() + "份");

        // not everyone, someone not listed, someone twice: refused, the task stays, nothing written
        assertThatThrownBy(() -> signOff("clerk.yuecun", instance, yuecun.subList(1, yuecun.size())))
                .satisfies(violation("少于本乡镇（街道）分配的"));
        assertThatThrownBy(() -> signOff("clerk.yuecun", instance, append(yuecun, late)))
                .satisfies(violation(late + "不在本乡镇（街道）本次发放名单中"));
        assertThatThrownBy(() -> signOff("clerk.yuecun", instance, append(yuecun, yuecun.get(0))))
                .satisfies(violation("重复签领"));
        assertThatThrownBy(() -> signOff("clerk.yuecun", instance, append(yuecun.subList(1, yuecun.size()), mengkeHead)))
                .satisfies(violation(mengkeHead + "不在本乡镇（街道）本次发放名单中"));
        assertThat(distributions.signOffs(id)).isEmpty();
        assertThat(distributions.recipients(id)).noneMatch(Recipient::signed);

        signOff("clerk.yuecun", instance, yuecun);
        assertThat(instance).isWaitingAt(TASK_SIGN_OFF);
        assertThat(distributions.signOffs(id)).singleElement().satisfies(s -> {
            assertThat(s.townshipCode()).isEqualTo("yuecun");
            assertThat(s.recipients()).isEqualTo(yuecun.size());
            assertThat(s.cash()).isEqualByComparingTo(new BigDecimal(500 * yuecun.size()));
            assertThat(s.itemQuantity()).isEqualTo(yuecun.size());
            assertThat(s.signedBy()).isEqualTo("clerk.yuecun");
        });
        signOff("clerk.mengke", instance, listed(list, "mengke"));

        assertThat(instance).isEnded().hasPassed("Task_CompleteDistribution", "EndEvent_DistributionCompleted");
        assertThat(distributions.find(id).status()).isEqualTo("COMPLETED");
        assertThat(distributions.recipients(id)).allMatch(Recipient::signed);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("signedIdNumbers").list()).as("the sign-offs are in the tables, not left as variables")
                .allSatisfy(v -> assertThat(v.getState()).isEqualTo("DELETED"));
    }

    @Test
    void badDistributionsAreRefusedInChineseAndWriteNothing() {
        long before = jdbc.sql("select count(*) from group_distribution").query(Long.class).single();
        long instances = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count();
        Map<String, Object> good = Map.of("distributionName", "八一慰问", "occasion", "ARMY_DAY",
                "programCodes", json(List.of("YOUFU")), "cashPerRecipient", new BigDecimal("300.00"));
        assertThatThrownBy(() -> start(with(good, "programCodes", json(List.of())))).satisfies(violation("请至少选择一个发放对象"));
        assertThatThrownBy(() -> start(with(good, "programCodes", json(List.of("LINSHI")))))
                .satisfies(violation("不是按月享受的救助项目"));
        assertThatThrownBy(() -> start(with(good, "cashPerRecipient", "-300"))).satisfies(violation("不能为负数"));
        assertThatThrownBy(() -> start(with(good, "cashPerRecipient", "0"))).satisfies(violation("每人须发放慰问金或物资"));
        assertThatThrownBy(() -> start(with(good, "townships", json(List.of("nowhere"))))).satisfies(violation("不存在"));
        assertThatThrownBy(() -> start(with(with(good, "itemName", "轮椅"), "itemQuantity", 1L)))
                .satisfies(violation("须填写物资名称和单位"));
        assertThat(jdbc.sql("select count(*) from group_distribution").query(Long.class).single()).isEqualTo(before);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(instances);
    }

    private ProcessInstance start(Map<String, Object> variables) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        return walker.as(STAFF, () -> engine.getFormService().submitStartForm(definition,
                Variables.fromMap(variables)));
    }

    private void signOff(String user, ProcessInstance instance, List<String> signed) {
        walker.as(user, () -> {
            Task task = task(user, instance);
            engine.getTaskService().claim(task.getId(), user);
            engine.getTaskService().complete(task.getId(), Map.of("signedIdNumbers", json(signed)));
            return null;
        });
    }

    private Task task(String user, ProcessInstance instance) {
        return walker.as(user, () -> {
            List<Task> found = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .taskCandidateGroup("clerk-" + user.substring("clerk.".length())).includeAssignedTasks().list();
            assertThat(found).as(user + " sees the sign-off").hasSize(1);
            return found.get(0);
        });
    }

    private static List<String> listed(List<Recipient> list, String township) {
        return list.stream().filter(r -> r.townshipCode().equals(township)).map(Recipient::idNumber).toList();
    }

    private static List<String> append(List<String> list, String more) {
        List<String> all = new java.util.ArrayList<>(list);
        all.add(more);
        return all;
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static Object json(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.minzheng.bureau.youfu;

import static cn.minzheng.bureau.support.RuleViolations.violation;
import static cn.minzheng.bureau.youfu.YoufuConscriptRegistrationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.support.ProcessTest;
import cn.minzheng.bureau.support.UserTasks;

/**
 * Every path of youfu-conscript-registration.bpmn: the township clerk registers a conscript and the mother who is
 * paid, as the start form sends it; a bad registration, another township's conscript, or a second one is refused
 * with no instance and no registration written (the rules themselves: {@link YoufuConscriptProcessTest}).
 */
@ProcessTest
class YoufuConscriptRegistrationProcessTest {

    private static final String CLERK = "clerk.yuecun";

    @Autowired
    ProcessEngine engine;
    @Autowired
    UserTasks userTasks;
    @Autowired
    YoufuConscriptRepository conscripts;
    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void theClerkRegistersAConscriptOfTheTownshipOnceThroughTheStartForm() {
        YoufuFamilies.Family f = YoufuFamilies.conscriptFamily(households, validator, "yuecun", "yuecun-yuecun",
                "孙桂芳", "孙磊", 19);
        String enlisted = LocalDate.now().minusMonths(2).toString();

        ProcessInstance instance = userTasks.start(CLERK, KEY, form(f.conscriptIdNumber(), f.motherIdNumber(), enlisted, ""));

        assertThat(instance).isEnded().hasPassed(TASK_REGISTER, END_REGISTERED);
        YoufuConscript registered = conscripts.findByPerson(f.conscriptIdNumber()).orElseThrow();
        assertThat(registered.personName()).isEqualTo("孙磊");
        assertThat(registered.payeeName()).isEqualTo("孙桂芳");
        assertThat(registered.townshipCode()).isEqualTo("yuecun");
        assertThat(registered.enlistmentDate()).isEqualTo(LocalDate.parse(enlisted));
        assertThat(registered.dischargeDate()).isNull();
        assertThat(variable(instance, CONSCRIPT_ID.name())).isEqualTo(registered.id());
        assertThat(variable(instance, REGISTERED_BY.name())).isEqualTo(CLERK);

        long before = count();
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, form(f.conscriptIdNumber(), f.motherIdNumber(), enlisted, "")))
                .satisfies(violation("已登记为义务兵"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aBadOrForeignRegistrationStartsNothingAndWritesNothing() {
        YoufuFamilies.Family f = YoufuFamilies.conscriptFamily(households, validator, "yuecun", "yuecun-yuecun",
                "周桂芳", "周磊", 20);
        String enlisted = LocalDate.now().minusMonths(1).toString();
        long instances = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();
        long before = count();

        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, form(f.conscriptIdNumber(), f.conscriptIdNumber(), enlisted, "")))
                .satisfies(violation("领取人不能是义务兵本人"));
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, form(f.conscriptIdNumber(), f.motherIdNumber(),
                LocalDate.now().plusDays(2).toString(), ""))).satisfies(violation("入伍日期"));
        assertThatThrownBy(() -> userTasks.start("clerk.renqiu", KEY, form(f.conscriptIdNumber(), f.motherIdNumber(), enlisted, "")))
                .satisfies(violation("您只能登记本乡镇（街道）的义务兵"));

        assertThat(count()).isEqualTo(before);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count())
                .isEqualTo(instances);
    }

    private static Map<String, Object> form(String conscript, String payee, String enlisted, String discharged) {
        Map<String, Object> form = new HashMap<>();
        form.put(CONSCRIPT_ID_NUMBER.name(), conscript);
        form.put(PAYEE_ID_NUMBER.name(), payee);
        form.put(ENLISTMENT_DATE.name(), enlisted);
        form.put(DISCHARGE_DATE.name(), discharged);
        return form;
    }

    private Object variable(ProcessInstance instance, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).singleResult().getValue();
    }

    private long count() {
        return jdbc.sql("select count(*) from youfu_conscript").query(Long.class).single();
    }
}

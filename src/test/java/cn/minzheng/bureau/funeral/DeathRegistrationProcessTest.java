package cn.minzheng.bureau.funeral;

import static cn.minzheng.bureau.funeral.DeathRegistrationProcess.*;
import static cn.minzheng.bureau.funeral.FuneralPeople.CLERK;
import static cn.minzheng.bureau.funeral.FuneralPeople.REVIEWER;
import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.support.ProcessTest;

/**
 * Every path of funeral-death-registration.bpmn: a death confirmed by the township reviewer reaches every program (here
 * a resident in none: the household file marks the member deceased); a refusal needs its reason and lets the person
 * be registered again; the reviewer is never the clerk who registered; a second death of the same person, a date in the
 * future or before birth, an unknown ID number and the other bad input are refused in Chinese with nothing written.
 */
@ProcessTest
class DeathRegistrationProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    HouseholdRepository households;
    @Autowired
    DeathRegistrationRepository deaths;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void aConfirmedDeathIsRecordedOnceAndEveryProgramHearsIt() {
        LocalDate died = EngineClock.today().minusDays(3);
        String id = FuneralPeople.resident(households, "岳故一", LocalDate.of(1938, 5, 6));
        ProcessInstance instance = start(CLERK, form(id, died));
        assertThat(instance).isWaitingAt(TASK_REVIEW).task().hasCandidateGroup("reviewer-yuecun");
        DeathRecord registered = record(instance);
        assertThat(registered.status()).isEqualTo(DeathStatus.REGISTERED);
        assertThat(registered.recordNumber()).startsWith("SW-yuecun-" + EngineClock.today().getYear() + "-");
        assertThat(instance.getBusinessKey() == null ? engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult().getBusinessKey() : instance.getBusinessKey())
                .isEqualTo(registered.recordNumber());
        Task review = task(instance);
        assertThat(engine.getTaskService().getVariable(review.getId(), "applicantName")).isEqualTo("岳故一");
        assertThat((String) engine.getTaskService().getVariable(review.getId(), "recordSummary"))
                .contains("死亡日期：" + died, "信息来源：殡仪馆火化记录（火化证明第2026-0815号）", "安葬方式：生态安葬（树葬）");
        // the member is not deceased until the township confirms
        assertThat(diedOn(id)).isNull();

        complete(REVIEWER, instance, Map.of("reviewDecision", CONFIRM, "reviewComment", "与火化证明核对一致"));
        assertThat(instance).isEnded().hasPassed(TASK_NOTIFY, END_CONFIRMED).variables()
                .containsEntry("registeredBy", CLERK).containsEntry("reviewedBy", REVIEWER);
        DeathRecord confirmed = record(instance);
        assertThat(confirmed.status()).isEqualTo(DeathStatus.CONFIRMED);
        assertThat(confirmed.reviewedBy()).isEqualTo(REVIEWER);
        assertThat(confirmed.effects()).contains("岳故一标记为已故（" + died + "）", "无正在享受的救助项目");
        assertThat(diedOn(id)).isEqualTo(died);

        // a second death record of the same person: refused, nothing written
        long before = count();
        assertThatThrownBy(() -> start(CLERK, form(id, died))).satisfies(violation("同一人只能登记一次"));
        assertThat(count()).isEqualTo(before);
        // and the table keeps one death per person whatever the code does
        assertThatThrownBy(() -> jdbc.sql("update death_record set recorded_for = null where id = ?").param(confirmed.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aRefusalNeedsItsReasonChangesNothingAndTheDeathMayBeRegisteredAgain() {
        LocalDate died = EngineClock.today().minusDays(10);
        String id = FuneralPeople.resident(households, "岳误报", LocalDate.of(1950, 1, 2));
        ProcessInstance instance = start(CLERK, form(id, died));
        assertThatThrownBy(() -> complete(REVIEWER, instance, Map.of("reviewDecision", REFUSE)))
                .satisfies(violation("不予确认须写明理由"));
        assertThatThrownBy(() -> complete(REVIEWER, instance, Map.of())).satisfies(violation("审核结果"));
        assertThat(record(instance).status()).isEqualTo(DeathStatus.REGISTERED);
        // while it waits, the same person cannot be registered twice
        assertThatThrownBy(() -> start(CLERK, form(id, died))).satisfies(violation("同一人只能登记一次"));

        complete(REVIEWER, instance, Map.of("reviewDecision", REFUSE, "reviewComment", "村委会核实本人健在，系同名误报"));
        assertThat(instance).isEnded().hasPassed(END_REFUSED).hasNotPassed(TASK_NOTIFY);
        DeathRecord refused = record(instance);
        assertThat(refused.status()).isEqualTo(DeathStatus.REFUSED);
        assertThat(refused.reviewComment()).isEqualTo("村委会核实本人健在，系同名误报");
        assertThat(refused.effects()).isNull();
        assertThat(diedOn(id)).isNull();
        assertThat(start(CLERK, form(id, died))).isWaitingAt(TASK_REVIEW);
    }

    @Test
    void theClerkWhoRegisteredMayNotReview() {
        IdentityService identity = engine.getIdentityService();
        User dual = identity.newUser("dual.funeral");
        dual.setFirstName("双岗");
        dual.setPassword("Funeral-Death-2026!");
        identity.saveUser(dual);
        identity.createMembership("dual.funeral", "clerk-yuecun");
        identity.createMembership("dual.funeral", "reviewer-yuecun");
        try {
            String id = FuneralPeople.resident(households, "岳四眼", LocalDate.of(1945, 7, 8));
            ProcessInstance instance = start("dual.funeral", form(id, EngineClock.today()));
            assertThatThrownBy(() -> complete("dual.funeral", instance, Map.of("reviewDecision", CONFIRM)))
                    .satisfies(violation("四眼原则"));
            assertThat(instance).isWaitingAt(TASK_REVIEW);
            assertThat(record(instance).status()).isEqualTo(DeathStatus.REGISTERED);
        } finally {
            identity.deleteUser("dual.funeral");
        }
    }

    @Test
    void badRecordsAreRefusedInChineseAndNothingIsWritten() {
        LocalDate today = EngineClock.today();
        LocalDate born = LocalDate.of(1960, 3, 4);
        String id = FuneralPeople.resident(households, "岳差错", born);
        long before = count();

        assertThatThrownBy(() -> start(CLERK, form(id, today.plusDays(1))))
                .satisfies(violation("死亡日期" + today.plusDays(1) + "晚于今天"));
        assertThatThrownBy(() -> start(CLERK, form(id, born.minusDays(1))))
                .satisfies(violation("早于出生日期" + born));
        assertThatThrownBy(() -> start(CLERK, form(FuneralPeople.unregisteredIdNumber(households, born), today)))
                .satisfies(violation("不是登记在册的家庭成员"));
        assertThatThrownBy(() -> start(CLERK, form(id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0'), today))).satisfies(violation("无效"));
        assertThatThrownBy(() -> start("clerk.mengke", form(id, today))).satisfies(violation("只能登记本乡镇（街道）居民"));
        assertThatThrownBy(() -> start(CLERK, with(form(id, today), "deathDate", "2026-02-30"))).satisfies(violation("格式不正确"));
        assertThatThrownBy(() -> start(CLERK, with(form(id, today), "deathPlace", " "))).satisfies(violation("死亡地点"));
        assertThatThrownBy(() -> start(CLERK, with(form(id, today), "sourceReference", null)))
                .satisfies(violation("须填写火化证明编号"));
        assertThatThrownBy(() -> start(CLERK, with(form(id, today), "cremated", "false")))
                .satisfies(violation("应为已火化"));
        assertThatThrownBy(() -> start(CLERK, with(with(with(form(id, today), "source", "COMMITTEE"), "cremated", "false"),
                "burialKind", "SEA"))).satisfies(violation("须在火化之后"));
        assertThatThrownBy(() -> start(CLERK, with(form(id, today), "burialKind", "MOON")))
                .satisfies(violation("安葬方式的取值“MOON”无效"));
        assertThatThrownBy(() -> start(CLERK, with(form(id, today), "source", null))).satisfies(violation("信息来源不能为空"));
        assertThatThrownBy(() -> start(CLERK, with(form(id, today), "cremated", "maybe"))).satisfies(violation("是否火化"));
        assertThatThrownBy(() -> start(CLERK, with(form(id, today), "cremated", null))).satisfies(violation("请选择是否火化"));
        assertThat(count()).isEqualTo(before);
        assertThat(diedOn(id)).isNull();

        // a village committee's report of a burial without cremation is a valid record
        assertThat(start(CLERK, with(with(with(form(id, today), "source", "COMMITTEE"), "cremated", false),
                "burialKind", "INTERMENT"))).isWaitingAt(TASK_REVIEW);
    }

    static Map<String, Object> form(String idNumber, LocalDate died) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("deceasedIdNumber", idNumber);
        variables.put("deathDate", died.toString());
        variables.put("deathPlace", "中原区殡仪馆");
        variables.put("source", "FUNERAL_HOME");
        variables.put("sourceReference", "火化证明第2026-0815号");
        variables.put("cremated", "true");
        variables.put("burialKind", "TREE");
        return variables;
    }

    private static Map<String, Object> with(Map<String, Object> form, String name, Object value) {
        Map<String, Object> changed = new HashMap<>(form);
        changed.put(name, value);
        return changed;
    }

    private ProcessInstance start(String clerk, Map<String, Object> variables) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        return walker.as(clerk, () -> engine.getFormService().submitStartForm(definition, variables));
    }

    private void complete(String user, ProcessInstance instance, Map<String, Object> variables) {
        walker.as(user, () -> {
            List<Task> found = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(TASK_REVIEW).list();
            assertThat(found).as(user + " sees the review").hasSize(1);
            engine.getTaskService().complete(found.get(0).getId(), variables);
            return null;
        });
    }

    private Task task(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_REVIEW)
                .singleResult();
    }

    private DeathRecord record(ProcessInstance instance) {
        Long id = jdbc.sql("select id from death_record where process_instance_id = ?").param(instance.getId())
                .query(Long.class).single();
        return deaths.find(id).orElseThrow();
    }

    private LocalDate diedOn(String idNumber) {
        return jdbc.sql("select died_on from household_member where id_number = ?").param(idNumber)
                .query(LocalDate.class).list().get(0);
    }

    private long count() {
        return jdbc.sql("select count(*) from death_record").query(Long.class).single();
    }
}

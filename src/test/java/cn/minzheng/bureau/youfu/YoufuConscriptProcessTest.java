package cn.minzheng.bureau.youfu;

import static cn.minzheng.bureau.support.RuleViolations.violation;
import static cn.minzheng.bureau.youfu.YoufuConscriptProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.payroll.PayrollComputation;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.ProcessTest;
import cn.minzheng.bureau.youfu.YoufuConscriptRepository.GrantStatus;

/**
 * Every path of youfu-conscript-grant.bpmn and the rules of registration: a conscript of 岳村乡 (农村) is granted
 * the year's 11400 yuan, paid once to his mother by the YOUFU_YOUDAI payroll and never again (a second payroll, a
 * second listing of the year, and the database's unique keys); the yearly timer and a 不发放 with its reason; bad
 * registrations and answers refused with nothing written.
 */
@ProcessTest
class YoufuConscriptProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLERK = "clerk.yuecun";

    @Autowired
    ProcessEngine engine;
    @Autowired
    YoufuConscriptService service;
    @Autowired
    YoufuConscriptRepository conscripts;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    PayrollComputation computation;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void theYearsGrantIsPaidOnceToTheFamilyAndNeverTwice() {
        YoufuConscript c = conscript("李秀兰", "李强", LocalDate.now().minusMonths(3));
        assertThat(c.payeeName()).isEqualTo("李秀兰");
        int year = firstDueYear(c);

        ProcessInstance instance = start(year);
        assertThat(instance).isWaitingAt(TASK_CONFIRM).hasPassed(START_MANUAL, TASK_LIST);
        Task task = taskOf(instance, "yuecun");
        assertThat(task.getName()).isEqualTo("乡镇核对义务兵家庭优待金名单");
        // 岳村乡 is a 乡: the rural standard, 11400 yuan a year from 2026
        assertThat(rows(task)).filteredOn(r -> c.personIdNumber().equals(r.get("idNumber"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("payeeName")).isEqualTo("李秀兰");
                    assertThat(r.get("amount")).isEqualTo("11400.00");
                });
        answerAll(instance, Map.of());
        assertThat(instance).isEnded().hasPassed(END_GRANTED);

        assertThat(conscripts.grantsOf(c.id())).singleElement().satisfies(g -> {
            assertThat(g.grantYear()).isEqualTo(year);
            assertThat(g.status()).isEqualTo(GrantStatus.GRANTED);
            assertThat(g.calculationSnapshot()).contains("\"areaType\":\"RURAL\"");
        });
        Enrolment enrolment = enrolments.forProgramCase(PROGRAM, conscripts.grantsOf(c.id()).get(0).id()).orElseThrow();
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(enrolment.personIdNumber()).isEqualTo(c.payeeIdNumber());

        int y = FreshPeriods.year();
        computation.compute(payrolls.insert(PROGRAM, YearMonth.of(y, 8)));
        assertThat(payments(enrolment.id())).containsExactly(y + "-08 11400.00 李秀兰");
        computation.compute(payrolls.insert(PROGRAM, YearMonth.of(y, 9)));
        assertThat(payments(enrolment.id())).containsExactly(y + "-08 11400.00 李秀兰");
        // the year listed again lists nobody; the database refuses a second grant of the year and a second payment
        assertThat(start(year)).isEnded().hasPassed(END_NOBODY).hasNotPassed(TASK_CONFIRM);
        assertThatThrownBy(() -> jdbc.sql("""
                insert into youfu_conscript_grant (conscript_id, grant_year, township_code, amount, calculation_snapshot,
                    status, process_instance_id, created_at) values (?, ?, 'yuecun', 11400, '{}', 'PROPOSED', 'x', current_timestamp)""")
                .params(c.id(), year).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                insert into payment (payroll_id, enrolment_id, one_off_enrolment_id, benefit_month, household_id, township_code,
                    payee_name, payee_id_number, bank_name, bank_account, people_count, amount, status, created_at)
                select payroll_id, enrolment_id, one_off_enrolment_id, '9999-12', household_id, township_code, payee_name,
                    payee_id_number, bank_name, bank_account, people_count, amount, status, created_at
                from payment where enrolment_id = ?""").param(enrolment.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class);

        // the next year is his second and last as a conscript; the third is not due
        ProcessInstance second = start(year + 1);
        answerAll(second, Map.of());
        assertThat(conscripts.grantsOf(c.id())).extracting(YoufuConscriptRepository.Grant::grantYear)
                .containsExactly(year, year + 1);
        assertThat(conscripts.inService(YoufuConscriptService.dueDay(year + 2))).noneMatch(x -> x.id() == c.id());
    }

    @Test
    void theYearlyTimerListsConscriptsAndTheClerkRefusesOneWithTheReason() {
        // enlisted before this year's 1 August, so in service on it
        YoufuConscript c = conscript("周桂英", "周磊", LocalDate.of(Year.now().getValue(), 3, 1).minusYears(1));
        Job timer = engine.getManagementService().createJobQuery().timers().activityId(START_YEARLY)
                .processDefinitionKey(KEY).singleResult();
        engine.getManagementService().executeJob(timer.getId());
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .active().list().stream().filter(pi -> conscripts.grantsOf(c.id()).stream()
                        .anyMatch(g -> g.processInstanceId().equals(pi.getId()))).findFirst().orElseThrow();
        assertThat(instance).isWaitingAt(TASK_CONFIRM).hasPassed(START_YEARLY);
        Task task = taskOf(instance, "yuecun");

        assertThatThrownBy(() -> answer(task, Map.of(c.personIdNumber(), new String[] {"NOT_GRANTED"})))
                .satisfies(violation("周磊不发放优待金，请填写原因"));
        assertThatThrownBy(() -> answer(task, Map.of(c.personIdNumber(), new String[] {"MAYBE"})))
                .satisfies(violation("请选择周磊的核对结论"));
        assertThatThrownBy(() -> complete(task, List.of())).satisfies(violation("尚未核对"));
        assertThatThrownBy(() -> complete(task, List.of(Map.of("grantId", 999999999L, "decision", "GRANT"))))
                .satisfies(violation("不属于本次发放"));
        assertThat(conscripts.grantsOf(c.id())).singleElement()
                .satisfies(g -> assertThat(g.status()).isEqualTo(GrantStatus.PROPOSED));

        answerAll(instance, Map.of(c.personIdNumber(), new String[] {"NOT_GRANTED", "已于今年5月提前退役"}));
        assertThat(instance).isEnded().hasPassed(END_GRANTED);
        assertThat(conscripts.grantsOf(c.id())).singleElement().satisfies(g -> {
            assertThat(g.status()).isEqualTo(GrantStatus.NOT_GRANTED);
            assertThat(g.reason()).isEqualTo("已于今年5月提前退役");
            assertThat(enrolments.forProgramCase(PROGRAM, g.id())).isEmpty();
        });
    }

    @Test
    void aBadRegistrationIsRefusedWithNothingWritten() {
        YoufuFamilies.Family f = YoufuFamilies.conscriptFamily(households, validator, "yuecun", "yuecun-yuecun",
                "赵桂兰", "赵勇", 19);
        YoufuFamilies.Family other = YoufuFamilies.conscriptFamily(households, validator, "yuecun", "yuecun-yuecun",
                "钱桂兰", "钱勇", 19);
        String enlisted = LocalDate.now().minusMonths(2).toString();
        long before = count();
        assertThatThrownBy(() -> service.register(f.conscriptIdNumber(), other.motherIdNumber(), enlisted, null, CLERK))
                .satisfies(violation("不是赵勇家庭的成员"));
        assertThatThrownBy(() -> service.register(f.conscriptIdNumber(), f.conscriptIdNumber(), enlisted, null, CLERK))
                .satisfies(violation("领取人不能是义务兵本人"));
        assertThatThrownBy(() -> service.register("41010519800101001X", f.motherIdNumber(), enlisted, null, CLERK))
                .satisfies(violation("不是有效的居民身份证号码"));
        assertThatThrownBy(() -> service.register(f.conscriptIdNumber(), f.motherIdNumber(),
                LocalDate.now().plusDays(3).toString(), null, CLERK)).satisfies(violation("入伍日期"));
        // born 19 years and 20 days ago: 13 at an enlistment six years ago
        assertThatThrownBy(() -> service.register(f.conscriptIdNumber(), f.motherIdNumber(),
                LocalDate.now().minusYears(6).toString(), null, CLERK)).satisfies(violation("入伍时13周岁"));
        assertThatThrownBy(() -> service.register(f.conscriptIdNumber(), f.motherIdNumber(), enlisted,
                LocalDate.now().minusMonths(3).toString(), CLERK)).satisfies(violation("退役日期"));
        assertThatThrownBy(() -> service.register(f.conscriptIdNumber(), f.motherIdNumber(), "2026-13-01", null, CLERK))
                .satisfies(violation("不是有效日期"));
        assertThat(count()).isEqualTo(before);

        service.register(f.conscriptIdNumber(), f.motherIdNumber(), enlisted, null, CLERK);
        assertThatThrownBy(() -> service.register(f.conscriptIdNumber(), f.motherIdNumber(), enlisted, null, CLERK))
                .satisfies(violation("已登记为义务兵"));
        assertThat(count()).isEqualTo(before + 1);
    }

    private long count() {
        return jdbc.sql("select count(*) from youfu_conscript").query(Long.class).single();
    }

    private YoufuConscript conscript(String mother, String son, LocalDate enlisted) {
        YoufuFamilies.Family f = YoufuFamilies.conscriptFamily(households, validator, "yuecun", "yuecun-yuecun", mother, son, 20);
        return service.register(f.conscriptIdNumber(), f.motherIdNumber(), enlisted.toString(), null, CLERK);
    }

    /** The first year whose 1 August he is in service on. */
    private static int firstDueYear(YoufuConscript c) {
        LocalDate e = c.enlistmentDate();
        return e.isAfter(YoufuConscriptService.dueDay(e.getYear())) ? e.getYear() + 1 : e.getYear();
    }

    private List<String> payments(long enrolmentId) {
        return jdbc.sql("select benefit_month, amount, payee_name from payment where enrolment_id = ? order by benefit_month")
                .param(enrolmentId).query((rs, n) -> rs.getString(1) + " " + rs.getBigDecimal(2) + " " + rs.getString(3))
                .list();
    }

    private ProcessInstance start(int year) {
        return engine.getRuntimeService().startProcessInstanceByMessage(MESSAGE_START, Map.of(VAR_GRANT_YEAR, year));
    }

    private Task taskOf(ProcessInstance instance, String township) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list().stream()
                .filter(t -> township.equals(engine.getTaskService().getVariable(t.getId(), "townshipCode")))
                .findFirst().orElseThrow();
    }

    private List<Map<String, Object>> rows(Task task) {
        return JsonRows.of(engine.getTaskService().getVariable(task.getId(), VAR_CONSCRIPTS), "rows");
    }

    /** Answers a task: the answers given per ID number, 发放 for anyone else. */
    private void answer(Task task, Map<String, String[]> answers) {
        List<Map<String, Object>> answered = new ArrayList<>();
        for (Map<String, Object> row : rows(task)) {
            String[] answer = answers.getOrDefault((String) row.get("idNumber"), new String[] {"GRANT"});
            Map<String, Object> r = new LinkedHashMap<>(row);
            r.put("decision", answer[0]);
            if (answer.length > 1) {
                r.put("reason", answer[1]);
            }
            answered.add(r);
        }
        complete(task, answered);
    }

    private void complete(Task task, List<? extends Map<String, Object>> answered) {
        String township = (String) engine.getTaskService().getVariable(task.getId(), "townshipCode");
        engine.getTaskService().setAssignee(task.getId(), "clerk." + township);
        try {
            engine.getTaskService().complete(task.getId(), Map.of(VAR_CONSCRIPTS,
                    SpinValues.jsonValue(JSON.writeValueAsString(answered)).create()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answerAll(ProcessInstance instance, Map<String, String[]> answers) {
        for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list()) {
            answer(task, answers);
        }
    }
}

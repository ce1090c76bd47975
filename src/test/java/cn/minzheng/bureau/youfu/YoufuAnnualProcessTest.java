package cn.minzheng.bureau.youfu;

import static cn.minzheng.bureau.support.RuleViolations.violation;
import static cn.minzheng.bureau.youfu.YoufuAnnualProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

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
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.payroll.PayrollComputation;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.ProcessTest;
import cn.minzheng.bureau.youfu.YoufuAnnualRepository.CheckStatus;

/**
 * Every path of youfu-annual-review.bpmn: the clerks answer before the deadline (one recipient not confirmed is
 * suspended and left out of the payroll; a later confirmation resumes him, and the next payroll pays the suspended
 * months once); the yearly timer and the deadline (those pending are suspended as 逾期未年审); a year listed already
 * lists nobody; bad answers are refused with nothing written.
 */
@ProcessTest
class YoufuAnnualProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLERK = "clerk.yuecun";

    @Autowired
    ProcessEngine engine;
    @Autowired
    YoufuRepository recipients;
    @Autowired
    YoufuAnnualRepository checks;
    @Autowired
    YoufuAnnualService service;
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
    void oneNotConfirmedIsSuspendedUnpaidAndResumedWithTheSuspendedMonthsPaidOnce() {
        YearMonth now = YearMonth.now();
        String start = now.minusMonths(3).toString();
        YoufuRecipient alive = recipient("钱健在", start);
        YoufuRecipient away = recipient("孙未见", start);
        int year = FreshPeriods.year();
        ProcessInstance instance = start(year);
        assertThat(instance).isWaitingAt(TASK_CONFIRM).hasPassed(START_MANUAL, TASK_LIST);
        Task task = taskOf(instance, "yuecun");
        assertThat(task.getName()).isEqualTo("乡镇优抚对象年审（生存认证）");
        assertThat(rows(task)).filteredOn(r -> away.personIdNumber().equals(r.get("idNumber"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("categoryLabel")).isEqualTo("残疾军人（因战五级）");
                    assertThat(r.get("monthlyAmount")).isEqualTo("4553.33");
                });

        answerAll(instance, Map.of(away.personIdNumber(), new String[] {"NOT_CONFIRMED", "入户两次未见本人，家属称已长期在外地"}));
        assertThat(instance).isEnded().hasPassed(TASK_SUSPEND, END_CHECKED).hasNotPassed(TIMER_DEADLINE);
        assertThat(recipients.find(alive.id()).orElseThrow().status()).isEqualTo(YoufuStatus.ACTIVE);
        assertThat(recipients.find(away.id()).orElseThrow().status()).isEqualTo(YoufuStatus.SUSPENDED);
        long enrolmentId = enrolments.forProgramCase(Program.YOUFU, away.id()).orElseThrow().id();
        assertThat(enrolments.find(enrolmentId).orElseThrow().status()).isEqualTo(EnrolmentStatus.SUSPENDED);
        YoufuAnnualRepository.AnnualCheck check = checks.checksOfRecipient(away.id()).get(0);
        // nothing was paid to him: suspended from his first month
        assertThat(check.suspendedFrom()).isEqualTo(start);

        // a payroll while he is suspended leaves him out
        int y = FreshPeriods.year();
        computation.compute(payrolls.insert(Program.YOUFU, YearMonth.of(y, 4)));
        assertThat(payments(enrolmentId)).isEmpty();

        assertThatThrownBy(() -> service.confirmLate(check.id(), "renqiu", "本人到场", "clerk.renqiu"))
                .satisfies(violation("只能年审本乡镇"));
        assertThatThrownBy(() -> service.confirmLate(check.id(), "yuecun", " ", CLERK))
                .satisfies(violation("请填写补充认证情况"));
        YoufuRecipient resumed = service.confirmLate(check.id(), "yuecun", "本人到乡政府现场认证", CLERK);
        assertThat(resumed.status()).isEqualTo(YoufuStatus.ACTIVE);
        assertThat(enrolments.find(enrolmentId).orElseThrow().status()).isEqualTo(EnrolmentStatus.ACTIVE);
        YearMonth resumedIn = payrolls.findByMonth(Program.YOUFU, now).isPresent() ? now.plusMonths(1) : now;
        List<String> suspendedMonths = new ArrayList<>();
        for (YearMonth m = YearMonth.parse(start); m.isBefore(resumedIn); m = m.plusMonths(1)) {
            suspendedMonths.add(m.toString());
        }
        assertThat(checks.backPay(away.id())).extracting(YoufuAnnualRepository.BackPay::benefitMonth)
                .containsExactlyElementsOf(suspendedMonths);
        assertThatThrownBy(() -> service.confirmLate(check.id(), "yuecun", "再次认证", CLERK))
                .satisfies(violation("本年度已通过年审"));

        // the next payroll pays his month and each suspended month, at his amount; the one after pays none again
        computation.compute(payrolls.insert(Program.YOUFU, YearMonth.of(y, 5)));
        List<String> expected = new ArrayList<>();
        suspendedMonths.forEach(m -> expected.add(m + " 4553.33"));
        expected.add(y + "-05 4553.33");
        assertThat(payments(enrolmentId)).containsExactlyElementsOf(expected);
        assertThat(checks.backPay(away.id())).allSatisfy(b -> assertThat(b.payrollId()).isNotNull());
        computation.compute(payrolls.insert(Program.YOUFU, YearMonth.of(y, 6)));
        expected.add(y + "-06 4553.33");
        assertThat(payments(enrolmentId)).containsExactlyElementsOf(expected);
        assertThat(jdbc.sql("select action from audit_event where entity_type = 'YOUFU_RECIPIENT' and entity_id = ? order by id")
                .param(away.id()).query(String.class).list()).contains("SUSPENDED", "RESUMED");
    }

    @Test
    void theYearlyTimerListsRecipientsAndTheDeadlineSuspendsThoseNotAnswered() {
        YoufuRecipient silent = recipient("韩逾期", YearMonth.now().toString());
        Job timer = engine.getManagementService().createJobQuery().timers().activityId(START_YEARLY)
                .processDefinitionKey(KEY).singleResult();
        engine.getManagementService().executeJob(timer.getId());
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .active().list().stream().filter(pi -> checks.checksOfRecipient(silent.id()).stream()
                        .anyMatch(c -> c.processInstanceId().equals(pi.getId()))).findFirst().orElseThrow();
        assertThat(instance).isWaitingAt(TASK_CONFIRM).hasPassed(START_YEARLY);

        Job deadline = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(TIMER_DEADLINE).singleResult();
        assertThat(deadline.getDuedate()).isAfter(new java.util.Date());
        engine.getManagementService().executeJob(deadline.getId());
        assertThat(instance).isEnded().hasPassed(TIMER_DEADLINE, TASK_SUSPEND, END_CHECKED);
        assertThat(recipients.find(silent.id()).orElseThrow().status()).isEqualTo(YoufuStatus.SUSPENDED);
        assertThat(checks.checksOfRecipient(silent.id())).last().satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckStatus.NOT_CONFIRMED);
            assertThat(c.reason()).startsWith("逾期未年审");
        });
        assertThat(enrolments.history(enrolments.forProgramCase(Program.YOUFU, silent.id()).orElseThrow().id()))
                .last().satisfies(h -> assertThat(h.reason()).contains("逾期未年审"));
    }

    @Test
    void aYearListedAlreadyListsNobodyAndAnAnswerNeedsItsReason() {
        YoufuRecipient r = recipient("杨缺因", YearMonth.now().toString());
        int year = FreshPeriods.year();
        ProcessInstance instance = start(year);
        ProcessInstance again = start(year);
        assertThat(again).isEnded().hasPassed(END_NOBODY).hasNotPassed(TASK_CONFIRM);

        Task task = taskOf(instance, "yuecun");
        assertThatThrownBy(() -> answer(task, Map.of(r.personIdNumber(), new String[] {"NOT_CONFIRMED"})))
                .satisfies(violation("杨缺因未能确认，请填写原因"));
        assertThatThrownBy(() -> answer(task, Map.of(r.personIdNumber(), new String[] {"PERHAPS"})))
                .satisfies(violation("请选择杨缺因的年审结论"));
        assertThatThrownBy(() -> complete(task, List.of()))
                .satisfies(violation("尚未年审"));
        assertThatThrownBy(() -> complete(task, List.of(Map.of("checkId", 999999999L, "decision", "CONFIRMED"))))
                .satisfies(violation("不属于本次年审"));
        assertThat(checks.checksOfRecipient(r.id())).last()
                .satisfies(c -> assertThat(c.status()).isEqualTo(CheckStatus.PENDING));
        answerAll(instance, Map.of());
        assertThat(instance).isEnded();
        assertThat(recipients.find(r.id()).orElseThrow().status()).isEqualTo(YoufuStatus.ACTIVE);
        long checkId = checks.checksOfRecipient(r.id()).get(0).id();
        assertThatThrownBy(() -> service.confirmLate(checkId, "yuecun", "本人到场", CLERK))
                .satisfies(violation("本年度已通过年审"));
    }

    private YoufuRecipient recipient(String name, String startMonth) {
        return YoufuFamilies.activeRecipient(recipients, jdbc, households, validator, name, startMonth);
    }

    private List<String> payments(long enrolmentId) {
        return jdbc.sql("select benefit_month, amount from payment where enrolment_id = ? order by benefit_month")
                .param(enrolmentId).query((rs, n) -> rs.getString(1) + " " + rs.getBigDecimal(2)).list();
    }

    private ProcessInstance start(int year) {
        return engine.getRuntimeService().startProcessInstanceByMessage(MESSAGE_START, Map.of(VAR_CHECK_YEAR, year));
    }

    private Task taskOf(ProcessInstance instance, String township) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list().stream()
                .filter(t -> township.equals(engine.getTaskService().getVariable(t.getId(), "townshipCode")))
                .findFirst().orElseThrow();
    }

    private List<Map<String, Object>> rows(Task task) {
        return JsonRows.of(engine.getTaskService().getVariable(task.getId(), VAR_RECIPIENTS), "rows");
    }

    /** Answers a task: the answers given per ID number, 健在 for anyone else. */
    private void answer(Task task, Map<String, String[]> answers) {
        List<Map<String, Object>> answered = new ArrayList<>();
        for (Map<String, Object> row : rows(task)) {
            String[] answer = answers.getOrDefault((String) row.get("idNumber"), new String[] {"CONFIRMED"});
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
            engine.getTaskService().complete(task.getId(), Map.of(VAR_RECIPIENTS,
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

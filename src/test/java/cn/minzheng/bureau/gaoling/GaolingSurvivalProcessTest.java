package cn.minzheng.bureau.gaoling;

import static cn.minzheng.bureau.gaoling.GaolingSurvivalProcess.*;
import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
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

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.gaoling.GaolingRepository.Recipient;
import cn.minzheng.bureau.gaoling.GaolingRepository.RecipientStatus;
import cn.minzheng.bureau.gaoling.GaolingRepository.SurvivalStatus;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.ProcessTest;

/**
 * Every path of gaoling-survival-check.bpmn: the clerks answer before the deadline (one recipient not confirmed is
 * suspended, a later confirmation resumes him with back pay recorded once); the deadline passes with answers
 * missing (those pending are suspended as 逾期未认证); a year already listed lists nobody; bad answers are refused.
 */
@ProcessTest
class GaolingSurvivalProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    HouseholdRepository households;
    @Autowired
    GaolingRepository repository;
    @Autowired
    GaolingSurvivalService service;
    @Autowired
    EnrolmentRepository enrolments;

    private GaolingTestSupport support;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        support = new GaolingTestSupport(households, engine, walker);
    }

    @Test
    void theClerkConfirmsOneAndNotTheOtherWhoIsSuspendedAndResumedWithBackPayLater() {
        Recipient alive = recipient("蒋健在", 84);
        Recipient away = recipient("沈未见", 92);
        int year = FreshPeriods.year();
        ProcessInstance instance = start(year);
        assertThat(instance).isWaitingAt(TASK_CONFIRM).hasPassed(START_MANUAL, TASK_LIST);
        Task task = taskOf(instance, GaolingTestSupport.TOWNSHIP);
        assertThat(task.getName()).isEqualTo("乡镇高龄津贴生存认证");
        assertThat(rows(task)).extracting(r -> r.get("idNumber")).contains(alive.personIdNumber(), away.personIdNumber());

        answerAll(instance, Map.of(away.personIdNumber(), new String[] {"NOT_CONFIRMED", "入户两次未见本人，邻居称已随子女外迁"}));
        assertThat(instance).isEnded().hasPassed(TASK_SUSPEND, END_CHECKED).hasNotPassed(TIMER_DEADLINE);
        assertThat(repository.recipient(alive.id()).orElseThrow().status()).isEqualTo(RecipientStatus.ACTIVE);
        Recipient suspended = repository.recipient(away.id()).orElseThrow();
        assertThat(suspended.status()).isEqualTo(RecipientStatus.SUSPENDED);
        assertThat(suspended.suspendedFrom()).isEqualTo(away.startMonth());
        assertThat(enrolments.forProgramCase(Program.GAOLING, away.id()).orElseThrow().status()).isEqualTo(EnrolmentStatus.SUSPENDED);

        long checkId = repository.survivalChecksOfRecipient(away.id()).get(0).id();
        assertThatThrownBy(() -> service.confirmLate(checkId, "yuecun", "本人到场", "clerk.yuecun"))
                .satisfies(violation("只能认证本乡镇"));
        assertThatThrownBy(() -> service.confirmLate(checkId, "renqiu", " ", GaolingTestSupport.CLERK))
                .satisfies(violation("请填写补充认证情况"));
        // two months later he comes to the office: active again, the months in between recorded for back pay
        jdbcMoveSuspension(away.id(), YearMonth.now().minusMonths(2).toString());
        Recipient resumed = service.confirmLate(checkId, "renqiu", "本人到街道办事处现场认证", GaolingTestSupport.CLERK);
        assertThat(resumed.status()).isEqualTo(RecipientStatus.ACTIVE);
        assertThat(repository.backPay(away.id())).extracting(GaolingRepository.BackPay::benefitMonth)
                .startsWith(YearMonth.now().minusMonths(2).toString(), YearMonth.now().minusMonths(1).toString());
        assertThat(repository.survivalCheck(checkId).orElseThrow().status()).isEqualTo(SurvivalStatus.CONFIRMED);
        assertThatThrownBy(() -> service.confirmLate(checkId, "renqiu", "再次认证", GaolingTestSupport.CLERK))
                .satisfies(violation("本年度已认证"));
    }

    @Test
    void theYearlyTimerListsRecipientsAndTheDeadlineSuspendsThoseNotAnswered() {
        Recipient silent = recipient("韦逾期", 88);
        Job timer = engine.getManagementService().createJobQuery().timers().activityId(START_YEARLY)
                .processDefinitionKey(KEY).singleResult();
        engine.getManagementService().executeJob(timer.getId());
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .active().list().stream().filter(pi -> repository.survivalChecksOfRecipient(silent.id()).stream()
                        .anyMatch(c -> c.processInstanceId().equals(pi.getId()))).findFirst().orElseThrow();
        assertThat(instance).isWaitingAt(TASK_CONFIRM).hasPassed(START_YEARLY);

        Job deadline = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(TIMER_DEADLINE).singleResult();
        assertThat(deadline.getDuedate()).isAfter(new java.util.Date());
        engine.getManagementService().executeJob(deadline.getId());
        assertThat(instance).isEnded().hasPassed(TIMER_DEADLINE, TASK_SUSPEND, END_CHECKED);
        assertThat(repository.recipient(silent.id()).orElseThrow().status()).isEqualTo(RecipientStatus.SUSPENDED);
        assertThat(repository.survivalChecksOfRecipient(silent.id())).last().satisfies(c -> {
            assertThat(c.status()).isEqualTo(SurvivalStatus.NOT_CONFIRMED);
            assertThat(c.reason()).startsWith("逾期未认证");
        });
        assertThat(enrolments.history(enrolments.forProgramCase(Program.GAOLING, silent.id()).orElseThrow().id()))
                .last().satisfies(h -> assertThat(h.reason()).contains("逾期未认证"));
    }

    @Test
    void aYearListedAlreadyListsNobodyAndAnAnswerNeedsItsReason() {
        Recipient r = recipient("杨缺因", 81);
        int year = FreshPeriods.year();
        ProcessInstance instance = start(year);
        ProcessInstance again = start(year);
        assertThat(again).isEnded().hasPassed(END_NOBODY).hasNotPassed(TASK_CONFIRM);

        Task task = taskOf(instance, GaolingTestSupport.TOWNSHIP);
        assertThatThrownBy(() -> answer(task, Map.of(r.personIdNumber(), new String[] {"NOT_CONFIRMED"})))
                .satisfies(violation("杨缺因未能确认，请填写原因"));
        assertThatThrownBy(() -> answer(task, Map.of(r.personIdNumber(), new String[] {"PERHAPS"})))
                .satisfies(violation("请选择杨缺因的认证结论"));
        assertThat(repository.survivalChecksOfRecipient(r.id())).last()
                .satisfies(c -> assertThat(c.status()).isEqualTo(SurvivalStatus.PENDING));
        answerAll(instance, Map.of());
        assertThat(instance).isEnded();
        assertThat(repository.recipient(r.id()).orElseThrow().status()).isEqualTo(RecipientStatus.ACTIVE);
    }

    /** A recipient enrolled from this month, as a confirmed proposal enrols one. */
    private Recipient recipient(String name, int age) {
        LocalDate born = YearMonth.now().atDay(1).minusYears(age);
        String idNumber = support.resident(name, born);
        long householdId = households.find(jdbcHouseholdOf(idNumber)).orElseThrow().id();
        AgeTier tier = age >= 100 ? AgeTier.AGE_100 : age >= 90 ? AgeTier.AGE_90 : AgeTier.AGE_80;
        repository.enrol(new GaolingRepository.Proposal(0, YearMonth.now().toString(), "renqiu", householdId, idNumber, name,
                born, tier, new BigDecimal(tier == AgeTier.AGE_80 ? "100.00" : "200.00"), "{\"age\":" + age + "}",
                GaolingRepository.ProposalStatus.CONFIRMED, null, GaolingTestSupport.CLERK, "test"), GaolingTestSupport.CLERK);
        return repository.recipientOf(idNumber).orElseThrow();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long jdbcHouseholdOf(String idNumber) {
        return jdbc.sql("select household_id from household_member where id_number = ?").param(idNumber).query(Long.class).single();
    }

    /** As if the suspension had begun in an earlier month. */
    private void jdbcMoveSuspension(long recipientId, String from) {
        jdbc.sql("update gaoling_recipient set suspended_from = ? where id = ?").params(from, recipientId).update();
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

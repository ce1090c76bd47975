package cn.minzheng.bureau.gaoling;

import static cn.minzheng.bureau.gaoling.GaolingProposalProcess.*;
import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.ProcessTest;

/**
 * Every path of gaoling-monthly-proposal.bpmn: residents who reach 80, 90 and 100 in the month are proposed to their
 * township's clerk (one who turns 80 next month is not), confirmed ones are enrolled with the table's amount and a
 * frozen calculation, a tier reached moves the enrolment up; a second run of the month and the monthly timer
 * propose nobody twice; answers without a conclusion or without a reason are refused with nothing written.
 */
@ProcessTest
class GaolingProposalProcessTest {

    private static final YearMonth MONTH = YearMonth.now();

    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    HouseholdRepository households;
    @Autowired
    GaolingRepository repository;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    JdbcClient jdbc;

    private GaolingTestSupport support;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        support = new GaolingTestSupport(households, engine, walker);
    }

    @Test
    void residentsReachingATierThisMonthAreProposedAndConfirmedOnesEnrolled() {
        LocalDate first = MONTH.atDay(1);
        String turns80 = support.resident("钱八十", first.minusYears(80));
        String turns80OnLastDay = support.resident("孙月末", MONTH.atEndOfMonth().minusYears(80));
        String turns80NextMonth = support.resident("李下月", MONTH.plusMonths(1).atDay(1).minusYears(80));
        String turns90 = support.resident("周九十", first.minusYears(90));
        String turns100 = support.resident("吴百岁", first.minusYears(100));
        String age85 = support.resident("郑八五", first.minusYears(85));

        ProcessInstance instance = start(MONTH);
        assertThat(instance).isWaitingAt(TASK_CONFIRM).hasPassed(START_MANUAL, TASK_LIST);
        Task task = support.task(instance.getId(), GaolingTestSupport.TOWNSHIP);
        assertThat(task.getName()).isEqualTo("乡镇对照户籍核对高龄津贴提议");
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("clerk-renqiu"));
        Map<String, Map<String, Object>> shown = new LinkedHashMap<>();
        support.rows(task).forEach(row -> shown.put((String) row.get("idNumber"), row));
        assertThat(shown).containsKeys(turns80, turns80OnLastDay, turns90, turns100, age85).doesNotContainKey(turns80NextMonth);
        assertThat(shown.get(turns80)).containsEntry("tierLabel", "80至89周岁").containsEntry("amount", "100.00")
                .containsEntry("change", "新纳入");
        assertThat(shown.get(turns90)).containsEntry("amount", "200.00");
        assertThat(shown.get(turns100)).containsEntry("tierLabel", "百岁老人（100周岁及以上）").containsEntry("amount", "500.00");
        assertThat(engine.getTaskService().getVariable(task.getId(), "townshipName")).isEqualTo("任丘办事处");

        support.answerAll(instance.getId(), Map.of(
                turns80, new String[] {"CONFIRM"},
                turns80OnLastDay, new String[] {"CONFIRM"},
                turns90, new String[] {"CONFIRM"},
                turns100, new String[] {"NOT_CONFIRMED", "户籍已迁出本区"},
                age85, new String[] {"CONFIRM"}));
        assertThat(instance).isEnded().hasPassed(END_CONFIRMED);

        Enrolment enrolled = enrolmentOf(turns80);
        assertThat(enrolled.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(enrolled.amount()).isEqualByComparingTo("100.00");
        assertThat(enrolled.startMonth()).isEqualTo(MONTH.toString());
        assertThat(enrolled.personIdNumber()).isEqualTo(turns80);
        assertThat(enrolled.townshipCode()).isEqualTo("renqiu");
        assertThat(enrolled.calculationSnapshot()).contains("\"age\":80", "\"tier\":\"AGE_80\"", "gaoling-allowance");
        assertThat(enrolments.history(enrolled.id())).singleElement().satisfies(h -> {
            assertThat(h.status()).isEqualTo(EnrolmentStatus.ACTIVE);
            assertThat(h.changedBy()).isEqualTo(GaolingTestSupport.CLERK);
        });
        assertThat(enrolmentOf(turns90).amount()).isEqualByComparingTo("200.00");
        assertThat(repository.recipientOf(turns100)).isEmpty();
        assertThat(repository.proposalsOfMonth(MONTH.toString())).filteredOn(p -> p.personIdNumber().equals(turns100))
                .singleElement().satisfies(p -> {
                    assertThat(p.status()).isEqualTo(GaolingRepository.ProposalStatus.NOT_CONFIRMED);
                    assertThat(p.reason()).isEqualTo("户籍已迁出本区");
                });

        // five years on, the 85-year-old turns 90: proposed again as a move up, and the amount follows the tier
        YearMonth later = YearMonth.from(first.minusYears(85).plusYears(90));
        ProcessInstance moveUp = start(later);
        Task laterTask = support.task(moveUp.getId(), GaolingTestSupport.TOWNSHIP);
        assertThat(support.rows(laterTask)).filteredOn(r -> age85.equals(r.get("idNumber"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("change", "升档（原80至89周岁）").containsEntry("amount", "200.00"));
        assertThat(support.rows(laterTask)).extracting(r -> r.get("idNumber")).doesNotContain(turns90);
        support.answerAll(moveUp.getId(), Map.of(age85, new String[] {"CONFIRM"}));
        Enrolment movedUp = enrolmentOf(age85);
        assertThat(movedUp.amount()).isEqualByComparingTo("200.00");
        assertThat(movedUp.startMonth()).isEqualTo(MONTH.toString());
        assertThat(movedUp.calculationSnapshot()).contains("\"age\":90");
        assertThat(repository.recipientOf(age85).orElseThrow().tier()).isEqualTo(AgeTier.AGE_90);
    }

    @Test
    void aSecondRunOfTheMonthAndTheMonthlyTimerProposeNobodyTwice() {
        String turns80 = support.resident("冯八十", MONTH.atDay(1).minusYears(80));
        ProcessInstance first = start(MONTH);
        assertThat(first).isWaitingAt(TASK_CONFIRM);

        ProcessInstance second = start(MONTH);
        assertThat(second).isEnded().hasPassed(END_NOBODY).hasNotPassed(TASK_CONFIRM);

        Job timer = engine.getManagementService().createJobQuery().timers().activityId(START_MONTHLY)
                .processDefinitionKey(KEY).singleResult();
        engine.getManagementService().executeJob(timer.getId());
        String timerRun = engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(START_MONTHLY)
                .orderByHistoricActivityInstanceStartTime().desc().list().get(0).getProcessInstanceId();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(timerRun)
                .activityId(END_NOBODY).count()).as("the timer's run of the month proposes nobody twice").isEqualTo(1);

        support.answerAll(first.getId(), Map.of(turns80, new String[] {"CONFIRM"}));
        assertThat(first).isEnded();
        assertThat(enrolmentOf(turns80).amount()).isEqualByComparingTo("100.00");
    }

    @Test
    void answersWithoutAConclusionOrAReasonAreRefusedAndNothingIsWritten() {
        String turns80 = support.resident("陈八十", MONTH.atDay(2).minusYears(80));
        ProcessInstance instance = start(MONTH);
        Task task = support.task(instance.getId(), GaolingTestSupport.TOWNSHIP);

        assertThatThrownBy(() -> support.answer(task, Map.of(turns80, new String[] {"NOT_CONFIRMED"})))
                .satisfies(violation("陈八十未确认，请填写原因"));
        assertThatThrownBy(() -> support.answer(task, Map.of(turns80, new String[] {"MAYBE"})))
                .satisfies(violation("请选择陈八十的核对结论"));
        List<Map<String, Object>> missing = new ArrayList<>();
        for (Map<String, Object> row : support.rows(task)) {
            if (!turns80.equals(row.get("idNumber"))) {
                Map<String, Object> answered = new LinkedHashMap<>(row);
                answered.put("decision", "NOT_CONFIRMED");
                answered.put("reason", "不属于本测试");
                missing.add(answered);
            }
        }
        assertThatThrownBy(() -> support.submit(task, missing)).satisfies(violation("陈八十尚未核对"));
        List<Map<String, Object>> foreign = new ArrayList<>(missing);
        foreign.add(Map.of("proposalId", -1, "decision", "CONFIRM"));
        assertThatThrownBy(() -> support.submit(task, foreign)).satisfies(violation("不属于本次提议"));

        assertThat(repository.recipientOf(turns80)).isEmpty();
        assertThat(repository.proposalsOfMonth(MONTH.toString())).filteredOn(p -> p.personIdNumber().equals(turns80))
                .singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(GaolingRepository.ProposalStatus.PROPOSED));
        assertThat(instance).isWaitingAt(TASK_CONFIRM);
        support.answerAll(instance.getId(), Map.of(turns80, new String[] {"NOT_CONFIRMED", "本人已去世，户籍待注销"}));
        assertThat(instance).isEnded();
        assertThat(repository.recipientOf(turns80)).isEmpty();
    }

    private ProcessInstance start(YearMonth month) {
        return engine.getRuntimeService().startProcessInstanceByMessage(MESSAGE_START, Map.of(VAR_PROPOSAL_MONTH, month.toString()));
    }

    private Enrolment enrolmentOf(String idNumber) {
        long recipientId = repository.recipientOf(idNumber).orElseThrow().id();
        return enrolments.forProgramCase(Program.GAOLING, recipientId).orElseThrow();
    }
}

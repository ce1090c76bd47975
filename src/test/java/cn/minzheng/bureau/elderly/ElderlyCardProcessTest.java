package cn.minzheng.bureau.elderly;

import static cn.minzheng.bureau.elderly.ElderlyCardProcess.*;
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
import cn.minzheng.bureau.elderly.ElderlyCardRepository.Application;
import cn.minzheng.bureau.elderly.ElderlyCardRepository.Card;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.support.ProcessTest;

/**
 * Every path of elderly-card.bpmn: a first card issued with the township's next number; a lost card replaced (the
 * old number marked replaced, one valid card per person, also in the table); a refusal with its reason; the
 * reviewer is never the clerk who registered; and bad input refused in Chinese with nothing written.
 */
@ProcessTest
class ElderlyCardProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    HouseholdRepository households;
    @Autowired
    ElderlyCardRepository cards;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void aResidentOnTheSixtiethBirthdayIsIssuedTheTownshipsNextNumberedCard() {
        LocalDate today = EngineClock.today();
        String id = ElderlyResidents.register(households, "岳六十", today.minusYears(60));
        int expectedSequence = cards.nextSequence("yuecun", today.getYear());
        ProcessInstance instance = start("clerk.yuecun", id, "NEW", null);
        assertThat(instance).isWaitingAt(TASK_REVIEW).task().hasCandidateGroup("reviewer-yuecun");
        Task review = task(instance);
        assertThat(engine.getTaskService().getVariable(review.getId(), "applicantName")).isEqualTo("岳六十");
        assertThat((String) engine.getTaskService().getVariable(review.getId(), "applicationSummary"))
                .contains("申请类型：申领", "现年60周岁");

        complete("reviewer.yuecun", instance, Map.of("reviewDecision", APPROVE, "reviewComment", "年龄、户籍属实"));
        String number = "yuecun-" + today.getYear() + "-" + String.format("%04d", expectedSequence);
        assertThat(instance).isEnded().hasPassed(TASK_ISSUE, "EndEvent_CardIssued").variables()
                .containsEntry("cardNumber", number).containsEntry("reviewedBy", "reviewer.yuecun")
                .containsEntry("registeredBy", "clerk.yuecun");
        Card card = cards.validCard(id).orElseThrow();
        assertThat(card.cardNumber()).isEqualTo(number);
        assertThat(card.holderName()).isEqualTo("岳六十");
        assertThat(card.issuedOn()).isEqualTo(today);
        assertThat(cards.history(card.id())).extracting(ElderlyCardRepository.Event::event).containsExactly("ISSUED");
        Application a = application(instance);
        assertThat(a.status()).isEqualTo(ApplicationStatus.ISSUED);
        assertThat(a.cardId()).isEqualTo(card.id());
        assertThat(a.reviewedBy()).isEqualTo("reviewer.yuecun");

        // a second card while this one is valid: refused, nothing written
        long before = count();
        assertThatThrownBy(() -> start("clerk.yuecun", id, "NEW", null))
                .satisfies(violation("已持有有效的老年人优待证（证号" + number + "）"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aLostCardIsReplacedUnderANewNumberAndTheOldOneMarkedReplaced() {
        String id = ElderlyResidents.register(households, "岳补证", EngineClock.today().minusYears(72));
        String first = issued(id);

        assertThatThrownBy(() -> start("clerk.yuecun", id, "REPLACEMENT", " "))
                .satisfies(violation("补办须写明遗失情况"));
        ProcessInstance instance = start("clerk.yuecun", id, "REPLACEMENT", "赶集时遗失");
        assertThat((String) engine.getTaskService().getVariable(task(instance).getId(), "applicationSummary"))
                .contains("申请类型：补办", "原证号：" + first, "遗失情况：赶集时遗失");
        // while the replacement is open, no other application for the person
        assertThatThrownBy(() -> start("clerk.yuecun", id, "REPLACEMENT", "又遗失"))
                .satisfies(violation("已有一件老年人优待证申请正在办理"));
        complete("reviewer.yuecun", instance, Map.of("reviewDecision", APPROVE));

        Card replacement = cards.validCard(id).orElseThrow();
        assertThat(replacement.cardNumber()).isNotEqualTo(first);
        Card old = cards.cardByNumber(first).orElseThrow();
        assertThat(old.status()).isEqualTo(CardStatus.REPLACED);
        assertThat(old.replacedOn()).isEqualTo(EngineClock.today());
        assertThat(old.replacedBy()).isEqualTo(replacement.id());
        assertThat(cards.history(old.id())).extracting(ElderlyCardRepository.Event::event).containsExactly("ISSUED", "REPLACED");
        assertThat(cards.history(old.id()).get(1).note()).contains(replacement.cardNumber());
        assertThat(cards.history(replacement.id())).extracting(ElderlyCardRepository.Event::note).containsExactly("补办");

        // the table keeps one valid card per person, whatever the code does
        assertThatThrownBy(() -> jdbc.sql("""
                insert into elderly_card (card_number, township_code, issue_year, sequence_no, id_number, holder_name,
                    household_id, status, valid_holder, issued_on)
                values ('yuecun-1999-0001', 'yuecun', 1999, 1, ?, '岳补证', ?, 'VALID', ?, ?)""")
                .params(id, replacement.householdId(), id, EngineClock.today()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("update elderly_card set valid_holder = null where id = ?")
                .param(replacement.id()).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aRefusalNeedsItsReasonAndIssuesNothing() {
        String id = ElderlyResidents.register(households, "岳拒绝", EngineClock.today().minusYears(65));
        ProcessInstance instance = start("clerk.yuecun", id, "NEW", null);
        assertThatThrownBy(() -> complete("reviewer.yuecun", instance, Map.of("reviewDecision", REFUSE)))
                .satisfies(violation("不予发证须写明理由"));
        assertThat(application(instance).status()).isEqualTo(ApplicationStatus.REGISTERED);
        assertThatThrownBy(() -> complete("reviewer.yuecun", instance, Map.of()))
                .satisfies(violation("审核结果"));

        complete("reviewer.yuecun", instance, Map.of("reviewDecision", REFUSE, "reviewComment", "申请人已迁出本乡，户籍待核"));
        assertThat(instance).isEnded().hasPassed("EndEvent_Refused").hasNotPassed(TASK_ISSUE);
        Application a = application(instance);
        assertThat(a.status()).isEqualTo(ApplicationStatus.REFUSED);
        assertThat(a.reviewComment()).isEqualTo("申请人已迁出本乡，户籍待核");
        assertThat(cards.validCard(id)).isEmpty();
        // refused, the person may apply again
        assertThat(start("clerk.yuecun", id, "NEW", null)).isWaitingAt(TASK_REVIEW);
    }

    @Test
    void theClerkWhoRegisteredMayNotReview() {
        IdentityService identity = engine.getIdentityService();
        User dual = identity.newUser("dual.elderly");
        dual.setFirstName("双岗");
        dual.setPassword("Elderly-Card-2026!");
        identity.saveUser(dual);
        identity.createMembership("dual.elderly", "clerk-yuecun");
        identity.createMembership("dual.elderly", "reviewer-yuecun");
        try {
            String id = ElderlyResidents.register(households, "岳四眼", EngineClock.today().minusYears(61));
            ProcessInstance instance = start("dual.elderly", id, "NEW", null);
            assertThatThrownBy(() -> complete("dual.elderly", instance, Map.of("reviewDecision", APPROVE)))
                    .satisfies(violation("四眼原则"));
            assertThat(instance).isWaitingAt(TASK_REVIEW);
            complete("reviewer.yuecun", instance, Map.of("reviewDecision", APPROVE));
            assertThat(instance).isEnded();
        } finally {
            identity.deleteUser("dual.elderly");
        }
    }

    @Test
    void badApplicationsAreRefusedInChineseAndNothingIsWritten() {
        LocalDate today = EngineClock.today();
        String young = ElderlyResidents.register(households, "岳差一天", today.minusYears(60).plusDays(1));
        String elderly = ElderlyResidents.register(households, "岳无证", today.minusYears(80));
        String stranger = ElderlyResidents.idNumber(today.minusYears(70));
        long before = count();

        assertThatThrownBy(() -> start("clerk.yuecun", young, "NEW", null)).satisfies(violation("未满60周岁"));
        assertThatThrownBy(() -> start("clerk.yuecun", stranger, "NEW", null))
                .satisfies(violation("不是登记在册的家庭成员"));
        assertThatThrownBy(() -> start("clerk.yuecun", "410311195001011234", "NEW", null))
                .satisfies(violation("无效"));
        assertThatThrownBy(() -> start("clerk.yuecun", elderly, "REPLACEMENT", "遗失"))
                .satisfies(violation("没有有效的老年人优待证，无需补办"));
        assertThatThrownBy(() -> start("clerk.yuecun", elderly, "", null)).satisfies(violation("请选择申请类型"));
        assertThatThrownBy(() -> start("clerk.mengke", elderly, "NEW", null))
                .satisfies(violation("只能登记本乡镇（街道）居民"));
        assertThat(count()).isEqualTo(before);
    }

    private String issued(String idNumber) {
        ProcessInstance instance = start("clerk.yuecun", idNumber, "NEW", null);
        complete("reviewer.yuecun", instance, Map.of("reviewDecision", APPROVE));
        return cards.validCard(idNumber).orElseThrow().cardNumber();
    }

    private ProcessInstance start(String clerk, String idNumber, String kind, String lossNote) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicantIdNumber", idNumber);
        variables.put("kind", kind);
        if (lossNote != null) {
            variables.put("lossNote", lossNote);
        }
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

    private Application application(ProcessInstance instance) {
        Long id = jdbc.sql("select id from elderly_card_application where process_instance_id = ?").param(instance.getId())
                .query(Long.class).single();
        return cards.application(id).orElseThrow();
    }

    private long count() {
        return jdbc.sql("select (select count(*) from elderly_card_application) + (select count(*) from elderly_card)")
                .query(Long.class).single();
    }
}

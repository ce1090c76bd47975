package cn.minzheng.bureau.elderly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.elderly.ElderlyCardRepository.Card;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;

/**
 * Both forms of 老年人优待证 filled and submitted in Tasklist by their real users: the 岳村乡 clerk registers a
 * resident's application, the 岳村乡 reviewer approves it, and the card is recorded under the township's number.
 */
@BrowserTest
class ElderlyCardBrowserTest {

    @Autowired
    HouseholdRepository households;
    @Autowired
    ElderlyCardRepository cards;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theClerkRegistersAnApplicationAndTheReviewerApprovesItAndTheCardIsRecorded(Tasklist tasklist) {
        String id = ElderlyResidents.register(households, "岳老汉", EngineClock.today().minusYears(68));

        tasklist.loginAs("clerk.yuecun");
        CamundaForm start = tasklist.startProcess("老年人优待证申领与补办");
        start.type("申请人身份证号码", id).choose("申请类型", "申领（首次办理）");
        tasklist.submit(start, "elderly-card-start", () -> processInstanceOf(id).isPresent());
        String instance = processInstanceOf(id).orElseThrow();

        tasklist.loginAs("reviewer.yuecun");
        Task task = taskService.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(ElderlyCardProcess.TASK_REVIEW).singleResult();
        CamundaForm review = tasklist.openTask(task.getId());
        tasklist.waiting().until(d -> review.values().contains("岳老汉"));
        assertThat(review.values()).contains("岳村乡");
        assertThat(review.values()).anySatisfy(v -> assertThat(v).contains("申请类型：申领", "现年68周岁"));
        review.choose("审核结果", "同意发证").type("审核意见（不予发证的写明理由）", "户籍、年龄核对无误");
        tasklist.submit(review, "elderly-card-review", () -> cards.validCard(id).isPresent());

        Card card = cards.validCard(id).orElseThrow();
        assertThat(card.cardNumber()).matches("yuecun-" + EngineClock.today().getYear() + "-\\d{4}");
        assertThat(card.holderName()).isEqualTo("岳老汉");
        assertThat(cards.history(card.id())).extracting(ElderlyCardRepository.Event::event).containsExactly("ISSUED");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count())
                .isEqualTo(1);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance).singleResult().getAssignee())
                .isEqualTo("reviewer.yuecun");

        tasklist.open("/ledger/elderly/cards");
        tasklist.waiting().until(d -> tasklist.bodyText().contains(card.cardNumber()));
        assertThat(tasklist.bodyText()).contains("老年人优待证台账", "岳老汉", "有效").doesNotContain("任丘办事处");
        tasklist.screenshot("elderly-card-ledger");
    }

    private Optional<String> processInstanceOf(String idNumber) {
        List<String> found = jdbc.sql("select process_instance_id from elderly_card_application where id_number = ?")
                .param(idNumber).query(String.class).list();
        return found.stream().findFirst();
    }
}

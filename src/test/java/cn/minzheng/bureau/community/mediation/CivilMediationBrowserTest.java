package cn.minzheng.bureau.community.mediation;

import static cn.minzheng.bureau.community.mediation.CivilMediationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;

/**
 * Every form of 民事调解 filled and submitted in Tasklist by the user whose work it is: a residents'
 * committee registers a dispute and records two sessions, the second referring the dispute to the
 * judicial office; the street office's reviewer supervises a dispute past its deadline. Each step checks
 * that the dispute moved on.
 */
@BrowserTest
class CivilMediationBrowserTest {

    private static final String COMMITTEE = "committee.qinghuayuan";
    private static final LocalDate TODAY = LocalDate.now();

    @Autowired
    DibaoWalker walker;
    @Autowired
    CivilMediationRepository disputes;
    @Autowired
    FormService formService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCommitteeRegistersADisputeMediatesTwiceAndRefersIt(Tasklist tasklist) {
        String subject = "楼上漏水致楼下墙面受损，赔偿数额有争议" + ThreadLocalRandom.current().nextInt(100_000);
        tasklist.loginAs(COMMITTEE);
        CamundaForm start = tasklist.startProcess("民事调解");
        start.type("纠纷事由", subject)
                .type("姓名或名称", 0, "张大爷").select("身份", 0, "申请人").type("联系方式", 0, "13800000001")
                .type("姓名或名称", 1, "李某").select("身份", 1, "被申请人");
        tasklist.submit(start, "civil-mediation-start", () -> disputeAbout(subject) != null);
        CivilMediationRepository.Dispute dispute = disputes.find(disputeAbout(subject)).orElseThrow();
        assertThat(dispute.communityCode()).isEqualTo("renqiu-qinghuayuan");
        assertThat(disputes.parties(dispute.id())).extracting(p -> p.partyName() + ":" + p.role())
                .containsExactly("张大爷:APPLICANT", "李某:RESPONDENT");
        ProcessInstance instance = instanceOf(dispute.id());

        CamundaForm first = tasklist.openTask(task(instance, TASK_SESSION).getId());
        assertThat(first.values()).contains("清华苑社区", subject, "申请人：张大爷；被申请人：李某");
        first.date("调解日期", TODAY.minusDays(3));
        first.type("调解情况", "双方各执一词，约定一周后再次调解。").choose("本次调解结果", "未结束，继续调解");
        tasklist.submit(first, "civil-mediation-session", () -> disputes.sessions(dispute.id()).size() == 1
                && isWaitingAt(instance, TASK_SESSION));

        CamundaForm second = tasklist.openTask(task(instance, TASK_SESSION).getId());
        assertThat(second.values()).contains("1");
        second.date("调解日期", TODAY);
        second.type("调解情况", "被申请人拒绝赔偿，调解不成。").choose("本次调解结果", "调解不成，移送")
                .select("移送去向", "街道（乡镇）司法所").type("调解不成的原因", "双方对赔偿数额分歧过大。");
        tasklist.submit(second, "civil-mediation-session-referred", () -> hasEnded(instance));
        assertThat(disputes.find(dispute.id()).orElseThrow()).satisfies(d -> {
            assertThat(d.referredTo()).isEqualTo(TO_JUDICIAL_OFFICE);
            assertThat(d.referralReason()).isEqualTo("双方对赔偿数额分歧过大。");
        });
        assertThat(disputes.sessions(dispute.id())).extracting(s -> s.heldOn() + ":" + s.result() + ":" + s.mediator())
                .containsExactly(TODAY.minusDays(3) + ":CONTINUE:" + COMMITTEE, TODAY + ":NO_AGREEMENT:" + COMMITTEE);
    }

    @Test
    void aCommitteeRecordsAnAgreementAndPrintsTheAgreementFromTheLedger(Tasklist tasklist) {
        String subject = "宅前通道占用纠纷" + ThreadLocalRandom.current().nextInt(100_000);
        ProcessInstance instance = registerAsCommittee(subject);
        long disputeId = ((Number) runtimeService.getVariable(instance.getId(), VAR_DISPUTE_ID)).longValue();

        tasklist.loginAs(COMMITTEE);
        CamundaForm session = tasklist.openTask(task(instance, TASK_SESSION).getId());
        session.date("调解日期", TODAY);
        session.type("调解情况", "经现场查看，双方同意各让半米。").choose("本次调解结果", "达成调解协议")
                .type("调解协议内容", "双方各自退让半米，通道宽度不少于一米二，本月底前清理完毕。");
        assertThat(session.element().findElement(By.partialLinkText("民事调解台账")).getAttribute("href"))
                .endsWith("/ledger/community/disputes");
        tasklist.submit(session, "civil-mediation-session-agreed", () -> hasEnded(instance));
        assertThat(disputes.find(disputeId).orElseThrow().status()).isEqualTo("AGREED");

        tasklist.open("/ledger/community/disputes");
        tasklist.waiting().until(d -> tasklist.bodyText().contains(subject));
        WebElement link = tasklist.driver().findElement(By.cssSelector(
                "a[href$='/ledger/community/disputes/" + disputeId + "/agreement.pdf']"));
        tasklist.screenshot("civil-mediation-ledger");
        tasklist.driver().get(link.getAttribute("href"));
        tasklist.waiting().until(d -> "application/pdf".equals(
                ((JavascriptExecutor) d).executeScript("return document.contentType")));
        assertThat(tasklist.driver().getPageSource()).doesNotContain("ERR_", "无法访问");
    }

    @Test
    void theStreetOfficeSupervisesADisputePastItsDeadline(Tasklist tasklist) {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
                .singleResult().getId();
        ProcessInstance instance = walker.as(COMMITTEE, () -> formService.submitStartForm(definition, Map.of(
                VAR_SUBJECT, "邻里通道占用纠纷", VAR_PARTIES, SpinValues.jsonValue("""
                        [{"partyName":"王某","role":"APPLICANT"},{"partyName":"赵某","role":"RESPONDENT"}]""").create())));
        long disputeId = ((Number) runtimeService.getVariable(instance.getId(), VAR_DISPUTE_ID)).longValue();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId(TIMER_OVERDUE).singleResult().getId());

        tasklist.loginAs("reviewer.renqiu");
        CamundaForm supervision = tasklist.openTask(task(instance, TASK_SUPERVISE).getId());
        assertThat(supervision.values()).contains("清华苑社区", "邻里通道占用纠纷");
        supervision.type("督办意见", "请居委会三日内再次组织调解，调解不成的告知当事人向司法所申请。");
        tasklist.submit(supervision, "civil-mediation-supervision", () -> !isWaitingAt(instance, TASK_SUPERVISE));
        assertThat(disputes.find(disputeId).orElseThrow().supervisionNote()).startsWith("请居委会三日内再次组织调解");
        assertThat(isWaitingAt(instance, TASK_SESSION)).as("mediation goes on").isTrue();
    }



    private ProcessInstance registerAsCommittee(String subject) {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
                .singleResult().getId();
        return walker.as(COMMITTEE, () -> formService.submitStartForm(definition, Map.of(
                VAR_SUBJECT, subject, VAR_PARTIES, SpinValues.jsonValue("""
                        [{"partyName":"马某","role":"APPLICANT"},{"partyName":"牛某","role":"RESPONDENT"}]""").create())));
    }

    private Long disputeAbout(String subject) {
        return jdbc.sql("select id from community_dispute where subject = ?").param(subject).query(Long.class)
                .optional().orElse(null);
    }

    private ProcessInstance instanceOf(long disputeId) {
        String id = jdbc.sql("select process_instance_id from community_dispute where id = ?").param(disputeId)
                .query(String.class).single();
        return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private boolean isWaitingAt(ProcessInstance instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).count() == 1;
    }

    private boolean hasEnded(ProcessInstance instance) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
    }

    private Task task(ProcessInstance instance, String key) {
        List<Task> found = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
        assertThat(found).as("open tasks %s", key).hasSize(1);
        return found.get(0);
    }
}

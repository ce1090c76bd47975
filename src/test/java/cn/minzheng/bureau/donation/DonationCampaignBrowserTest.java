package cn.minzheng.bureau.donation;

import static cn.minzheng.bureau.donation.DonationCampaignProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
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
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.donation.DonationRepository.Allocation;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/**
 * Every form of 扶贫济困送温暖 filled and submitted in Tasklist by the user whose work it is: the district
 * publishes the campaign and registers a donation with its goods, the head of relief approves the plan,
 * and a township clerk registers who received the township's share. Each step checks that the campaign
 * moved on.
 */
@BrowserTest
class DonationCampaignBrowserTest {

    private static final String STAFF = "approver";
    private static final String HEAD = "reliefhead";

    @Autowired
    DibaoWalker walker;
    @Autowired
    DonationRepository donations;
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
    void theDistrictPublishesACampaignAndRegistersADonationWithItsGoods(Tasklist tasklist) {
        String title = "扶贫济困送温暖" + ThreadLocalRandom.current().nextInt(100_000);
        tasklist.loginAs(STAFF);
        CamundaForm start = tasklist.startProcess("扶贫济困送温暖捐赠活动");
        start.type("活动名称", title).type("活动通知", "请各单位、干部职工踊跃捐款捐物，11月10日统一发放到困难群众手中。");
        start.date("捐赠开始日期", LocalDate.now());
        start.date("捐赠截止日期", LocalDate.now().plusDays(20));
        start.date("发放日期", LocalDate.now().plusDays(25));
        tasklist.submit(start, "donation-campaign-start", () -> campaignTitled(title) != null);
        long campaignId = campaignTitled(title);
        assertThat(donations.campaign(campaignId).windowEnd()).isEqualTo(LocalDate.now().plusDays(20));
        ProcessInstance instance = instance(campaignId);

        CamundaForm register = tasklist.openTask(task(instance, TASK_REGISTER_DONATION).getId());
        assertThat(register.values()).contains(title, "尚未收到捐赠");
        register.choose("捐赠方", "单位").type("捐赠单位或个人姓名", "区直机关工委").type("现金（元）", "5000.50")
                .addRow("物资")
                .select("物资种类", 0, "棉衣（件）").type("数量", 0, 40);
        tasklist.submit(register, "donation-campaign-register", () -> donations.collected(campaignId).receipts() == 1);
        var collected = donations.collected(campaignId);
        assertThat(collected.cash()).isEqualByComparingTo("5000.50");
        assertThat(collected.goods()).containsEntry(GoodsKind.COTTON_COAT, 40L);
        assertThat(tasks(instance, TASK_REGISTER_DONATION)).as("the next donation can be registered").hasSize(1);
    }

    @Test
    void theHeadOfReliefApprovesThePlanAndAClerkHandsOutTheTownshipsShare(Tasklist tasklist) {
        ProcessInstance instance = launchWithOneDonation();
        long campaignId = ((Number) runtimeService.getVariable(instance.getId(), VAR_CAMPAIGN_ID)).longValue();

        tasklist.loginAs(HEAD);
        CamundaForm approve = tasklist.openTask(task(instance, TASK_APPROVE_PLAN).getId());
        String plan = String.join("\n", approve.values());
        assertThat(plan).as("townships by name").contains("岳村乡（困难家庭").doesNotContain("yuecun");
        approve.choose("审批决定", "批准").type("审批意见；退回时写明理由", "同意按困难家庭数分配");
        tasklist.submit(approve, "donation-campaign-approve-plan", () -> !tasks(instance, TASK_DISTRIBUTE).isEmpty());
        assertThat(donations.campaign(campaignId).status()).isEqualTo("DISTRIBUTING");

        Allocation share = donations.plan(campaignId).stream().filter(a -> a.townshipCode().equals("yuecun")).findFirst().orElseThrow();
        Task yuecun = tasks(instance, TASK_DISTRIBUTE).stream()
                .filter(t -> "yuecun".equals(taskService.getVariable(t.getId(), "townshipCode"))).findFirst().orElseThrow();
        tasklist.loginAs("clerk.yuecun");
        CamundaForm distribute = tasklist.openTask(yuecun.getId());
        assertThat(distribute.values()).contains("岳村乡");
        distribute.type("领取人", 0, "王桂芝").type("公民身份号码", 0, TestApplications.idNumber(false))
                .type("住址", 0, "岳村乡岳村5组2号")
                .type("现金（元）", 0, share.cash().toPlainString())
                .type("棉衣（件）", 0, share.goods().getOrDefault(GoodsKind.COTTON_COAT, 0L))
                .type("棉被（床）", 0, share.goods().getOrDefault(GoodsKind.QUILT, 0L))
                .check("领取人已签字", true);
        tasklist.submit(distribute, "donation-campaign-distribute", () -> taskService.createTaskQuery().taskId(yuecun.getId()).count() == 0);
        assertThat(donations.distributed(campaignId, "yuecun")).satisfies(d -> {
            assertThat(d.households()).isEqualTo(1);
            assertThat(d.cash()).isEqualByComparingTo(share.cash());
        });
    }

    /** A campaign whose window closed with one donation of cash, coats and quilts: its plan awaits approval. */
    private ProcessInstance launchWithOneDonation() {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
                .singleResult().getId();
        ProcessInstance instance = walker.as(STAFF, () -> formService.submitStartForm(definition, Variables.createVariables()
                .putValue("campaignTitle", "扶贫济困送温暖").putValue("notice", "请踊跃捐款捐物")
                .putValue("windowStart", LocalDate.now().toString()).putValue("windowEnd", LocalDate.now().toString())
                .putValue("distributionDate", LocalDate.now().plusDays(1).toString())));
        Map<String, Object> donation = new HashMap<>(Map.of("donorType", "UNIT", "donorName", "区财政局", "cash", new BigDecimal("3000")));
        donation.put(VAR_GOODS, SpinValues.jsonValue("[{\"goodsKind\":\"COTTON_COAT\",\"quantity\":30},{\"goodsKind\":\"QUILT\",\"quantity\":12}]").create());
        walker.as(STAFF, () -> {
            Task register = task(instance, TASK_REGISTER_DONATION);
            taskService.claim(register.getId(), STAFF);
            taskService.complete(register.getId(), donation);
            return null;
        });
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId(TIMER_WINDOW_CLOSED).singleResult().getId());
        return instance;
    }



    private Long campaignTitled(String title) {
        return jdbc.sql("select id from donation_campaign where title = ?").param(title).query(Long.class).optional().orElse(null);
    }

    private ProcessInstance instance(long campaignId) {
        String id = jdbc.sql("select process_instance_id from donation_campaign where id = ?").param(campaignId)
                .query(String.class).single();
        return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private Task task(ProcessInstance instance, String key) {
        List<Task> found = tasks(instance, key);
        assertThat(found).as("open tasks %s", key).hasSize(1);
        return found.get(0);
    }

    private List<Task> tasks(ProcessInstance instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
    }
}

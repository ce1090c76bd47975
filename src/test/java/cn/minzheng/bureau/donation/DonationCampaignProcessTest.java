package cn.minzheng.bureau.donation;

import static cn.minzheng.bureau.donation.DonationCampaignProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static cn.minzheng.bureau.support.RuleViolations.violation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.donation.DonationRepository.Allocation;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.relief.AffectedHousehold;
import cn.minzheng.bureau.relief.DisasterKind;
import cn.minzheng.bureau.relief.DisasterRepository;
import cn.minzheng.bureau.relief.HouseDamage;
import cn.minzheng.bureau.relief.HouseholdCategory;
import cn.minzheng.bureau.relief.RosterRepository;
import cn.minzheng.bureau.support.TestApplications;
import cn.minzheng.bureau.support.ProcessTest;

/**
 * Every path of donation-campaign.bpmn: donations with receipts during the window, the window
 * closing on its timer, a plan sent back and re-planned, distribution registers per township, the
 * public summary; and the bad input of donations and registers.
 */
@ProcessTest
class DonationCampaignProcessTest {

    private static final String STAFF = "approver";
    private static final String HEAD = "reliefhead";
    private static final ObjectMapper JSON = new ObjectMapper();


    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    DonationRepository donations;
    @Autowired
    NeedyHouseholds needy;
    @Autowired
    DisasterRepository disasters;
    @Autowired
    RosterRepository roster;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aNeedyHouseholdInTwoTownships() {
        BpmnAwareTests.init(engine);
        var disaster = disasters.insert(new DisasterRepository.NewDisaster(DisasterKind.WATERLOGGING, "内涝",
                LocalDateTime.now().minusDays(3), null, BigDecimal.ZERO, 0, 0, 0,
                List.of("yuecun-yuecun", "zhongyuan-nanjiang"), List.of("yuecun", "zhongyuan")), "test");
        for (String[] area : List.of(new String[] {"yuecun", "yuecun-yuecun"}, new String[] {"zhongyuan", "zhongyuan-nanjiang"})) {
            roster.insert(disaster.id(), new AffectedHousehold(null, area[0], area[1], "困难户",
                    new ResidentIdNumber(TestApplications.idNumber(true)), "1号", 2, HouseholdCategory.SEVERELY_AFFECTED,
                    null, false, BigDecimal.ZERO, HouseDamage.DAMAGED, 0, 0, null, 1, true, true, true, false,
                    new BigDecimal("100.00"), null, false, false), "test");
        }
    }

    @Test
    void aCampaignFromNoticeToPublicSummaryAddsUpExactly() {
        ProcessInstance instance = launch(LocalDate.now(), LocalDate.now().plusDays(20), LocalDate.now().plusDays(25));
        long campaignId = campaignId(instance);
        assertThat(instance).isWaitingAt(TASK_REGISTER_DONATION).task().hasCandidateGroup("district-approver");

        donate(instance, "UNIT", "区财政局", "200000", List.of(goods("COTTON_COAT", 4000), goods("QUILT", 40)));
        String campaignNumber = donations.campaign(campaignId).campaignNumber();
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "lastReceiptNumber"))
                .isEqualTo(campaignNumber + "-0001（区财政局）");
        donate(instance, "PERSON", "张三", "50.50", List.of());
        donate(instance, "PERSON", "李四", null, List.of(goods("COTTON_COAT", 13), goods("QUILT", 3)));
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "collectedSummary"))
                .isEqualTo("3笔捐赠（收据3张），现金200050.50元，棉衣4013件、棉被43床");

        Map<String, Long> weights = needy.perTownship(LocalDate.now());
        fireWindowTimer(instance);
        assertThat(instance).hasPassed("Task_PlanAllocation").isWaitingAt(TASK_APPROVE_PLAN);
        assertThatPlanMatches(campaignId, weights);

        complete(HEAD, instance, TASK_APPROVE_PLAN, Map.of(VAR_PLAN_DECISION, REJECT, VAR_PLAN_COMMENT, "低保数据已更新，请重新测算"));
        assertThat(instance).isWaitingAt(TASK_APPROVE_PLAN);
        complete(HEAD, instance, TASK_APPROVE_PLAN, Map.of(VAR_PLAN_DECISION, APPROVE));

        List<Allocation> plan = donations.plan(campaignId);
        List<Allocation> shared = plan.stream().filter(a -> a.cash().signum() > 0).toList();
        assertThat(tasks(instance, TASK_DISTRIBUTE)).hasSize(shared.size());
        for (Allocation share : shared) {
            // two recipients: the first takes one yuan and one piece of each kind, the second the rest
            Map<String, Object> first = recipient(new BigDecimal("1"), Math.min(1, share.goods().get(GoodsKind.COTTON_COAT)), 0);
            Map<String, Object> second = recipient(share.cash().subtract(BigDecimal.ONE),
                    share.goods().get(GoodsKind.COTTON_COAT) - (long) first.get("coats"), share.goods().get(GoodsKind.QUILT));
            distribute(share.townshipCode(), instance, List.of(first, second));
        }

        assertThat(instance).isEnded().hasPassed("Task_PublishSummary", "EndEvent_CampaignCompleted");
        BigDecimal distributedCash = jdbc.sql("select sum(cash) from donation_distribution where campaign_id = ?")
                .param(campaignId).query(BigDecimal.class).single();
        assertThat(distributedCash).isEqualByComparingTo("200050.50");
        assertThat(jdbc.sql("""
                select sum(g.quantity) from donation_distribution_goods g join donation_distribution d on d.id = g.distribution_id
                where d.campaign_id = ? and g.goods_kind = 'COTTON_COAT'""").param(campaignId).query(Long.class).single())
                .isEqualTo(4013L);
        assertThat(donations.campaign(campaignId).publicSummary()).startsWith("共收到3笔捐赠（收据3张），现金200050.50元，棉衣4013件、棉被43床")
                .endsWith("合计发放现金200050.50元。");
    }

    @Test
    void badDonationsAreRefusedInChineseAndGetNoReceipt() {
        ProcessInstance instance = launch(LocalDate.now(), LocalDate.now().plusDays(5), LocalDate.now().plusDays(6));
        long campaignId = campaignId(instance);
        assertThatThrownBy(() -> donate(instance, "UNIT", "某公司", "-5", List.of())).satisfies(violation("不能为负数"));
        assertThatThrownBy(() -> donate(instance, "UNIT", "某公司", null, List.of(goods("COTTON_COAT", 2.5))))
                .satisfies(violation("必须是整数"));
        assertThatThrownBy(() -> donate(instance, "UNIT", "某公司", null, List.of(goods("QUILT", -3))))
                .satisfies(violation("不能为负数"));
        assertThatThrownBy(() -> donate(instance, "UNIT", "某公司", "0", List.of())).satisfies(violation("请填写捐赠现金或物资"));
        assertThatThrownBy(() -> donate(instance, "UNIT", "某公司", "10", List.of(goods("QUILT", 1), goods("QUILT", 2))))
                .satisfies(violation("合并为一行"));
        assertThat(donations.collected(campaignId).receipts()).isZero();
        assertThat(instance).isWaitingAt(TASK_REGISTER_DONATION);
    }

    @Test
    void distributionRegistersThatDoNotMatchTheShareAreRefusedAndNothingIsWritten() {
        ProcessInstance instance = launch(LocalDate.now(), LocalDate.now(), LocalDate.now());
        long campaignId = campaignId(instance);
        donate(instance, "UNIT", "区直机关工委", "1000", List.of(goods("COTTON_COAT", 10)));
        fireWindowTimer(instance);
        complete(HEAD, instance, TASK_APPROVE_PLAN, Map.of(VAR_PLAN_DECISION, APPROVE));
        Allocation yuecun = donations.plan(campaignId).stream().filter(a -> a.townshipCode().equals("yuecun")).findFirst().orElseThrow();
        long coats = yuecun.goods().get(GoodsKind.COTTON_COAT);

        var all = recipient(yuecun.cash(), coats, 0);
        assertRefused(instance, List.of(recipient(yuecun.cash().add(BigDecimal.ONE), coats, 0)), "超过本乡镇（街道）分配");
        assertRefused(instance, List.of(recipient(yuecun.cash(), coats + 1, 0)), "超过本乡镇（街道）分配");
        assertRefused(instance, List.of(recipient(yuecun.cash().subtract(BigDecimal.ONE), coats, 0)), "少于本乡镇");
        assertRefused(instance, List.of(with(all, "coats", 1.5)), "必须是整数");
        assertRefused(instance, List.of(with(all, "coats", -1)), "不能为负数");
        assertRefused(instance, List.of(with(all, "signatureConfirmed", false)), "尚未签字");
        assertRefused(instance, List.of(with(all, "cash", 1), with(with(all, "cash", 1), "coats", 0)), "重复领取");
        assertRefused(instance, List.of(with(all, "idNumber", "410322199001011234")), "校验位错误");
        assertThat(jdbc.sql("select count(*) from donation_distribution where campaign_id = ?").param(campaignId)
                .query(Long.class).single()).isZero();
        distribute("yuecun", instance, List.of(all));
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> launch(LocalDate.now(), LocalDate.now().minusDays(1), LocalDate.now()))
                .satisfies(violation("截止日期不能早于开始日期"));
        assertThatThrownBy(() -> launch(LocalDate.now(), LocalDate.now().plusDays(3), LocalDate.now().plusDays(1)))
                .satisfies(violation("发放日期不能早于捐赠截止日期"));
    }

    private void assertThatPlanMatches(long campaignId, Map<String, Long> weights) {
        var collected = donations.collected(campaignId);
        var expected = DonationPlan.plan(collected.cash(), collected.goods(), weights);
        List<Allocation> plan = donations.plan(campaignId);
        assertThat(plan).extracting(a -> a.townshipCode() + ":" + a.cash().toPlainString() + ":" + a.goods().get(GoodsKind.COTTON_COAT))
                .containsExactlyElementsOf(expected.stream()
                        .map(s -> s.townshipCode() + ":" + s.cash().toPlainString() + ":" + s.goods().get(GoodsKind.COTTON_COAT)).toList());
        assertThat(plan.stream().map(Allocation::cash).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("200050.50");
        assertThat(plan.stream().mapToLong(a -> a.goods().get(GoodsKind.COTTON_COAT)).sum()).isEqualTo(4013);
        assertThat(plan.stream().mapToLong(a -> a.goods().get(GoodsKind.QUILT)).sum()).isEqualTo(43);
    }

    private void assertRefused(ProcessInstance instance, List<Map<String, Object>> rows, String message) {
        assertThatThrownBy(() -> distribute("yuecun", instance, rows)).satisfies(violation(message));
    }

    private ProcessInstance launch(LocalDate start, LocalDate end, LocalDate distribution) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        Map<String, Object> variables = Variables.createVariables().putValue("campaignTitle", "扶贫济困送温暖")
                .putValue("notice", "请各单位、干部职工踊跃捐款捐物").putValue("windowStart", start.toString())
                .putValue("windowEnd", end.toString()).putValue("distributionDate", distribution.toString());
        return walker.as(STAFF, () -> engine.getFormService().submitStartForm(definition, variables));
    }

    private void donate(ProcessInstance instance, String donorType, String donor, String cash, List<Map<String, Object>> goods) {
        Map<String, Object> variables = new HashMap<>(Map.of("donorType", donorType, "donorName", donor));
        if (cash != null) {
            variables.put("cash", new BigDecimal(cash));
        }
        variables.put(VAR_GOODS, SpinValues.jsonValue(json(goods)).create());
        complete(STAFF, instance, TASK_REGISTER_DONATION, variables);
    }

    private void distribute(String township, ProcessInstance instance, List<Map<String, Object>> rows) {
        complete("clerk." + township, instance, TASK_DISTRIBUTE, Map.of(VAR_RECIPIENTS, SpinValues.jsonValue(json(rows)).create()));
    }

    private void fireWindowTimer(ProcessInstance instance) {
        var job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(TIMER_WINDOW_CLOSED).singleResult();
        engine.getManagementService().executeJob(job.getId());
    }

    private static Map<String, Object> goods(String kind, Number quantity) {
        return Map.of("goodsKind", kind, "quantity", quantity);
    }

    private static Map<String, Object> recipient(BigDecimal cash, long coats, long quilts) {
        Map<String, Object> row = new HashMap<>();
        row.put("recipientName", "领取人");
        row.put("idNumber", TestApplications.idNumber(false));
        row.put("address", "某村2号");
        row.put("cash", cash);
        row.put("coats", coats);
        row.put("quilts", quilts);
        row.put("signatureConfirmed", true);
        return row;
    }

    private static Map<String, Object> with(Map<String, Object> row, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(row);
        copy.put(key, value);
        return copy;
    }

    private void complete(String user, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        walker.as(user, () -> {
            List<Task> found = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(taskKey).list();
            assertThat(found).as(user + " sees " + taskKey).hasSize(1);
            engine.getTaskService().claim(found.get(0).getId(), user);
            engine.getTaskService().complete(found.get(0).getId(), variables);
            return null;
        });
    }

    private List<Task> tasks(ProcessInstance instance, String taskKey) {
        return new ArrayList<>(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).list());
    }

    private long campaignId(ProcessInstance instance) {
        return ((Number) engine.getRuntimeService().getVariable(instance.getId(), VAR_CAMPAIGN_ID)).longValue();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

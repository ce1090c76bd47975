package cn.minzheng.bureau.relief;

import static cn.minzheng.bureau.relief.DisasterReliefProcess.*;
import static cn.minzheng.bureau.relief.DisasterWalker.household;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/**
 * Every form of 灾害救助 filled and submitted in Tasklist by the user whose work it is: the district
 * registers the disaster and files the reports, a township clerk registers the affected households and
 * the township reviewer signs the roster off, the district verifies, requests and records the city's
 * fund, the head of relief approves the allocation and handles an overdue report, finance pays and the
 * clerk confirms the receipts. Each step checks that the process moved on.
 */
@BrowserTest
class DisasterReliefBrowserTest {

    @Autowired
    DisasterWalker walker;
    @Autowired
    DisasterRepository disasters;
    @Autowired
    RosterRepository roster;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DisasterStatistics statistics;

    @Test
    void theDistrictRegistersADisasterAndFilesTheInitialAndFollowUpReports(Tasklist tasklist) {
        String name = "东岳村冰雹灾害" + ThreadLocalRandom.current().nextInt(100_000);
        LocalDateTime occurred = LocalDateTime.now().minusHours(1).withSecond(0).withNano(0);
        tasklist.loginAs(DisasterWalker.STAFF);
        CamundaForm start = tasklist.startProcess("灾害救助（救灾救济）");
        start.select("灾害种类", "冰雹")
                .type("灾害名称", name);
        start.date("发生日期", occurred.toLocalDate());
        time(start, "发生时刻", occurred.format(DateTimeFormatter.ofPattern("HH:mm")));
        start.tick("受灾村（社区）", "岳村乡 东岳村")
                .type("农作物受灾面积（亩）", 1200)
                .type("损坏房屋（间）", 8)
                .type("倒塌房屋（间）", 1)
                .type("受灾人口（人）", 650);
        tasklist.submit(start, "disaster-relief-start", () -> disasterNamed(name) != null);

        Disaster disaster = disasterNamed(name);
        assertThat(disaster.kind()).isEqualTo(DisasterKind.HAIL);
        assertThat(disaster.occurredAt()).isEqualTo(occurred);
        assertThat(disasters.villages(disaster.id())).containsExactly("yuecun-dongyue");
        ProcessInstance instance = instance(disaster);
        Task initial = task(instance, TASK_INITIAL_REPORT);

        CamundaForm report = tasklist.openTask(initial.getId());
        assertThat(report.values()).contains(disaster.disasterNumber(), name, "冰雹", "岳村乡东岳村");
        // the indicators start from the estimates given at registration
        assertThat(report.values()).contains("650", "1200");
        report.type("紧急转移安置人口（人）", 30).type("需紧急生活救助人口（人）", 45)
                .type("其中成灾面积（亩）", 800).type("其中绝收面积（亩）", 150.5)
                .type("一般损坏房屋（户）", 5).type("一般损坏房屋（间）", 8).type("直接经济损失（万元）", 96.4)
                .type("情况说明", "今日午后岳村乡东岳村遭受冰雹，初步估计农作物受灾1200亩，已组织转移群众。");
        tasklist.submit(report, "disaster-relief-initial-report", () -> !tasks(instance, TASK_FOLLOW_UP_REPORT).isEmpty());
        assertThat(disasters.reports(disaster.id()).get(0).indicators()).isEqualTo(new DisasterIndicators(650, 0, 0, 30, 45,
                new BigDecimal("1200.00"), new BigDecimal("800.00"), new BigDecimal("150.50"), 0, 0, 0, 0, 5, 8,
                new BigDecimal("96.40")));
        assertThat(tasks(instance, TASK_REGISTER_HOUSEHOLDS)).hasSize(1);

        CamundaForm followUp = tasklist.openTask(task(instance, TASK_FOLLOW_UP_REPORT).getId());
        assertThat(followUp.values()).as("the 续报 starts from the 初报").contains("30", "45", "96.4");
        followUp.type("严重损坏房屋（户）", 1).type("严重损坏房屋（间）", 2)
                .type("情况说明", "灾情已稳定，受灾群众生活已得到初步安置。")
                .check("灾情已稳定（不再续报，转入核报）", true);
        tasklist.submit(followUp, "disaster-relief-follow-up-report", () -> tasks(instance, TASK_FOLLOW_UP_REPORT).isEmpty());
        assertThat(disasters.reports(disaster.id())).extracting(DisasterRepository.Report::stage)
                .containsExactly(ReportStage.INITIAL, ReportStage.FOLLOW_UP);
        assertThat(disasters.reports(disaster.id())).extracting(DisasterRepository.Report::filedBy)
                .containsOnly(DisasterWalker.STAFF);
        assertThat(disasters.reports(disaster.id()).get(1).indicators()).satisfies(i -> {
            assertThat(i.severeHouseholds()).isEqualTo(1);
            assertThat(i.severeRooms()).isEqualTo(2);
            assertThat(i.generalRooms()).isEqualTo(8);
        });
    }

    @Test
    void aTownshipClerkRegistersTheHouseholdsAndTheReviewerSignsTheRosterOff(Tasklist tasklist) {
        ProcessInstance instance = walker.register(LocalDateTime.now().minusHours(1), "yuecun-dongyue");
        walker.report(instance, TASK_INITIAL_REPORT, Map.of());
        long disasterId = disasterId(instance);
        String idNumber = TestApplications.idNumber(true);

        tasklist.loginAs("clerk.yuecun");
        CamundaForm register = tasklist.openTask(task(instance, TASK_REGISTER_HOUSEHOLDS).getId());
        assertThat(register.values()).contains("岳村乡");
        register.type("户主姓名", 0, "李春生")
                .type("公民身份号码", 0, idNumber);
        assertThat(register.options("村（社区）", 0)).as("only the township's own villages are offered")
                .contains("东岳村", "西岳村").doesNotContain("北孟村", "清华苑社区");
        register.select("村（社区）", 0, "东岳村")
                .type("住址", 0, "东岳村3组8号")
                .type("家庭人口", 0, 4)
                .select("受灾户类别", 0, "重灾户")
                .type("农作物受灾（亩）", 0, "6.5")
                .select("房屋受损程度", 0, "严重损坏")
                .type("受损间数", 0, 3)
                .type("因灾死亡（人）", 0, 0)
                .type("冬春需政府救济（人）", 0, 2)
                .check("需口粮", true)
                .type("核定救助需求（元）", 0, 1500);
        tasklist.submit(register, "disaster-relief-register-households", () -> !tasks(instance, TASK_SIGN_OFF_ROSTER).isEmpty());
        assertThat(roster.list(disasterId, "yuecun")).singleElement().satisfies(h -> {
            assertThat(h.headName()).isEqualTo("李春生");
            assertThat(h.idNumber().value()).isEqualTo(idNumber);
            assertThat(h.category()).isEqualTo(HouseholdCategory.SEVERELY_AFFECTED);
            assertThat(h.houseDamage()).isEqualTo(HouseDamage.SEVERE);
            assertThat(h.damagedRooms()).isEqualTo(3);
            assertThat(h.needAmount()).isEqualByComparingTo("1500");
        });

        tasklist.loginAs("reviewer.yuecun");
        CamundaForm signOff = tasklist.openTask(task(instance, TASK_SIGN_OFF_ROSTER).getId());
        assertThat(String.join("\n", signOff.values())).contains("岳村乡", "受灾户1户4人");
        signOff.choose("审核结果", "审核无误，签字确认")
                .type("审核意见；退回时写明需更正的内容", "逐户核对无误");
        tasklist.submit(signOff, "disaster-relief-roster-sign-off", () -> tasks(instance, TASK_SIGN_OFF_ROSTER).isEmpty());
        assertThat(disasters.rosters(disasterId)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RosterStatus.SIGNED_OFF);
            assertThat(r.signedOffBy()).isEqualTo("reviewer.yuecun");
        });
    }

    @Test
    void theDistrictVerifiesTheLossesAndTheMoneyReachesEveryHousehold(Tasklist tasklist) {
        ProcessInstance instance = walker.register(LocalDateTime.now().minusHours(1), "yuecun-xiyue");
        long disasterId = disasterId(instance);
        walker.report(instance, TASK_INITIAL_REPORT, Map.of());
        walker.report(instance, TASK_FOLLOW_UP_REPORT, Map.of(VAR_SITUATION_STABLE, true));
        walker.registerHouseholds("yuecun", instance, List.of(household("yuecun-xiyue", "FIVE_GUARANTEE", "SEVERE", 2, 2000),
                household("yuecun-xiyue", "SEVERELY_AFFECTED", "GENERAL", 1, 1000)), null);
        walker.signOff("yuecun", instance, APPROVE, null);

        tasklist.loginAs(DisasterWalker.STAFF);
        CamundaForm verify = tasklist.openTask(task(instance, TASK_VERIFY_LOSSES).getId());
        assertThat(String.join("\n", verify.values())).contains("受灾户2户6人（五保户1户");
        verify.type("核实意见", "经逐户核实，灾情属实。");
        tasklist.submit(verify, "disaster-relief-verify-losses", () -> !tasks(instance, TASK_VERIFIED_REPORT).isEmpty());
        assertThat(disasters.get(disasterId).status()).isEqualTo(DisasterStatus.VERIFIED);

        CamundaForm verified = tasklist.openTask(task(instance, TASK_VERIFIED_REPORT).getId());
        // the verified register feeds the 核报: its deaths and its houses by degree, read-only — the 五保户's house
        // severely damaged (2 rooms), the 重灾户's generally (1 room); none in the 续报
        for (String field : List.of("死亡人口（人）", "倒塌房屋（户）", "倒塌房屋（间）", "严重损坏房屋（户）", "严重损坏房屋（间）",
                "一般损坏房屋（户）", "一般损坏房屋（间）")) {
            assertThat(verified.field(field, 0).getAttribute("readonly")).as(field).isNotNull();
        }
        assertThat(List.of("严重损坏房屋（户）", "严重损坏房屋（间）", "一般损坏房屋（户）", "一般损坏房屋（间）").stream()
                .map(field -> verified.field(field, 0).getAttribute("value")).toList()).containsExactly("1", "2", "1", "1");
        assertThat(verified.field("受灾人口（人）", 0).getAttribute("readonly")).isNull();
        verified.type("受灾人口（人）", 2500)
                .type("情况说明", "核报：西岳村受灾户2户6人，申请市级救灾资金3000元。")
                .type("申请市级救灾资金（元）", 3000);
        tasklist.submit(verified, "disaster-relief-verified-report", () -> !tasks(instance, TASK_RECORD_CITY_FUND).isEmpty());
        assertThat(disasters.get(disasterId).fundRequested()).isEqualByComparingTo("3000");
        assertThat(disasters.reports(disasterId)).last().satisfies(r -> {
            assertThat(r.stage()).isEqualTo(ReportStage.VERIFIED);
            assertThat(r.indicators().affectedPeople()).isEqualTo(2500);
            assertThat(r.indicators().deaths()).isZero();
            assertThat(r.indicators().collapsedHouseholds()).isZero();
            assertThat(r.indicators().severeHouseholds()).isEqualTo(1);
            assertThat(r.indicators().severeRooms()).isEqualTo(2);
            assertThat(r.indicators().generalHouseholds()).isEqualTo(1);
            assertThat(r.indicators().generalRooms()).isEqualTo(1);
        });

        CamundaForm cityFund = tasklist.openTask(task(instance, TASK_RECORD_CITY_FUND).getId());
        cityFund.type("市局下拨救灾资金（元）", 3000);
        tasklist.submit(cityFund, "disaster-relief-city-fund", () -> !tasks(instance, TASK_APPROVE_ALLOCATION).isEmpty());
        assertThat(disasters.get(disasterId).cityFund()).isEqualByComparingTo("3000");

        tasklist.loginAs(DisasterWalker.HEAD);
        CamundaForm approve = tasklist.openTask(task(instance, TASK_APPROVE_ALLOCATION).getId());
        assertThat(approve.values()).contains("3000.00");
        approve.choose("审批决定", "批准").type("审批意见；退回时写明理由", "同意按方案发放");
        tasklist.submit(approve, "disaster-relief-approve-allocation", () -> !tasks(instance, TASK_PAY_RELIEF).isEmpty());
        assertThat(disasters.get(disasterId).status()).isEqualTo(DisasterStatus.APPROVED);

        tasklist.loginAs(DisasterWalker.FINANCE);
        CamundaForm pay = tasklist.openTask(task(instance, TASK_PAY_RELIEF).getId());
        assertThat(pay.values()).contains("3000.00", "2");
        pay.check("已按分配方案打卡发放到户", true);
        tasklist.submit(pay, "disaster-relief-payment", () -> !tasks(instance, TASK_CONFIRM_RECEIPT).isEmpty());
        assertThat(roster.list(disasterId, null)).allMatch(AffectedHousehold::paid);

        tasklist.loginAs("clerk.yuecun");
        CamundaForm receipt = tasklist.openTask(task(instance, TASK_CONFIRM_RECEIPT).getId());
        assertThat(receipt.values()).contains("岳村乡");
        receipt.check("已逐户核实受灾户收到救灾资金", true);
        tasklist.submit(receipt, "disaster-relief-confirm-receipt", () -> runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0);
        assertThat(roster.list(disasterId, null)).allMatch(AffectedHousehold::receiptConfirmed);
        assertThat(disasters.get(disasterId).status()).isEqualTo(DisasterStatus.CLOSED);
    }

    @Test
    void theHeadOfReliefHandlesAnOverdueInitialReport(Tasklist tasklist) {
        ProcessInstance instance = walker.register(LocalDateTime.now().minusHours(1), "mengke-beimeng");
        long disasterId = disasterId(instance);
        walker.fire(instance, TIMER_INITIAL_REPORT_OVERDUE);

        tasklist.loginAs(DisasterWalker.HEAD);
        CamundaForm overdue = tasklist.openTask(task(instance, TASK_HANDLE_OVERDUE_REPORT).getId());
        assertThat(overdue.values()).contains("初报");
        overdue.type("督办意见", "请立即向市局初报灾情。");
        tasklist.submit(overdue, "disaster-relief-overdue-report", () -> tasks(instance, TASK_HANDLE_OVERDUE_REPORT).isEmpty());
        assertThat(disasters.escalations(disasterId)).singleElement()
                .satisfies(e -> assertThat(e.handledBy() + ":" + e.instruction()).isEqualTo("reliefhead:请立即向市局初报灾情。"));
        assertThat(tasks(instance, TASK_INITIAL_REPORT)).hasSize(1);
    }


    /**
     * The head of relief reads the year's disaster statistics (灾情统计) from the ledgers' navigation and picks the
     * year in its form: the year total's distinct households are those of {@link DisasterStatistics}.
     */
    @Test
    void theHeadOfReliefReadsTheYearsDisasterStatisticsByKind(Tasklist tasklist) {
        ProcessInstance instance = walker.register(LocalDateTime.now().minusHours(1), "yuecun-dongyue");
        walker.report(instance, TASK_INITIAL_REPORT, Map.of());
        int year = LocalDateTime.now().getYear();

        tasklist.loginAs(DisasterWalker.HEAD).open("/ledger/dashboard");
        tasklist.driver().findElement(By.id("nav-disaster-statistics")).click();
        WebElement yearField = tasklist.waiting().until(d -> d.findElement(By.name("year")));
        yearField.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        yearField.sendKeys(String.valueOf(year));
        tasklist.driver().findElement(By.cssSelector("form.filters button[type=submit]")).click();
        tasklist.waiting().until(d -> d.getCurrentUrl().contains("year=" + year));
        assertThat(tasklist.driver().findElement(By.tagName("h1")).getText()).isEqualTo(year + "年自然灾害情况统计");
        assertThat(tasklist.driver().findElement(By.id("statistics")).getText()).contains("冰雹");
        List<WebElement> total = tasklist.driver().findElements(By.cssSelector("#year-total td"));
        DisasterStatistics.YearTotals expected = statistics.of(year);
        assertThat(total.get(0).getText()).isEqualTo("全年合计");
        assertThat(total.get(2).getText()).isEqualTo(String.valueOf(expected.indicators().affectedPeople()));
        assertThat(total.get(14).getText()).isEqualTo(String.valueOf(expected.households()));
        tasklist.screenshot("ledger-disaster-statistics");
    }

    private static String notifications(Tasklist tasklist) {
        return tasklist.driver().findElements(By.cssSelector(".notifications, .alert, .fjs-form-field-error"))
                .stream().map(WebElement::getText).filter(t -> !t.isBlank()).toList().toString();
    }


    /** Types a time (24-hour "HH:mm") into a form-js time picker. */
    private static void time(CamundaForm form, String label, String time) {
        WebElement input = form.field(label, 0);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(time, Keys.TAB);
    }

    private Disaster disasterNamed(String name) {
        return jdbc.sql("select id from relief_disaster where name = ?").param(name).query(Long.class).optional()
                .map(disasters::get).orElse(null);
    }

    private ProcessInstance instance(Disaster disaster) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(disaster.processInstanceId()).singleResult();
    }

    private long disasterId(ProcessInstance instance) {
        return ((Number) runtimeService.getVariable(instance.getId(), VAR_DISASTER_ID)).longValue();
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

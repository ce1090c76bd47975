package cn.minzheng.bureau.relief;


import static cn.minzheng.bureau.relief.DisasterReliefProcess.*;
import static cn.minzheng.bureau.relief.DisasterWalker.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static cn.minzheng.bureau.support.RuleViolations.violation;

import java.time.Duration;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.support.ProcessTest;

/**
 * Every path of disaster-relief.bpmn on the real application, each step as the demo user of that
 * role: township verification in parallel with a roster sent back, follow-up reports, the three
 * overdue-report escalations, an allocation sent back, payment and receipt per township.
 */
@ProcessTest
class DisasterReliefProcessTest {


    @Autowired
    ProcessEngine engine;
    @Autowired
    DisasterWalker walker;
    @Autowired
    DisasterRepository disasters;
    @Autowired
    RosterRepository roster;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    cn.minzheng.bureau.relief.rebuilding.RebuildingRepository rebuildings;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void aWholeDisasterFromRegistrationToReceiptWithARosterSentBackAndAnAllocationReturned() {
        ProcessInstance instance = walker.register(LocalDateTime.now().minusMinutes(20), "yuecun-dongyue", "mengke-beimeng");
        assertThat(instance).isWaitingAt(TASK_INITIAL_REPORT).task().hasCandidateGroup("district-approver");
        long disasterId = disasterId(instance);
        assertThat(disasters.townships(disasterId)).containsExactly("mengke", "yuecun");
        assertThat(instance.getBusinessKey()).startsWith("ZH");

        // a report whose numbers contradict each other is refused and nothing is filed
        assertThatThrownBy(() -> walker.report(instance, TASK_INITIAL_REPORT, Map.of("cropDamagedMu", 999_999.0)))
                .satisfies(violation("农作物成灾面积不能超过受灾面积"));
        assertThat(disasters.reports(disasterId)).isEmpty();
        walker.report(instance, TASK_INITIAL_REPORT, Map.of("deaths", 1L, "relocated", 12L));
        assertThat(instance).isWaitingAt(TASK_FOLLOW_UP_REPORT, TASK_REGISTER_HOUSEHOLDS);
        assertThat(walker.tasks(instance, TASK_REGISTER_HOUSEHOLDS)).hasSize(2);
        // the 初报's indicators: the registration's estimates and what the report added
        DisasterIndicators initial = disasters.reports(disasterId).get(0).indicators();
        Disaster registered = disasters.get(disasterId);
        assertThat(initial.affectedPeople()).isEqualTo(registered.peopleAffected());
        assertThat(initial.cropAffectedMu()).isEqualByComparingTo(registered.cropAreaMu());
        assertThat(initial.deaths()).isEqualTo(1);
        assertThat(initial.relocated()).isEqualTo(12);

        // a follow-up while the situation develops, then the situation is stable
        walker.report(instance, TASK_FOLLOW_UP_REPORT, Map.of(VAR_SITUATION_STABLE, false));
        assertThat(walker.tasks(instance, TASK_FOLLOW_UP_REPORT)).hasSize(1);
        walker.report(instance, TASK_FOLLOW_UP_REPORT, Map.of(VAR_SITUATION_STABLE, true));
        assertThat(walker.tasks(instance, TASK_FOLLOW_UP_REPORT)).isEmpty();

        // 岳村乡: 五保户 whose house collapsed, 特困户, 重灾户
        var fiveGuarantee = household("yuecun-dongyue", "FIVE_GUARANTEE", "COLLAPSED", 2, 3000);
        fiveGuarantee.put("deaths", 1);
        fiveGuarantee.put("deceasedNames", "王老五");
        var poor = household("yuecun-dongyue", "EXTREMELY_POOR", "GENERAL", 1, 1500);
        var wrong = household("yuecun-dongyue", "ORDINARY", "NONE", 0, 800);
        walker.registerHouseholds("yuecun", instance, List.of(fiveGuarantee, poor, wrong), null);
        walker.signOff("yuecun", instance, SEND_BACK, "第三户应为重灾户，请更正");
        assertThat(jdbc.sql("select status from relief_township_roster where disaster_id = ? and township_code = 'yuecun'")
                .param(disasterId).query(String.class).single()).isEqualTo("SENT_BACK");
        var corrected = new HashMap<>(wrong);
        corrected.put("category", "SEVERELY_AFFECTED");
        walker.registerHouseholds("yuecun", instance, List.of(corrected), (String) wrong.get("idNumber"));
        walker.signOff("yuecun", instance, APPROVE, null);

        // 孟轲乡: two 重灾户, one house severely damaged (3 rooms), one generally (2 rooms)
        walker.registerHouseholds("mengke", instance, List.of(household("mengke-beimeng", "SEVERELY_AFFECTED", "SEVERE", 3, 1000),
                household("mengke-beimeng", "SEVERELY_AFFECTED", "GENERAL", 2, 1000)), null);
        walker.signOff("mengke", instance, APPROVE, "属实");
        assertThat(instance).isWaitingAt(TASK_VERIFY_LOSSES);
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "lossTotals"))
                .startsWith("受灾户5户15人（五保户1户，特困户1户，重灾户3户，一般受灾户0户）").contains("因灾倒房户1户2间");

        walker.complete(STAFF, instance, TASK_VERIFY_LOSSES, Map.of("verificationNote", "经核实，灾情属实"));
        // the verified register: 5 households, 15 people, 1 death, 22.5 亩 (5 × 4.5), collapsed 1 house of 2 rooms
        // (the 五保户), severely damaged 1 of 3 rooms (孟轲乡), generally damaged 2 of 1 + 2 = 3 rooms (the 特困户 and
        // 孟轲乡's other); the 续报 said 2400 people, 30000 亩, no damaged house
        assertThat(instance).variables().containsEntry("deaths", 1L).containsEntry("collapsedHouseholds", 1L)
                .containsEntry("collapsedRooms", 2L).containsEntry("severeHouseholds", 1L).containsEntry("severeRooms", 3L)
                .containsEntry("generalHouseholds", 2L).containsEntry("generalRooms", 3L).containsEntry("affectedPeople", 2400L);
        // a 核报 that contradicts the register is refused, naming each figure, and nothing is filed
        assertThatThrownBy(() -> walker.report(instance, TASK_VERIFIED_REPORT, Map.of(VAR_FUND_REQUESTED, 7300,
                "deaths", 0L, "collapsedRooms", 3L, "severeRooms", 2L, "affectedPeople", 14L, "cropAffectedMu", 22.0,
                "generalHouseholds", 1L)))
                .satisfies(violation("核报与核定的受灾户登记册不符：死亡人口应与核定的受灾户登记册一致（登记册：1人）；"
                        + "倒塌房屋间数应与核定的受灾户登记册一致（登记册：2间）；严重损坏房屋间数应与核定的受灾户登记册一致（登记册：3间）；"
                        + "一般损坏房屋户数应与核定的受灾户登记册一致（登记册：2户）；受灾人口不能少于登记册中受灾户的人口（15人）；"
                        + "农作物受灾面积不能少于登记册的合计（22.50亩）"));
        assertThat(disasters.reports(disasterId)).hasSize(3);
        assertThat(disasters.get(disasterId).fundRequested()).isNull();
        // the register's houses and at least its people and crop area are accepted and filed as the 核报
        walker.report(instance, TASK_VERIFIED_REPORT, Map.of(VAR_FUND_REQUESTED, 7300, "affectedPeople", 15L,
                "cropAffectedMu", 22.5, "deaths", 1L, "collapsedRooms", 2L, "severeRooms", 3L, "generalHouseholds", 2L));
        assertThat(disasters.get(disasterId).fundRequested()).isEqualByComparingTo("7300.00");
        // the 核报's deaths and houses (collapsed 1/2, severe 1/3, general 2/3) are the verified register's
        DisasterIndicators verified = disasters.reports(disasterId).get(3).indicators();
        assertThat(verified).isEqualTo(new DisasterIndicators(15, 1, 0, 12, 0, new BigDecimal("22.50"), new BigDecimal("0.00"),
                new BigDecimal("0.00"), 1, 2, 1, 3, 2, 3, new BigDecimal("0.00")));

        // the amount was recorded wrongly: the head of relief sends the allocation back
        walker.complete(STAFF, instance, TASK_RECORD_CITY_FUND, Map.of(VAR_CITY_FUND, 60000));
        walker.complete(HEAD, instance, TASK_APPROVE_ALLOCATION,
                Map.of(VAR_ALLOCATION_DECISION, REJECT, VAR_ALLOCATION_COMMENT, "市局实际下拨6000元"));
        assertThat(instance).isWaitingAt(TASK_RECORD_CITY_FUND);

        // 6000 yuan: the collapsed house 3000 first, the 特困户 1500, then 1500 over the three 重灾户
        // by need 800 / 1000 / 1000: 428.57, 535.71, 535.71 -> 428, 535, 535 and the 2 yuan left to the largest remainders
        walker.complete(STAFF, instance, TASK_RECORD_CITY_FUND, Map.of(VAR_CITY_FUND, "6000.50"));
        assertThat(instance).variables().containsEntry("allocatedTotal", "6000.00").containsEntry("fundBalance", "0.50");
        Map<String, Long> byCategory = allocatedByCategory(disasterId);
        assertThat(byCategory).containsEntry("FIVE_GUARANTEE", 3000L).containsEntry("EXTREMELY_POOR", 1500L)
                .containsEntry("SEVERELY_AFFECTED", 1500L);
        assertThat(roster.list(disasterId, null)).filteredOn(h -> h.category() == HouseholdCategory.SEVERELY_AFFECTED)
                .extracting(h -> h.allocatedAmount().intValue()).containsExactlyInAnyOrder(428, 536, 536);
        walker.complete(HEAD, instance, TASK_APPROVE_ALLOCATION, Map.of(VAR_ALLOCATION_DECISION, APPROVE));

        walker.complete(FINANCE, instance, TASK_PAY_RELIEF, Map.of("paymentIssued", true));
        assertThat(walker.tasks(instance, TASK_CONFIRM_RECEIPT)).hasSize(2);
        assertThat(roster.list(disasterId, null)).allMatch(AffectedHousehold::paid);
        walker.complete("clerk.yuecun", instance, TASK_CONFIRM_RECEIPT, Map.of("receiptsConfirmed", true));
        walker.complete("clerk.mengke", instance, TASK_CONFIRM_RECEIPT, Map.of("receiptsConfirmed", true));
        // the money is paid; the relief ends when the collapsed house is rebuilt
        assertThat(instance).isActive().isWaitingAt("CallActivity_HouseRebuilding");
        long collapsedId = roster.collapsed(disasterId).get(0);
        ProcessInstance rebuilding = walker.rebuildingOf(collapsedId);
        walker.rebuild(rebuilding, "yuecun", 2);
        assertThat(rebuilding).isEnded().hasPassed("EndEvent_Rebuilt");
        assertThat(rebuildings.find(rebuildingId(collapsedId)).orElseThrow())
                .satisfies(r -> assertThat(r.status()).isEqualTo("REBUILT"))
                .satisfies(r -> assertThat(r.grantAmount()).isEqualByComparingTo("16000.00"))
                .satisfies(r -> assertThat(r.approvedBy()).isEqualTo(HEAD));

        assertThat(instance).isEnded().hasPassed("EndEvent_ReliefCompleted");
        assertThat(disasters.get(disasterId).status()).isEqualTo(DisasterStatus.CLOSED);
        assertThat(roster.list(disasterId, null)).allMatch(AffectedHousehold::receiptConfirmed);
        assertThat(disasters.reports(disasterId)).extracting(DisasterRepository.Report::stage).containsExactly(
                ReportStage.INITIAL, ReportStage.FOLLOW_UP, ReportStage.FOLLOW_UP, ReportStage.VERIFIED);
        assertThat(disasters.escalations(disasterId)).isEmpty();
    }

    @Test
    void houseRebuildingRefusesOrClosesEachCaseOnItsPath() {
        ProcessInstance instance = walker.register(LocalDateTime.now(), "yuecun-xiyue");
        long disasterId = disasterId(instance);
        walker.report(instance, TASK_INITIAL_REPORT, Map.of());
        walker.report(instance, TASK_FOLLOW_UP_REPORT, Map.of(VAR_SITUATION_STABLE, true));
        List<Map<String, Object>> collapsed = List.of(household("yuecun-xiyue", "ORDINARY", "COLLAPSED", 3, 2000),
                household("yuecun-xiyue", "ORDINARY", "COLLAPSED", 3, 2000),
                household("yuecun-xiyue", "ORDINARY", "COLLAPSED", 3, 2000));
        walker.registerHouseholds("yuecun", instance, collapsed, null);
        walker.signOff("yuecun", instance, APPROVE, null);
        walker.complete(STAFF, instance, TASK_VERIFY_LOSSES, Map.of("verificationNote", "属实"));
        assertThat(instance).isWaitingAt(TASK_VERIFIED_REPORT, "CallActivity_HouseRebuilding");
        List<Long> households = roster.collapsed(disasterId);
        assertThat(households).hasSize(3);

        // 1: more rooms than collapsed is refused; the village committee does not agree
        ProcessInstance first = walker.rebuildingOf(households.get(0));
        assertThatThrownBy(() -> walker.complete("clerk.yuecun", first, "Task_ApplyOrNominate",
                Map.of("source", "NOMINATION", "rooms", 4))).satisfies(violation("重建间数不能大于3"));
        walker.complete("clerk.yuecun", first, "Task_ApplyOrNominate", Map.of("source", "NOMINATION", "rooms", 3));
        walker.appraise(first, "yuecun", 9, 4);
        assertThat(first).isEnded().hasPassed("Task_CloseRebuilding", "EndEvent_RebuildingRejected");
        assertThat(rebuildings.find(rebuildingId(households.get(0))).orElseThrow().closingReason()).isEqualTo("民主评议未通过（4/9票同意）");

        // 2: an objection during the notice reopens the appraisal; the township then refuses
        ProcessInstance second = walker.rebuildingOf(households.get(1));
        walker.complete("clerk.yuecun", second, "Task_ApplyOrNominate", Map.of("source", "APPLICATION", "rooms", 2));
        walker.appraise(second, "yuecun", 9, 8);
        walker.complete("clerk.yuecun", second, "Task_RebuildingNotice", Map.of("objection", "该户另有住房"));
        assertThat(second).isWaitingAt("Task_DemocraticAppraisal");
        walker.appraise(second, "yuecun", 9, 6);
        walker.fire(second, "BoundaryEvent_RebuildingNoticeOver");
        engine.getIdentityService().createMembership("clerk.yuecun", "reviewer-yuecun");
        try {
            assertThatThrownBy(() -> walker.complete("clerk.yuecun", second, "Task_ReviewRebuildingByTownship",
                    Map.of("townshipDecision", "APPROVE"))).satisfies(violation("四眼原则"));
        } finally {
            engine.getIdentityService().deleteMembership("clerk.yuecun", "reviewer-yuecun");
        }
        walker.complete("reviewer.yuecun", second, "Task_ReviewRebuildingByTownship",
                Map.of("townshipDecision", "REJECT", "townshipComment", "该户在镇上另有住房"));
        assertThat(second).isEnded().hasPassed("EndEvent_RebuildingRejected");

        // 3: the district refuses
        ProcessInstance third = walker.rebuildingOf(households.get(2));
        walker.rebuildUpToDistrict(third, "yuecun", 3);
        assertThat(engine.getRuntimeService().getVariable(third.getId(), "grantAmount")).isEqualTo("24000.00");
        walker.complete(HEAD, third, "Task_ApproveRebuilding", Map.of("districtDecision", "REJECT", "districtComment", "已纳入易地搬迁"));
        assertThat(third).isEnded();
        assertThat(rebuildings.find(rebuildingId(households.get(2))).orElseThrow().closingReason())
                .isEqualTo("区民政局审批未通过：已纳入易地搬迁");
        assertThat(instance).isWaitingAt(TASK_VERIFIED_REPORT).hasPassed("CallActivity_HouseRebuilding");
    }

    @Test
    void overdueReportsAreEscalatedToTheHeadOfRelief() {
        LocalDateTime occurred = LocalDateTime.now().minusMinutes(30);
        ProcessInstance instance = walker.register(occurred, "renqiu-jingdong");
        long disasterId = disasterId(instance);
        // 初报 is due two hours after the disaster occurred
        assertThat(walker.timer(instance, TIMER_INITIAL_REPORT_OVERDUE).getDuedate().toInstant())
                .isEqualTo(occurred.withSecond(0).withNano(0).plusHours(2).atZone(ZoneId.systemDefault()).toInstant());

        walker.fire(instance, TIMER_INITIAL_REPORT_OVERDUE);
        assertThat(instance).isWaitingAt(TASK_INITIAL_REPORT, TASK_HANDLE_OVERDUE_REPORT);
        assertThat(walker.tasks(instance, TASK_HANDLE_OVERDUE_REPORT).get(0).getName()).isEqualTo("督办逾期报告");
        assertThatThrownBy(() -> walker.complete(HEAD, instance, TASK_HANDLE_OVERDUE_REPORT, Map.of()))
                .satisfies(violation("督办意见不能为空"));
        walker.complete(HEAD, instance, TASK_HANDLE_OVERDUE_REPORT, Map.of("instruction", "立即初报"));
        walker.report(instance, TASK_INITIAL_REPORT, Map.of());

        // 续报 is due a day after the previous report
        assertThat(Duration.between(java.time.Instant.now(),
                walker.timer(instance, TIMER_FOLLOW_UP_REPORT_OVERDUE).getDuedate().toInstant()).toHours()).isBetween(23L, 24L);
        walker.fire(instance, TIMER_FOLLOW_UP_REPORT_OVERDUE);
        walker.complete(HEAD, instance, TASK_HANDLE_OVERDUE_REPORT, Map.of("instruction", "当日续报"));
        walker.report(instance, TASK_FOLLOW_UP_REPORT, Map.of(VAR_SITUATION_STABLE, true));

        walker.registerHouseholds("renqiu", instance, List.of(household("renqiu-jingdong", "ORDINARY", "GENERAL", 1, 500)), null);
        walker.signOff("renqiu", instance, APPROVE, null);
        walker.complete(STAFF, instance, TASK_VERIFY_LOSSES, Map.of("verificationNote", "属实"));
        walker.fire(instance, TIMER_VERIFIED_REPORT_OVERDUE);
        assertThat(engine.getRuntimeService().getVariable(walker.tasks(instance, TASK_HANDLE_OVERDUE_REPORT).get(0)
                .getExecutionId(), "overdueReport")).isEqualTo("核报");
        walker.complete(HEAD, instance, TASK_HANDLE_OVERDUE_REPORT, Map.of("instruction", "三日内核报"));
        assertThat(instance).hasPassed("EndEvent_OverdueHandled").isWaitingAt(TASK_VERIFIED_REPORT);

        assertThat(disasters.escalations(disasterId)).extracting(e -> e.stage() + ":" + e.handledBy() + ":" + e.instruction())
                .containsExactly("INITIAL:reliefhead:立即初报", "FOLLOW_UP:reliefhead:当日续报", "VERIFIED:reliefhead:三日内核报");
    }

    @Test
    void badRosterRowsAreRefusedInChineseAndNothingIsWritten() {
        ProcessInstance instance = walker.register(LocalDateTime.now(), "yuecun-dongyue");
        long disasterId = disasterId(instance);
        walker.report(instance, TASK_INITIAL_REPORT, Map.of());

        var good = household("yuecun-dongyue", "ORDINARY", "NONE", 0, 200);
        assertRefused(instance, List.of(good, household("yuecun-xiyue", "ORDINARY", "NONE", 0, 200)), "不在本次灾害");
        assertRefused(instance, List.of(good, household("mengke-beimeng", "ORDINARY", "NONE", 0, 200)), "不在本次灾害");
        assertRefused(instance, List.of(good, good), "重复出现");
        assertRefused(instance, List.of(with(good, "persons", 2.5)), "必须是整数");
        assertRefused(instance, List.of(with(good, "needAmount", -100)), "不能为负数");
        assertRefused(instance, List.of(with(good, "idNumber", "410322199001011234")), "校验位错误");
        assertRefused(instance, List.of(with(good, "houseDamage", "COLLAPSED")), "房屋倒塌的，须填写倒塌的房屋间数（至少1间）");
        assertRefused(instance, List.of(with(good, "houseDamage", "SEVERE")), "房屋严重损坏的，须填写严重损坏的房屋间数（至少1间）");
        assertRefused(instance, List.of(with(good, "houseDamage", "GENERAL")), "房屋一般损坏的，须填写一般损坏的房屋间数（至少1间）");
        assertRefused(instance, List.of(with(good, "damagedRooms", 2)), "房屋无损的，受损房屋间数应为0");
        assertRefused(instance, List.of(with(with(good, "houseDamage", "DAMAGED"), "damagedRooms", 1)),
                "房屋受损情况“DAMAGED”无效，请按损坏程度填写：倒塌、严重损坏、一般损坏、无");
        assertRefused(instance, List.of(with(good, "deaths", 1)), "死亡人员姓名");
        assertRefused(instance, List.of(), "至少登记一户");
        assertThat(roster.list(disasterId, null)).isEmpty();

        walker.registerHouseholds("yuecun", instance, List.of(good), null);
        assertThat(roster.list(disasterId, null)).hasSize(1);
    }

    @Test
    void theClerkWhoRegisteredCannotSignTheRosterOff() {
        ProcessInstance instance = walker.register(LocalDateTime.now(), "yuecun-dongyue");
        walker.report(instance, TASK_INITIAL_REPORT, Map.of());
        walker.registerHouseholds("yuecun", instance, List.of(household("yuecun-dongyue", "ORDINARY", "NONE", 0, 100)), null);
        engine.getIdentityService().createMembership("clerk.yuecun", "reviewer-yuecun");
        try {
            assertThatThrownBy(() -> walker.complete("clerk.yuecun", instance, TASK_SIGN_OFF_ROSTER,
                    Map.of(VAR_ROSTER_DECISION, APPROVE))).satisfies(violation("四眼原则"));
        } finally {
            engine.getIdentityService().deleteMembership("clerk.yuecun", "reviewer-yuecun");
        }
        assertThatThrownBy(() -> walker.signOff("yuecun", instance, SEND_BACK, " ")).satisfies(violation("退回原因"));
        walker.signOff("yuecun", instance, APPROVE, null);
    }

    @Test
    void aStartFormWithoutAffectedVillagesStoresNothing() {
        long before = jdbc.sql("select count(*) from relief_disaster").query(Long.class).single();
        assertThatThrownBy(() -> walker.register(LocalDateTime.now())).satisfies(violation("请选择受灾的村"));
        Map<String, Object> future = DisasterWalker.startVariables(LocalDateTime.now().plusDays(2), "yuecun-dongyue");
        assertThatThrownBy(() -> walker.start(future)).satisfies(violation("不能晚于现在"));
        assertThat(jdbc.sql("select count(*) from relief_disaster").query(Long.class).single()).isEqualTo(before);
    }

    private void assertRefused(ProcessInstance instance, List<Map<String, Object>> rows, String message) {
        assertThatThrownBy(() -> walker.registerHouseholds("yuecun", instance, rows, null)).satisfies(violation(message));
        assertThat(walker.tasks(instance, TASK_REGISTER_HOUSEHOLDS)).hasSize(1);
    }

    private static Map<String, Object> with(Map<String, Object> row, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(row);
        copy.put(key, value);
        return copy;
    }

    private Map<String, Long> allocatedByCategory(long disasterId) {
        Map<String, Long> totals = new HashMap<>();
        roster.list(disasterId, null).forEach(h -> totals.merge(h.category().name(), h.allocatedAmount().longValue(), Long::sum));
        return totals;
    }

    private long rebuildingId(long householdId) {
        return jdbc.sql("select id from relief_rebuilding where household_id = ?").param(householdId).query(Long.class).single();
    }

    private long disasterId(ProcessInstance instance) {
        return ((Number) engine.getRuntimeService().getVariable(instance.getId(), VAR_DISASTER_ID)).longValue();
    }
}

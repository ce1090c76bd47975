package cn.minzheng.bureau.dibao.review;

import java.time.YearMonth;
import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.APPROVE;
import static cn.minzheng.bureau.dibao.review.ReviewProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static cn.minzheng.bureau.support.RuleViolations.violation;

import java.time.LocalDate;
import java.util.HashMap;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestExecutionListeners;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.application.DibaoApplicationProcess;
import cn.minzheng.bureau.dibao.application.DibaoApplicationForm;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.payroll.PayrollProcess;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramCase;
import cn.minzheng.bureau.support.TestApplications;

/**
 * Every path of dibao-review.bpmn and dibao-review-schedule.bpmn on the real application, each step as
 * the demo user of that role. Coverage of every flow node and sequence flow of both is asserted for the class.
 */
// the job executor is off: the test runs the jobs (support.Jobs), the coverage collector is not thread-safe
@SpringBootTest(properties = {"bureau.demo-data.applications=false", "camunda.bpm.job-execution.enabled=false"}) // coverage counts this class's instances only
@Import(DibaoReviewProcessTest.FullCoverage.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class DibaoReviewProcessTest {

    private static final String CLERK = "clerk.yuecun";
    private static final String REVIEWER = "reviewer.yuecun";
    private static final String APPROVER = "approver";

    /** The coverage library's engine plugin, asking for full class coverage of the review processes. */
    @TestConfiguration
    static class FullCoverage {
        @Bean
        SpringBootProcessEnginePlugin coverageListeners() {
            return cn.minzheng.bureau.support.FullCoverage.coveragePlugin();
        }

        @Bean
        ProcessEngineCoverageProperties coverageProperties() {
            // active cases are made by dibao-application, covered by its own test
            return cn.minzheng.bureau.support.FullCoverage.fullCoverageExcluding(DibaoApplicationProcess.KEY, PayrollProcess.KEY);
        }
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    ReviewStarter starter;
    @Autowired
    ReviewRepository reviews;
    @Autowired
    ReviewScheduler scheduler;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HouseholdRepository households;
    @Autowired
    EnrolmentRepository enrolments;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void anUnchangedHouseholdKeepsItsBenefitWithoutApproval() {
        DibaoCase dibaoCase = activeCase(3, "600"); // 960
        ProcessInstance instance = start(dibaoCase, ReviewStarter.PERIODIC, null);
        assertThat(instance).isWaitingAt(TASK_RESURVEY);
        assertThat(task(instance)).hasCandidateGroup("clerk-yuecun");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys()
                .singleResult().getCamundaFormRef().getKey()).isEqualTo("dibao-review-survey");

        resurvey(instance, Map.of());
        assertThat(instance).isEnded().hasPassed(TASK_RECALCULATE, TASK_APPLY, END_APPLIED).hasNotPassed(TASK_REVIEW_BY_TOWNSHIP);
        ReviewRepository.Review review = reviews.ofCase(dibaoCase.id()).get(0);
        assertThat(review.outcome()).isEqualTo(ReviewOutcome.KEEP);
        assertThat(review.status()).isEqualTo(ReviewStatus.APPLIED);
        assertThat(review.proposedAmount()).isEqualByComparingTo("960.00");
        assertThat(cases.find(dibaoCase.id()).orElseThrow().monthlyAmount()).isEqualByComparingTo("960.00");
        assertThat(lastReviewed(dibaoCase)).isNotNull();
    }

    @Test
    void aMemberFoundInTekunIsNamedAndTheReviewGoesToTheTownshipAndTheDistrict() {
        DibaoCase dibaoCase = activeCase(3, "600"); // unchanged: would keep its benefit without approval
        // a member enrolled in 特困供养 around the rules (data from before them): the review re-checks
        Household.Member member = households.find(dibaoCase.householdId()).orElseThrow().members().get(2);
        Enrolment tekun = enrolments.mirror(new ProgramCase(Program.TEKUN, ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE),
                dibaoCase.householdId(), member.idNumber().value(), dibaoCase.townshipCode(), EnrolmentStatus.ACTIVE,
                new BigDecimal("900.00"), "2026-01", null), "clerk.yuecun", "迁入数据");
        ProcessInstance instance = start(dibaoCase, ReviewStarter.PERIODIC, null);
        resurvey(instance, Map.of());
        assertThat(instance).isWaitingAt(TASK_REVIEW_BY_TOWNSHIP).variables().containsEntry(VAR_NEEDS_APPROVAL, true);
        String reason = (String) engine.getRuntimeService().getVariable(instance.getId(), "outcomeReason");
        assertThat(reason).startsWith("复核发现救助项目冲突：" + member.name() + "（身份证号" + member.idNumber().value()
                + "）已在特困人员救助供养中（享受中，自2026-01起，登记编号" + tekun.id() + "）");
    }

    @Test
    void aSmallRaiseTakesEffectWithoutApproval() {
        DibaoCase dibaoCase = activeCase(3, "600"); // 960
        // the head's wage fell to 540: per capita 180, (520 - 180) x 3 = 1020, +6 %
        jdbc.sql("update income_item set monthly_amount = 540 where income_type = 'WAGE' and member_id in "
                + "(select id from household_member where household_id = ?)").param(dibaoCase.householdId()).update();
        ProcessInstance instance = start(dibaoCase, ReviewStarter.CHANGE_REPORTED, "户主工资减少");
        resurvey(instance, Map.of());
        assertThat(instance).isEnded().hasPassed(END_APPLIED);
        assertThat(reviews.ofCase(dibaoCase.id()).get(0).outcome()).isEqualTo(ReviewOutcome.RAISE);
        assertThat(cases.find(dibaoCase.id()).orElseThrow().monthlyAmount()).isEqualByComparingTo("1020.00");
    }

    @Test
    void aReportedNewIncomeLowersTheBenefitAfterTownshipReviewAndDistrictApproval() {
        DibaoCase dibaoCase = activeCase(2, "300"); // 740
        ProcessInstance instance = start(dibaoCase, ReviewStarter.CHANGE_REPORTED, "户主在县城找到临时工作");
        // 400 found: per capita 350, (520 - 350) x 2 = 340, -54 %
        resurvey(instance, Map.of("hiddenIncomeMonthly", 400, "hiddenIncomeNote", "临时工工资"));
        assertThat(instance).isWaitingAt(TASK_REVIEW_BY_TOWNSHIP);
        assertThat(task(instance)).hasCandidateGroup("reviewer-yuecun");
        assertThat(instance).variables().containsEntry("proposedAmount", "340.00").containsEntry(VAR_NEEDS_APPROVAL, true);

        complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of(VAR_REVIEW_DECISION, APPROVE));
        assertThat(instance).isWaitingAt(TASK_APPROVE_BY_DISTRICT);
        assertThat(task(instance)).hasCandidateGroup("district-approver");
        assertThat(cases.find(dibaoCase.id()).orElseThrow().monthlyAmount()).isEqualByComparingTo("740.00"); // not yet
        complete(APPROVER, instance, TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, APPROVE));

        assertThat(instance).isEnded().hasPassed(END_APPLIED);
        ReviewRepository.Review review = reviews.ofCase(dibaoCase.id()).get(0);
        assertThat(review.outcome()).isEqualTo(ReviewOutcome.LOWER);
        assertThat(review.decidedBy()).isEqualTo(APPROVER);
        assertThat(cases.find(dibaoCase.id()).orElseThrow().monthlyAmount()).isEqualByComparingTo("340.00");
    }

    @Test
    void aHouseholdAboveTheStandardThroughWorkIsPhasedOutMonthByMonth() {
        DibaoCase dibaoCase = activeCase(2, "300"); // 740
        // the head found work: wage 1300 (灵活就业, no deduction): per capita 650 > 520; without the wage 0 < 520
        jdbc.sql("update income_item set monthly_amount = 1300 where income_type = 'WAGE' and member_id in "
                + "(select id from household_member where household_id = ?)").param(dibaoCase.householdId()).update();
        ProcessInstance instance = start(dibaoCase, ReviewStarter.CHANGE_REPORTED, "户主在县城找到工作");
        resurvey(instance, Map.of());
        assertThat(instance).isWaitingAt(TASK_REVIEW_BY_TOWNSHIP).variables().containsEntry(VAR_NEEDS_APPROVAL, true)
                .containsEntry("proposedAmount", "740.00");
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "outcomeReason"))
                .isEqualTo("因家庭成员就业，人均收入650.00元超过低保标准520.00元，给予渐退期3个月：决定次月起按原标准继续发放3个月，期满停保");
        complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of(VAR_REVIEW_DECISION, APPROVE));
        complete(APPROVER, instance, TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, APPROVE));
        assertThat(instance).isEnded().hasPassed(END_APPLIED);
        assertThat(reviews.ofCase(dibaoCase.id()).get(0).outcome()).isEqualTo(ReviewOutcome.PHASE_OUT);

        YearMonth decided = YearMonth.now();
        assertThat(cases.gradualExitUntil(dibaoCase.id())).contains(decided.plusMonths(3));
        // month by month: the daily schedule keeps paying for three months after the decision's, then cancels
        for (int month = 0; month <= 3; month++) {
            scheduler.endGradualExits(decided.plusMonths(month));
            DibaoCase paying = cases.find(dibaoCase.id()).orElseThrow();
            assertThat(paying.status()).as("month +" + month).isEqualTo(CaseStatus.APPROVED);
            assertThat(paying.monthlyAmount()).isEqualByComparingTo("740.00");
        }
        // meanwhile no periodic review: its end is decided
        scheduler.startDue(LocalDate.now().plusYears(2));
        assertThat(reviews.ofCase(dibaoCase.id())).hasSize(1);
        scheduler.endGradualExits(decided.plusMonths(4));
        DibaoCase ended = cases.find(dibaoCase.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(CaseStatus.CANCELLED);
        assertThat(ended.closingReason()).isEqualTo("渐退期满停保：渐退期按原标准发放至" + decided.plusMonths(3));
    }

    @Test
    void aHouseholdAboveTheStandardThroughHiddenIncomeIsCancelledAtOnce() {
        DibaoCase dibaoCase = activeCase(1, "100"); // (520 − 100) × 1 = 420
        ProcessInstance instance = start(dibaoCase, ReviewStarter.CHANGE_REPORTED, "群众反映有出租收入");
        // 600 of rent found by the survey: per capita 700 > 520, and without the wage still 600 > 520
        resurvey(instance, Map.of("hiddenIncomeMonthly", 600, "hiddenIncomeNote", "出租门面"));
        complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of(VAR_REVIEW_DECISION, APPROVE));
        complete(APPROVER, instance, TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, APPROVE));
        assertThat(reviews.ofCase(dibaoCase.id()).get(0).outcome()).isEqualTo(ReviewOutcome.CANCEL);
        assertThat(cases.find(dibaoCase.id()).orElseThrow().status()).isEqualTo(CaseStatus.CANCELLED);
        assertThat(cases.gradualExitUntil(dibaoCase.id())).isEmpty();
    }

    @Test
    void aDeathCancelsTheCaseWithItsReasonAndReleasesItsMembers() {
        DibaoCase dibaoCase = activeCase(1, "100");
        ProcessInstance instance = start(dibaoCase, ReviewStarter.CHANGE_REPORTED, "户主死亡");
        assertThatThrownBy(() -> resurvey(instance, Map.of(VAR_PROPOSE_CANCEL, true))).satisfies(violation("停保理由"));
        resurvey(instance, Map.of(VAR_PROPOSE_CANCEL, true, VAR_CANCEL_REASON, "户主于本月死亡，单人户"));
        complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of(VAR_REVIEW_DECISION, APPROVE));
        complete(APPROVER, instance, TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, APPROVE, VAR_APPROVAL_COMMENT, "同意停保"));

        assertThat(instance).isEnded().hasPassed(END_APPLIED);
        DibaoCase cancelled = cases.find(dibaoCase.id()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(CaseStatus.CANCELLED);
        assertThat(cancelled.closingReason()).isEqualTo("复核停保：户主于本月死亡，单人户");
        assertThat(reviews.ofCase(dibaoCase.id()).get(0).outcome()).isEqualTo(ReviewOutcome.CANCEL);
        assertThat(jdbc.sql("select count(*) from dibao_case_person where case_id = ? and open_id_number is not null")
                .param(dibaoCase.id()).query(Long.class).single()).isZero();
        assertThatThrownBy(() -> start(dibaoCase, ReviewStarter.PERIODIC, null)).satisfies(violation("只有在保案件才能复核"));
    }

    @Test
    void theTownshipReviewerRefusesAndTheBenefitStaysAsItWas() {
        DibaoCase dibaoCase = activeCase(2, "300");
        ProcessInstance instance = start(dibaoCase, ReviewStarter.CHANGE_REPORTED, "邻居反映有收入");
        resurvey(instance, Map.of("hiddenIncomeMonthly", 400));
        assertThatThrownBy(() -> complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of(VAR_REVIEW_DECISION, "REJECT")))
                .satisfies(violation("不同意的理由"));
        complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP,
                Map.of(VAR_REVIEW_DECISION, "REJECT", VAR_REVIEW_COMMENT, "所谓收入为一次性帮扶款，不计入"));

        assertThat(instance).isEnded().hasPassed(TASK_KEEP, END_UNCHANGED).hasNotPassed(TASK_APPROVE_BY_DISTRICT);
        ReviewRepository.Review review = reviews.ofCase(dibaoCase.id()).get(0);
        assertThat(review.status()).isEqualTo(ReviewStatus.UNCHANGED);
        assertThat(review.outcomeReason()).contains("所谓收入为一次性帮扶款");
        assertThat(cases.find(dibaoCase.id()).orElseThrow().monthlyAmount()).isEqualByComparingTo("740.00");
    }

    @Test
    void theDistrictRefusesAndTheBenefitStaysAsItWas() {
        DibaoCase dibaoCase = activeCase(2, "300");
        ProcessInstance instance = start(dibaoCase, ReviewStarter.CHANGE_REPORTED, "家庭成员外出务工");
        resurvey(instance, Map.of("hiddenIncomeMonthly", 400));
        complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of(VAR_REVIEW_DECISION, APPROVE));
        complete(APPROVER, instance, TASK_APPROVE_BY_DISTRICT,
                Map.of(VAR_APPROVAL_DECISION, "REJECT", VAR_APPROVAL_COMMENT, "务工收入未核实，请补充证明"));
        assertThat(instance).isEnded().hasPassed(END_UNCHANGED);
        assertThat(cases.find(dibaoCase.id()).orElseThrow().monthlyAmount()).isEqualByComparingTo("740.00");
    }

    @Test
    void anOverdueResurveyIsEscalatedToTheTownshipReviewer() {
        DibaoCase dibaoCase = activeCase(1, "100");
        ProcessInstance instance = start(dibaoCase, ReviewStarter.PERIODIC, null);
        Job overdue = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(overdue.getDuedate()).isAfter(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(14))));
        engine.getManagementService().executeJob(overdue.getId());

        assertThat(instance).hasPassed(TASK_ESCALATE, END_ESCALATED).isWaitingAt(TASK_RESURVEY);
        Task resurvey = task(instance);
        assertThat(resurvey).hasCandidateGroup("reviewer-yuecun").hasCandidateGroup("clerk-yuecun");
        assertThat(resurvey.getPriority()).isEqualTo(100);
        assertThat(reviews.ofCase(dibaoCase.id()).get(0).escalated()).isTrue();
    }

    @Test
    void fourEyesTheResurveyingClerkCannotReviewTheOutcome() {
        DibaoCase dibaoCase = activeCase(2, "300");
        ProcessInstance instance = start(dibaoCase, ReviewStarter.CHANGE_REPORTED, "家庭成员迁出");
        resurvey(instance, Map.of("hiddenIncomeMonthly", 400));
        engine.getIdentityService().createMembership(CLERK, "reviewer-yuecun");
        try {
            assertThatThrownBy(() -> complete(CLERK, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of(VAR_REVIEW_DECISION, APPROVE)))
                    .satisfies(violation("四眼原则"));
        } finally {
            engine.getIdentityService().deleteMembership(CLERK, "reviewer-yuecun");
        }
        assertThat(instance).isWaitingAt(TASK_REVIEW_BY_TOWNSHIP);
    }

    @Test
    void aSecondReviewOfTheSameCaseAndAChangeWithoutDescriptionAreRefused() {
        DibaoCase dibaoCase = activeCase(1, "100");
        assertThatThrownBy(() -> start(dibaoCase, ReviewStarter.CHANGE_REPORTED, " ")).satisfies(violation("请填写家庭情况变化"));
        start(dibaoCase, ReviewStarter.PERIODIC, null);
        assertThatThrownBy(() -> start(dibaoCase, ReviewStarter.CHANGE_REPORTED, "户主就业")).satisfies(violation("已有正在办理的复核"));
        assertThat(reviews.ofCase(dibaoCase.id())).hasSize(1);
    }

    @Test
    void theDailyScheduleStartsTheReviewsThatAreDueByTheHouseholdsInterval() {
        // dibao-review-frequency.dmn: a head of 40 in flexible work (irregular income) half-yearly, an unemployed head
        // of 40 quarterly, a head of 70 alone (nobody able to work) yearly
        DibaoCase flexible = activeCaseWithHead(40, "FLEXIBLE");
        DibaoCase unemployed = activeCaseWithHead(40, "UNEMPLOYED");
        DibaoCase elderly = activeCaseWithHead(70, "FLEXIBLE");
        // the daily timer itself
        Job daily = engine.getManagementService().createJobQuery().processDefinitionKey(SCHEDULE_KEY).timers().singleResult();
        engine.getManagementService().executeJob(daily.getId());
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("EndEvent_DueReviewsStarted")
                .count()).isPositive();
        assertThat(reviews.hasOpenReview(flexible.id())).isFalse(); // it starts next month: not due today

        LocalDate firstMonth = LocalDate.parse(flexible.startMonth() + "-01");
        assertThat(dueAmong(firstMonth.plusMonths(3).minusDays(1), flexible, unemployed, elderly)).isEmpty();
        assertThat(dueAmong(firstMonth.plusMonths(3), flexible, unemployed, elderly)).containsExactly(unemployed.id());
        assertThat(dueAmong(firstMonth.plusMonths(6), flexible, unemployed, elderly))
                .containsExactly(flexible.id(), unemployed.id());
        assertThat(dueAmong(firstMonth.plusMonths(12).minusDays(1), flexible, unemployed, elderly)).doesNotContain(elderly.id());
        assertThat(dueAmong(firstMonth.plusMonths(12), flexible, unemployed, elderly)).contains(elderly.id());
        assertThat(scheduler.dueReviews(firstMonth.plusMonths(6), Integer.MAX_VALUE)).filteredOn(due -> due.caseId() == flexible.id())
                .singleElement().satisfies(due -> assertThat(due.interval().basis()).isEqualTo("收入来源不固定、家庭成员有劳动能力：每半年核查一次"));

        LocalDate dueDay = firstMonth.plusMonths(6);
        scheduler.startDue(dueDay);
        assertThat(reviews.ofCase(flexible.id())).singleElement().satisfies(r -> assertThat(r.kind()).isEqualTo("PERIODIC"));
        int again = scheduler.startDue(dueDay);
        assertThat(reviews.ofCase(flexible.id())).hasSize(1); // an open review is not started twice
        assertThat(again).isGreaterThanOrEqualTo(0);
    }

    private java.util.List<Long> dueAmong(LocalDate day, DibaoCase... cases) {
        java.util.Set<Long> ours = java.util.Arrays.stream(cases).map(DibaoCase::id).collect(java.util.stream.Collectors.toSet());
        return scheduler.dueReviews(day, Integer.MAX_VALUE).stream().map(ReviewScheduler.DueReview::caseId)
                .filter(ours::contains).toList();
    }

    private DibaoCase activeCaseWithHead(int age, String employmentStatus) {
        DibaoApplicationForm form = TestApplications.yuecunHousehold(1, "100");
        MemberForm head = form.household().members().get(0);
        MemberForm aged = new MemberForm(head.name(), TestApplications.idNumber(LocalDate.now().minusYears(age).minusDays(30), true),
                head.relation(), employmentStatus, head.disabilityLevel(), head.incomes());
        return walker.approved(CLERK, REVIEWER, APPROVER, TestApplications.withMembers(form, java.util.List.of(aged)));
    }

    private DibaoCase activeCase(int size, String headWage) {
        return walker.approved(CLERK, REVIEWER, APPROVER, TestApplications.yuecunHousehold(size, headWage));
    }

    private ProcessInstance start(DibaoCase dibaoCase, String kind, String change) {
        String id = walker.as(CLERK, () -> starter.start(dibaoCase.id(), kind, change));
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private void resurvey(ProcessInstance instance, Map<String, Object> overrides) {
        Map<String, Object> variables = new HashMap<>(Map.of(
                "assetsFinding", "无新增财产", "incomeFinding", "见说明", "employmentFinding", "见说明",
                "utilitiesMonthlyVerified", 100, "hiddenIncomeMonthly", 0, "homeVisitDone", true,
                "surveyConclusion", "复核调查完毕"));
        variables.putAll(overrides);
        complete(CLERK, instance, TASK_RESURVEY, variables);
    }

    private void complete(String user, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        walker.as(user, () -> {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(taskKey).singleResult();
            if (task == null) {
                throw new IllegalStateException(user + " sees no task " + taskKey);
            }
            engine.getTaskService().claim(task.getId(), user);
            engine.getTaskService().complete(task.getId(), variables);
            return null;
        });
    }

    private Object lastReviewed(DibaoCase dibaoCase) {
        return jdbc.sql("select last_reviewed_at from dibao_case where id = ?").param(dibaoCase.id())
                .query(java.sql.Timestamp.class).optional().orElse(null);
    }
}

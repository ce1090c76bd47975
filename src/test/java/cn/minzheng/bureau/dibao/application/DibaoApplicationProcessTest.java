package cn.minzheng.bureau.dibao.application;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static cn.minzheng.bureau.support.RuleViolations.violation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.calendar.WorkingCalendar;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.DibaoSettings;
import cn.minzheng.bureau.dibao.StartMonth;
import cn.minzheng.bureau.dibao.deadline.TimeLimitService;
import cn.minzheng.bureau.dibao.deadline.LimitKind;
import cn.minzheng.bureau.dibao.deadline.SupervisionProcess;
import cn.minzheng.bureau.dibao.deadline.TimeLimit;
import cn.minzheng.bureau.dibao.deadline.TimeLimitRepository;
import cn.minzheng.bureau.dibao.verification.AgencyRecord;
import cn.minzheng.bureau.dibao.verification.AgencyRecordKind;
import cn.minzheng.bureau.dibao.verification.AgencyRecordRepository;
import cn.minzheng.bureau.dibao.verification.EconomicCheckService;
import cn.minzheng.bureau.dibao.verification.EconomicStatusProvider;
import cn.minzheng.bureau.dibao.verification.EconomicStatusWorker;
import cn.minzheng.bureau.dibao.verification.VerificationSettings;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.support.ProcessTest;
import cn.minzheng.bureau.support.TestApplications;

/**
 * Every path of dibao-application.bpmn on the real application (real delegates, DMN, listeners,
 * authorizations), each step as the demo user of that role. Coverage of every flow node and
 * sequence flow is asserted for the class (see {@link ProcessTest}).
 */
@ProcessTest
class DibaoApplicationProcessTest {

    private static final String CLERK = "clerk.yuecun";
    private static final String REVIEWER = "reviewer.yuecun";
    private static final String APPROVER = "approver";
    /** 区民政局调查组 (survey-team-lead): the home visit of a 备案 case. */
    private static final String DISTRICT_SURVEYOR = "teamlead";
    private static final String HEAD = "dibaohead";
    private static final String TIMER_DECISION_OVERDUE = "BoundaryEvent_DecisionOverdue";
    private static final String TIMER_PROCEDURE_OVERDUE = "BoundaryEvent_ProcedureOverdue";
    private static final String TIMER_REFUSAL_NOTICE_OVERDUE = "BoundaryEvent_RefusalNoticeOverdue";
    private static final String TIMER_SURVEY_START_OVERDUE = "BoundaryEvent_SurveyStartOverdue";

    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TimeLimitService deadlines;
    @Autowired
    DibaoApplicationService applications;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    TimeLimitRepository timeLimits;
    @Autowired
    EconomicStatusWorker worker;
    @Autowired
    AgencyRecordRepository agencyRecords;
    @Autowired
    EconomicCheckService economicChecks;
    @Autowired
    VerificationSettings verificationSettings;
    @Autowired
    DibaoSettings dibaoSettings;

    private final Map<String, ProcessInstance> instances = new java.util.HashMap<>();

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void approvedApplicationBecomesAnActiveCaseFromNextMonth() {
        // rural ordinary standard 520; 3 people, head earns 600 => per capita 200; (520-200) x 3 = 960
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.yuecunHousehold(3, "600"));
        ProcessInstance instance = instance(dibaoCase);
        assertThat(instance).isWaitingAt(TASK_ACCEPT);
        assertThat(task(instance)).hasCandidateGroup("clerk-yuecun");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys()
                .singleResult().getCamundaFormRef().getKey()).isEqualTo("dibao-accept");

        walker.complete(CLERK, dibaoCase, TASK_ACCEPT, Map.of(VAR_ACCEPT_DECISION, ACCEPT, VAR_ECONOMIC_CHECK_AUTHORISED, true));
        // 居民家庭经济状况核对: an external task; the process waits there until it is completed
        assertThat(instance).isWaitingAt(TASK_CHECK_ECONOMIC_STATUS).externalTask()
                .hasTopicName(EconomicStatusWorker.TOPIC);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        // completed here explicitly: fetched and locked as a worker does, then handled by the application's worker
        List<LockedExternalTask> locked = engine.getExternalTaskService().fetchAndLock(1, EconomicStatusWorker.WORKER_ID)
                .topic(EconomicStatusWorker.TOPIC, 60_000).variables("caseId", "caseNumber").execute();
        assertThat(locked).hasSize(1);
        worker.handle(locked.get(0));
        assertThat(instance).hasPassed(TASK_CHECK_ECONOMIC_STATUS).isWaitingAt(TASK_SURVEY);
        assertThat(status(dibaoCase)).isEqualTo(CaseStatus.UNDER_SURVEY);
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "verificationReport"))
                .contains("区民政局核对记录").contains("金融资产0.00元");

        walker.survey(CLERK, dibaoCase, Map.of());
        assertThat(instance).hasPassed("Task_CalculateIncome", "Task_DetermineStandard", "Task_CheckAssets",
                        "Task_CalculateBenefit")
                .isWaitingAt(TASK_REVIEW_BY_TOWNSHIP);
        assertThat(task(instance)).hasCandidateGroup("reviewer-yuecun");
        assertThat(instance).variables().containsEntry("perCapitaIncome", "200.00")
                .containsEntry("monthlyStandard", "520.00").containsEntry("monthlyAmount", "960.00")
                .containsEntry("eligibilityNote", "符合条件：人均收入低于低保标准，月补助960.00元")
                .doesNotContainKey("eligible").doesNotContainKey("spendingFlagReason");

        walker.reviewByTownship(REVIEWER, dibaoCase, APPROVE, "同意");
        assertThat(instance).isWaitingAt(TASK_PUBLIC_NOTICE);
        assertThat(status(dibaoCase)).isEqualTo(CaseStatus.IN_NOTICE);
        assertThat(instance).job(TIMER_NOTICE_PERIOD_OVER).isNotNull();

        walker.endNotice(dibaoCase);
        assertThat(instance).isWaitingAt(TASK_APPROVE_BY_DISTRICT);
        assertThat(task(instance)).hasCandidateGroup("district-approver");

        walker.approveByDistrict(APPROVER, dibaoCase, APPROVE, "同意");
        assertThat(instance).isEnded().hasPassed("Task_ActivateCase", "EndEvent_CaseApproved");

        DibaoCase approved = cases.find(dibaoCase.id()).orElseThrow();
        assertThat(approved.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(approved.monthlyAmount()).isEqualByComparingTo("960.00");
        assertThat(approved.perCapitaIncome()).isEqualByComparingTo("200.00");
        assertThat(approved.startMonth()).isEqualTo(YearMonth.now().plusMonths(1).toString());
        assertThat(approved.calculationSnapshot()).contains("\"monthlyAmount\":\"960.00\"").contains("\"EXEMPT\"")
                .contains("\"verification\":{").contains("\"assetsEligible\":true");
        assertThat(cases.history(dibaoCase.id())).extracting(h -> h.status()).containsExactly(
                CaseStatus.APPLIED, CaseStatus.UNDER_SURVEY, CaseStatus.UNDER_REVIEW, CaseStatus.IN_NOTICE,
                CaseStatus.UNDER_REVIEW, CaseStatus.APPROVED);
        assertThat(cases.decisions(dibaoCase.id())).extracting(d -> d.step() + ":" + d.decidedBy()).containsExactly(
                TASK_ACCEPT + ":" + CLERK, TASK_REVIEW_BY_TOWNSHIP + ":" + REVIEWER, TASK_APPROVE_BY_DISTRICT + ":" + APPROVER);
    }

    @Test
    void aDistrictThatPaysFromTheMonthOfTheDecisionSetsItsStartMonthSo() {
        dibaoSettings.setStartMonth(StartMonth.DECISION_MONTH);
        try {
            DibaoCase approved = walker.approved(CLERK, REVIEWER, APPROVER, TestApplications.yuecunHousehold(2, "400"));
            assertThat(approved.startMonth()).isEqualTo(YearMonth.now().toString());
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(approved.caseNumber()).finished().count()).isEqualTo(1);
        } finally {
            dibaoSettings.setStartMonth(StartMonth.NEXT_MONTH);
        }
    }

    @Test
    void whenTheTownshipConfirmsTheDistrictApprovesNothingAndChecksTheDrawnCase() {
        dibaoSettings.setTownshipConfirms(true);
        dibaoSettings.setSamplingShare(BigDecimal.ONE); // every case drawn
        try {
            DibaoCase dibaoCase = walkToReview(TestApplications.yuecunHousehold(2, "300"));
            ProcessInstance instance = instance(dibaoCase);
            walker.reviewByTownship(REVIEWER, dibaoCase, APPROVE, "同意");
            walker.endNotice(dibaoCase);
            // the township's approval is the decision: the case pays, the district gets the check
            assertThat(instance).hasPassed("Gateway_ConfirmationLevel", TASK_CONFIRM_BY_TOWNSHIP, "EndEvent_ProcedureConfirmedByTownship",
                    "Task_ActivateCase").hasNotPassed(TASK_APPROVE_BY_DISTRICT).isWaitingAt(TASK_SAMPLE_CHECK);
            assertThat(status(dibaoCase)).isEqualTo(CaseStatus.APPROVED);
            assertThat(cases.find(dibaoCase.id()).orElseThrow().monthlyAmount()).isPositive();
            assertThat(task(instance)).hasCandidateGroup("district-approver");
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys()
                    .singleResult().getCamundaFormRef().getKey()).isEqualTo("dibao-sample-check");
            assertThat(limit(dibaoCase, LimitKind.PROCEDURE).metAt()).isNotNull();
            assertThat(timeLimits.forCase(dibaoCase.id())).noneMatch(l -> l.kind() == LimitKind.DECISION);

            // the township's reviewer does not check their own case, even as a district approver; a problem must be described
            engine.getIdentityService().createMembership(REVIEWER, "district-approver");
            try {
                assertThatThrownBy(() -> walker.complete(REVIEWER, dibaoCase, TASK_SAMPLE_CHECK,
                        Map.of(VAR_SAMPLE_FINDING, NO_PROBLEM))).satisfies(violation("四眼原则"));
            } finally {
                engine.getIdentityService().deleteMembership(REVIEWER, "district-approver");
            }
            assertThatThrownBy(() -> walker.complete(APPROVER, dibaoCase, TASK_SAMPLE_CHECK,
                    Map.of(VAR_SAMPLE_FINDING, PROBLEM, VAR_SAMPLE_NOTE, " "))).satisfies(violation("抽查发现的问题"));
            assertThatThrownBy(() -> walker.complete(APPROVER, dibaoCase, TASK_SAMPLE_CHECK,
                    Map.of(VAR_SAMPLE_FINDING, "MAYBE"))).satisfies(violation("抽查结论"));
            walker.complete(APPROVER, dibaoCase, TASK_SAMPLE_CHECK,
                    Map.of(VAR_SAMPLE_FINDING, PROBLEM, VAR_SAMPLE_NOTE, "户主在外务工收入未核实"));
            assertThat(instance).isEnded().hasPassed("EndEvent_SampleChecked").hasNotPassed("EndEvent_CaseApproved");
            assertThat(cases.decisions(dibaoCase.id())).extracting(d -> d.step() + ":" + d.decision() + ":" + d.decidedBy())
                    .containsExactly(TASK_ACCEPT + ":ACCEPT:" + CLERK, TASK_REVIEW_BY_TOWNSHIP + ":APPROVE:" + REVIEWER,
                            TASK_CONFIRM_BY_TOWNSHIP + ":APPROVE:" + REVIEWER, TASK_SAMPLE_CHECK + ":PROBLEM:" + APPROVER);
            assertThat(cases.find(dibaoCase.id()).orElseThrow().status()).isEqualTo(CaseStatus.APPROVED);
        } finally {
            dibaoSettings.setTownshipConfirms(false);
            dibaoSettings.setSamplingShare(new BigDecimal("0.20"));
        }
    }

    @Test
    void aTownshipConfirmedCaseThatIsNotDrawnIsDoneWithoutTheDistrict() {
        dibaoSettings.setTownshipConfirms(true);
        dibaoSettings.setSamplingShare(BigDecimal.ZERO); // no case drawn
        try {
            DibaoCase dibaoCase = walkToReview(TestApplications.yuecunHousehold(2, "300"));
            ProcessInstance instance = instance(dibaoCase);
            walker.reviewByTownship(REVIEWER, dibaoCase, APPROVE, "同意");
            walker.endNotice(dibaoCase);
            assertThat(instance).isEnded().hasPassed(TASK_CONFIRM_BY_TOWNSHIP, "Task_ActivateCase", "EndEvent_CaseApproved")
                    .hasNotPassed(TASK_APPROVE_BY_DISTRICT, TASK_SAMPLE_CHECK);
            DibaoCase approved = cases.find(dibaoCase.id()).orElseThrow();
            assertThat(approved.status()).isEqualTo(CaseStatus.APPROVED);
            assertThat(approved.startMonth()).isEqualTo(YearMonth.now().plusMonths(1).toString());
        } finally {
            dibaoSettings.setTownshipConfirms(false);
            dibaoSettings.setSamplingShare(new BigDecimal("0.20"));
        }
    }

    @Test
    void acceptingWithoutTheWrittenAuthorisationIsRefusedAndNothingIsWritten() {
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.yuecunHousehold(2, "300"));
        assertThatThrownBy(() -> walker.complete(CLERK, dibaoCase, TASK_ACCEPT, Map.of(VAR_ACCEPT_DECISION, ACCEPT)))
                .satisfies(violation("核对授权书"));
        assertThatThrownBy(() -> walker.complete(CLERK, dibaoCase, TASK_ACCEPT,
                Map.of(VAR_ACCEPT_DECISION, ACCEPT, VAR_ECONOMIC_CHECK_AUTHORISED, false)))
                .satisfies(violation("核对授权书"));
        assertThat(instance(dibaoCase)).isWaitingAt(TASK_ACCEPT);
        assertThat(cases.decisions(dibaoCase.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from dibao_economic_check where case_id = ?").param(dibaoCase.id())
                .query(Long.class).single()).isZero();
        // returning an incomplete application needs no authorisation
        walker.complete(CLERK, dibaoCase, TASK_ACCEPT, Map.of(VAR_ACCEPT_DECISION, RETURN, VAR_MISSING_DOCUMENTS, "缺少授权书"));
        assertThat(instance(dibaoCase)).isEnded();
    }

    @Test
    void aCheckThatDoesNotAnswerInTimeRaisesAnIncidentAndTheCaseWaits() {
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.yuecunHousehold(2, "300"));
        walker.complete(CLERK, dibaoCase, TASK_ACCEPT, Map.of(VAR_ACCEPT_DECISION, ACCEPT, VAR_ECONOMIC_CHECK_AUTHORISED, true));
        // an agency that never answers, and a time limit of 200 ms
        EconomicStatusProvider silent = new EconomicStatusProvider() {
            @Override
            public String name() {
                return "省级核对平台";
            }

            @Override
            public List<AgencyRecord> check(cn.minzheng.bureau.dibao.verification.EconomicStatusRequest request)
                    throws InterruptedException {
                Thread.sleep(60_000);
                return List.of();
            }
        };
        EconomicStatusWorker impatient = new EconomicStatusWorker(engine.getExternalTaskService(), economicChecks, silent,
                new VerificationSettings(Duration.ofMillis(200), Duration.ofMinutes(5), Duration.ofSeconds(10), false,
                        new BigDecimal("1000.00")), transaction);
        assertThat(impatient.runFor(dibaoCase.id())).isTrue();

        ProcessInstance instance = instance(dibaoCase);
        assertThat(instance).isWaitingAt(TASK_CHECK_ECONOMIC_STATUS);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId())
                .singleResult();
        assertThat(incident.getIncidentType()).isEqualTo("failedExternalTask");
        assertThat(incident.getActivityId()).isEqualTo(TASK_CHECK_ECONOMIC_STATUS);
        assertThat(incident.getIncidentMessage()).contains("居民家庭经济状况核对超时", "省级核对平台", dibaoCase.caseNumber(),
                "不得未经核对继续办理");
        assertThat(engine.getExternalTaskService().createExternalTaskQuery().processInstanceId(instance.getId())
                .noRetriesLeft().count()).isEqualTo(1);
        // nothing was verified, the case was not calculated
        assertThat(economicChecks.latestReport(dibaoCase.id())).isEmpty();
        assertThat(status(dibaoCase)).isEqualTo(CaseStatus.APPLIED);
        // the application's own worker does not pick up a check with no retries left: the case keeps waiting
        assertThat(worker.runFor(dibaoCase.id())).isFalse();
        assertThat(instance).isWaitingAt(TASK_CHECK_ECONOMIC_STATUS);

        // the operator retries it in Cockpit (retries set again): the incident is resolved and the check runs
        String externalTaskId = engine.getExternalTaskService().createExternalTaskQuery()
                .processInstanceId(instance.getId()).singleResult().getId();
        engine.getExternalTaskService().setRetries(externalTaskId, 1);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(worker.runFor(dibaoCase.id())).isTrue();
        assertThat(instance).isWaitingAt(TASK_SURVEY);
    }

    @Test
    void aVehicleFoundByTheCheckMakesTheHouseholdIneligibleAndAHiddenDepositIsFlagged() {
        var form = TestApplications.yuecunHousehold(2, "300");
        String head = form.household().members().get(0).idNumber();
        String child = form.household().members().get(1).idNumber();
        LocalDate asOf = LocalDate.of(2026, 11, 1);
        agencyRecords.insert(new AgencyRecord(head, AgencyRecordKind.VEHICLE, "区公安局交通管理大队", "小型轿车 冀A12345",
                new BigDecimal("45000.00"), false, false, asOf));
        agencyRecords.insert(new AgencyRecord(child, AgencyRecordKind.DEPOSIT, "中国工商银行", "定期存款",
                new BigDecimal("8000.00"), false, false, asOf));
        DibaoCase dibaoCase = walker.submit(CLERK, form);
        walker.accept(CLERK, dibaoCase);
        String report = (String) engine.getRuntimeService().getVariable(dibaoCase.processInstanceId(), "verificationReport");
        assertThat(report).contains("测试户主", "机动车", "小型轿车 冀A12345", "定期存款", "8000.00元", "区公安局交通管理大队")
                .doesNotContain(head);

        walker.survey(CLERK, dibaoCase, Map.of());
        // income alone: (520 − 150) × 2 = 740; the vehicle makes the household ineligible: nothing is paid
        ProcessInstance instance = instance(dibaoCase);
        assertThat(instance).isWaitingAt(TASK_REVIEW_BY_TOWNSHIP);
        assertThat(instance).variables().containsEntry("monthlyAmount", "0.00")
                .containsEntry("eligibilityNote", "不符合条件：家庭成员名下有机动车辆（残疾人功能性补偿代步机动车除外）（依据家庭经济状况核对结果）")
                .containsEntry("assetsNote", "家庭成员名下有机动车辆（残疾人功能性补偿代步机动车除外）");
        // declared 0, verified 8000.00: more than the 1000.00 tolerance
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "assetGapFlag"))
                .contains("申报家庭财产0.00元", "8000.00元", "多出8000.00元");
        assertThat(cases.find(dibaoCase.id()).orElseThrow().calculationSnapshot())
                .contains("\"assetsEligible\":false").contains("小型轿车 冀A12345").contains("\"financialAssets\":\"8000.00\"");
        // the asset table's result is in the decision history, not kept as a variable
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "assetDecision")).isNull();
        assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(instance.getId())
                .decisionDefinitionKey("dibao-assets").count()).isEqualTo(1);
    }

    @Test
    void aDisabilityVehicleAndAHomeDoNotCountAgainstTheHousehold() {
        var form = TestApplications.yuecunHousehold(2, "300");
        String head = form.household().members().get(0).idNumber();
        LocalDate asOf = LocalDate.of(2026, 11, 1);
        agencyRecords.insert(new AgencyRecord(head, AgencyRecordKind.VEHICLE, "区公安局交通管理大队", "残疾人专用代步车",
                new BigDecimal("6000.00"), false, true, asOf));
        agencyRecords.insert(new AgencyRecord(head, AgencyRecordKind.REAL_ESTATE, "区不动产登记中心", "自有住房一处",
                null, false, false, asOf));
        DibaoCase dibaoCase = walkToReview(form);
        assertThat(instance(dibaoCase)).variables().containsEntry("monthlyAmount", "740.00")
                .containsEntry("assetsNote", "家庭财产状况符合规定").doesNotContainKey("assetGapFlag");
    }

    @Test
    void aSupportersShareAndTheEmploymentCostDeductionCountInTheIncome() {
        // rural (岳村乡), 2 people: the head is in work (在职) with a wage of 1000.00, less 20 % employment costs
        // (dibao-employment-deduction.dmn) = 800.00 counted; a son outside the household earns 2500.00, of which
        // (2500 − 1500) × 20 % = 200.00 counts (dibao-supporter-contribution.dmn); a daughter earns 1500.00, at
        // the threshold: nothing. Counted 1000.00, per capita 500.00; (520 − 500) × 2 = 40.00
        var base = TestApplications.yuecunHousehold(2, "0");
        var members = List.of(new MemberForm("在职户主", TestApplications.idNumber(true), "HEAD", "EMPLOYED", "NONE",
                List.of(new cn.minzheng.bureau.household.HouseholdForm.IncomeForm("WAGE", "1000"))),
                base.household().members().get(1));
        String son = TestApplications.idNumber(true);
        var withMembers = TestApplications.withMembers(base, members);
        var form = new DibaoApplicationForm(withMembers.household(), "ORDINARY", false, null, null, List.of(
                new cn.minzheng.bureau.dibao.SupporterForm("王大山", son, "MAINTAINS_PARENT", "2500"),
                new cn.minzheng.bureau.dibao.SupporterForm("王小花", TestApplications.idNumber(false), "MAINTAINS_PARENT",
                        "1500.00")));
        DibaoCase dibaoCase = walkToReview(form);
        assertThat(jdbc.sql("select count(*) from dibao_supporter where case_id = ?").param(dibaoCase.id())
                .query(Long.class).single()).isEqualTo(2);
        assertThat(instance(dibaoCase)).variables().containsEntry("perCapitaIncome", "500.00")
                .containsEntry("monthlyAmount", "40.00");
        String snapshot = cases.find(dibaoCase.id()).orElseThrow().calculationSnapshot();
        assertThat(snapshot).contains("\"supporters\":[{\"name\":\"王大山\",\"idNumber\":\"" + son
                        + "\",\"relation\":\"MAINTAINS_PARENT\",\"monthlyIncome\":\"2500.00\",\"threshold\":\"1500.00\","
                        + "\"share\":\"0.2\",\"contribution\":\"200.00\"}")
                .contains("\"contribution\":\"0.00\"")
                .contains("SUPPORTER_CONTRIBUTION").contains("\"monthlyAmount\":\"-200.00\"")
                .contains("\"countedMonthlyIncome\":\"1000.00\"");
    }

    @Test
    void aSupporterWithoutAnIdNumberIsRefusedAndNothingIsWritten() {
        long before = jdbc.sql("select (select count(*) from household) + (select count(*) from dibao_case)"
                + " + (select count(*) from dibao_supporter)").query(Long.class).single();
        var base = TestApplications.yuecunHousehold(1, "300");
        var form = new DibaoApplicationForm(base.household(), "ORDINARY", false, null, null,
                List.of(new cn.minzheng.bureau.dibao.SupporterForm("王大山", " ", "MAINTAINS_PARENT", "2500")));
        assertThatThrownBy(() -> walker.submit(CLERK, form))
                .satisfies(violation("第1位赡养（抚养、扶养）义务人的公民身份号码不能为空"));
        assertThat(jdbc.sql("select (select count(*) from household) + (select count(*) from dibao_case)"
                + " + (select count(*) from dibao_supporter)").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theSurveyNeedsASecondInvestigatorWhoThenCannotReviewTheCase() {
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.yuecunHousehold(2, "300"));
        walker.accept(CLERK, dibaoCase);
        // an investigator list of one: refused in Chinese, nothing written, the task stays
        Map<String, Object> alone = new java.util.HashMap<>();
        alone.put("secondInvestigator", " ");
        assertThatThrownBy(() -> walker.survey(CLERK, dibaoCase, alone))
                .satisfies(violation("入户调查须由至少两名调查人员共同进行：请填写第二调查人姓名"));
        // nor is the surveyor their own second investigator (王丽 is clerk.yuecun)
        assertThatThrownBy(() -> walker.survey(CLERK, dibaoCase, Map.of("secondInvestigator", "王丽")))
                .satisfies(violation("第二调查人不能是您本人"));
        assertThat(jdbc.sql("select count(*) from dibao_survey where case_id = ?").param(dibaoCase.id())
                .query(Long.class).single()).isZero();
        assertThat(instance(dibaoCase)).isWaitingAt(TASK_SURVEY);

        // the township reviewer (李建国, reviewer.yuecun) went along as the second investigator: not the reviewer
        walker.survey(CLERK, dibaoCase, Map.of("secondInvestigator", "李建国"));
        assertThat(jdbc.sql("select second_investigator from dibao_survey where case_id = ?").param(dibaoCase.id())
                .query(String.class).single()).isEqualTo("李建国");
        assertThat((String) engine.getRuntimeService().getVariable(dibaoCase.processInstanceId(), "surveySummary"))
                .endsWith("调查人：王丽（岳村乡经办人）、李建国");
        assertThatThrownBy(() -> walker.reviewByTownship(REVIEWER, dibaoCase, APPROVE, "同意"))
                .satisfies(violation("是本案件入户调查的第二调查人，不能办理乡镇审核"));
        assertThat(instance(dibaoCase)).isWaitingAt(TASK_REVIEW_BY_TOWNSHIP);
        assertThat(jdbc.sql("select count(*) from dibao_decision where case_id = ? and step = ?")
                .params(dibaoCase.id(), TASK_REVIEW_BY_TOWNSHIP).query(Long.class).single()).isZero();
    }

    @Test
    void snapshotKeepsWhatWasDecidedWhenTheHouseholdChangesLater() {
        DibaoCase dibaoCase = walkToReview(TestApplications.yuecunHousehold(2, "400"));
        String snapshot = cases.find(dibaoCase.id()).orElseThrow().calculationSnapshot();
        jdbc.sql("update income_item set monthly_amount = 9999 where member_id in "
                + "(select id from household_member where household_id = ?)").param(dibaoCase.householdId()).update();
        assertThat(cases.find(dibaoCase.id()).orElseThrow().calculationSnapshot()).isEqualTo(snapshot).contains("400.00");
    }

    @Test
    void aRegistrationReturnsTheCaseAsStored() {
        transaction.executeWithoutResult(status -> {
            DibaoCase registered = applications.registration(TestApplications.yuecunHousehold(2, "400"), CLERK, "pi-1")
                    .dibaoCase();
            assertThat(registered).isEqualTo(cases.find(registered.id()).orElseThrow());
            assertThat(registered.processInstanceId()).isEqualTo("pi-1");
            status.setRollbackOnly();
        });
    }

    @Test
    void eachFactIsWrittenOnceAndTheAssessedHouseholdStaysOutOfTheEngine() {
        DibaoCase dibaoCase = walkToReview(TestApplications.yuecunHousehold(2, "400"));
        String instanceId = instance(dibaoCase).getId();
        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName(VAR_ASSESSED_HOUSEHOLD).count()).isZero();
        // the standard table's result is in the decision history, not kept as a variable
        assertThat(engine.getRuntimeService().getVariable(instanceId, VAR_STANDARD_DECISION)).isNull();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName(VAR_STANDARD_DECISION).count()).isZero();
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(instanceId)
                .decisionDefinitionKey("dibao-standard").includeOutputs().singleResult().getOutputs()).extracting(HistoricDecisionOutputInstance::getVariableName)
                .contains("monthlyStandard", "categoryAddition");
        // a null fact is not written at all
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName("relatedStaffUser").count()).isZero();
        for (String name : List.of(VAR_TOWNSHIP_CODE, "caseNumber", "areaType", VAR_CASE_ID)) {
            HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery()
                    .processInstanceId(instanceId).variableName(name).singleResult();
            assertThat(history.createHistoricDetailQuery().variableInstanceId(variable.getId()).count())
                    .as("writes of %s", name).isEqualTo(1);
        }
        // copies of the tables for the forms: at runtime only, never in the engine's history
        for (String name : List.of("perCapitaIncome", "monthlyAmount", "householdSummary", "surveySummary")) {
            assertThat(engine.getRuntimeService().getVariable(instanceId, name)).as(name).isNotNull();
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                    .variableName(name).count()).as(name).isZero();
        }
        assertThat(history.createHistoricDetailQuery().processInstanceId(instanceId).variableUpdates().list())
                .extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName())
                .doesNotContainAnyElementsOf(new DibaoApplicationVariables().copies());
    }

    @Test
    void incompleteApplicationIsReturnedWithWhatIsMissing() {
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.yuecunHousehold(1, "100"));
        instance(dibaoCase);
        walker.complete(CLERK, dibaoCase, TASK_ACCEPT,
                Map.of(VAR_ACCEPT_DECISION, RETURN, VAR_MISSING_DOCUMENTS, "缺少户口簿复印件"));

        assertThat(instance(dibaoCase)).isEnded().hasPassed("Task_ReturnIncomplete", "EndEvent_ReturnedIncomplete");
        DibaoCase returned = cases.find(dibaoCase.id()).orElseThrow();
        assertThat(returned.status()).isEqualTo(CaseStatus.RETURNED);
        assertThat(returned.closingReason()).contains("缺少户口簿复印件");
    }

    @Test
    void returningWithoutSayingWhatIsMissingIsRefused() {
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.yuecunHousehold(1, "100"));
        assertThatThrownBy(() -> walker.complete(CLERK, dibaoCase, TASK_ACCEPT, Map.of(VAR_ACCEPT_DECISION, RETURN)))
                .satisfies(violation("需补正的材料"));
        assertThatThrownBy(() -> walker.complete(CLERK, dibaoCase, TASK_ACCEPT, Map.of()))
                .satisfies(violation("请选择受理决定"));
        assertThat(instance(dibaoCase)).isWaitingAt(TASK_ACCEPT);
        assertThat(cases.decisions(dibaoCase.id())).isEmpty();
    }

    @Test
    void rejectionAtTownshipReviewClosesTheCaseWithTheReasonAndReleasesItsMembers() {
        var form = TestApplications.yuecunHousehold(2, "300");
        DibaoCase dibaoCase = walkToReview(form);
        walker.reviewByTownship(REVIEWER, dibaoCase, REJECT, "家庭有经营性车辆两辆，隐瞒收入");
        assertThat(instance(dibaoCase)).isWaitingAt(TASK_ISSUE_REFUSAL_NOTICE);
        walker.issueRefusalNotice(CLERK, dibaoCase);

        assertThat(instance(dibaoCase)).isEnded().hasPassed("Task_CloseRejected", "EndEvent_Rejected")
                .hasNotPassed(TASK_PUBLIC_NOTICE);
        DibaoCase rejected = cases.find(dibaoCase.id()).orElseThrow();
        assertThat(rejected.status()).isEqualTo(CaseStatus.REJECTED);
        assertThat(rejected.closingReason()).isEqualTo("乡镇（街道）审核未通过：家庭有经营性车辆两辆，隐瞒收入");
        // the same people may apply again once the case is closed
        assertThat(walker.submit(CLERK, form).status()).isEqualTo(CaseStatus.APPLIED);
    }

    @Test
    void rejectingWithoutAReasonIsRefused() {
        DibaoCase dibaoCase = walkToReview(TestApplications.yuecunHousehold(2, "300"));
        assertThatThrownBy(() -> walker.reviewByTownship(REVIEWER, dibaoCase, REJECT, " "))
                .satisfies(violation("理由"));
        assertThat(instance(dibaoCase)).isWaitingAt(TASK_REVIEW_BY_TOWNSHIP);
    }

    @Test
    void rejectionAtDistrictApprovalClosesTheCase() {
        DibaoCase dibaoCase = walkToReview(TestApplications.yuecunHousehold(2, "300"));
        walker.reviewByTownship(REVIEWER, dibaoCase, APPROVE, "同意");
        walker.endNotice(dibaoCase);
        walker.approveByDistrict(APPROVER, dibaoCase, REJECT, "赡养人有赡养能力");
        walker.issueRefusalNotice(CLERK, dibaoCase);

        assertThat(instance(dibaoCase)).isEnded().hasPassed("Gateway_RejectionMerge", "EndEvent_Rejected");
        DibaoCase rejected = cases.find(dibaoCase.id()).orElseThrow();
        assertThat(rejected.status()).isEqualTo(CaseStatus.REJECTED);
        assertThat(rejected.closingReason()).isEqualTo("区民政局审批未通过：赡养人有赡养能力");
    }

    @Test
    void objectionDuringNoticeSendsTheCaseBackToSurveyAndRecalculates() {
        // 2 people, 300 declared => per capita 150, benefit (520-150) x 2 = 740
        DibaoCase dibaoCase = walkToReview(TestApplications.yuecunHousehold(2, "300"));
        walker.reviewByTownship(REVIEWER, dibaoCase, APPROVE, "同意");
        walker.complete(CLERK, dibaoCase, TASK_PUBLIC_NOTICE,
                Map.of("objectionSource", "邻居", "objectionContent", "户主在县城打零工，每月另有收入约400元"));

        ProcessInstance instance = instance(dibaoCase);
        assertThat(instance).isWaitingAt(TASK_SURVEY);
        assertThat(instance).job(TIMER_NOTICE_PERIOD_OVER).isNull();
        assertThat(status(dibaoCase)).isEqualTo(CaseStatus.UNDER_SURVEY);

        // the re-survey finds 400 hidden income: per capita 350, benefit (520-350) x 2 = 340
        walker.survey(CLERK, dibaoCase, Map.of("hiddenIncomeMonthly", 400, "hiddenIncomeNote", "打零工"));
        assertThat(instance).isWaitingAt(TASK_REVIEW_BY_TOWNSHIP);
        assertThat(instance).variables().containsEntry("monthlyAmount", "340.00");
        walker.reviewByTownship(REVIEWER, dibaoCase, APPROVE, "复查后同意");
        walker.endNotice(dibaoCase);
        walker.approveByDistrict(APPROVER, dibaoCase, APPROVE, "同意");
        assertThat(cases.find(dibaoCase.id()).orElseThrow().monthlyAmount()).isEqualByComparingTo("340.00");
    }

    @Test
    void spendingFarAboveDeclaredIncomeIsFlaggedForTheReviewer() {
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.yuecunHousehold(2, "200"));
        walker.accept(CLERK, dibaoCase);
        walker.survey(CLERK, dibaoCase, Map.of("utilitiesMonthlyVerified", 480));
        assertThat((String) engine.getRuntimeService().getVariable(dibaoCase.processInstanceId(), "spendingFlagReason"))
                .contains("480.00").contains("200.00");
    }

    @Test
    void fourEyesTheRegistrarCannotReviewAndTheReviewerCannotApprove() {
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.yuecunHousehold(2, "300"));
        // the registering clerk is made a member of the reviewers too: only the four-eyes rule stands in the way
        engine.getIdentityService().createMembership(CLERK, "reviewer-yuecun");
        try {
            walker.accept(CLERK, dibaoCase);
            walker.survey(CLERK, dibaoCase, Map.of());
            Task review = task(instance(dibaoCase));
            assertThatThrownBy(() -> walker.as(CLERK, () -> {
                engine.getTaskService().claim(review.getId(), CLERK);
                return null;
            })).satisfies(violation("四眼原则"));
            // assigning by someone else reads the same stored facts as the claim
            assertThatThrownBy(() -> engine.getTaskService().setAssignee(review.getId(), CLERK))
                    .satisfies(violation("四眼原则"));
            // Tasklist's submit-form completes without a claim: the complete event refuses too
            assertThatThrownBy(() -> walker.as(CLERK, () -> {
                engine.getTaskService().complete(review.getId(), Map.of(VAR_REVIEW_DECISION, APPROVE));
                return null;
            })).satisfies(violation("四眼原则"));
            assertThat(instance(dibaoCase)).isWaitingAt(TASK_REVIEW_BY_TOWNSHIP);
        } finally {
            engine.getIdentityService().deleteMembership(CLERK, "reviewer-yuecun");
        }

        engine.getIdentityService().createMembership(REVIEWER, "district-approver");
        try {
            walker.reviewByTownship(REVIEWER, dibaoCase, APPROVE, "同意");
            walker.endNotice(dibaoCase);
            assertThatThrownBy(() -> walker.approveByDistrict(REVIEWER, dibaoCase, APPROVE, "同意"))
                    .satisfies(violation("已作出本案件的乡镇审核"));
            assertThat(instance(dibaoCase)).isWaitingAt(TASK_APPROVE_BY_DISTRICT);
        } finally {
            engine.getIdentityService().deleteMembership(REVIEWER, "district-approver");
        }
    }

    @Test
    void fourEyesOnClaimSeesAFactSetEarlierInTheSameTransaction() {
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.yuecunHousehold(2, "300"));
        walker.accept(CLERK, dibaoCase);
        walker.survey(CLERK, dibaoCase, Map.of());
        Task review = task(instance(dibaoCase));
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // the recusal is recorded and the task claimed in one transaction: the fact is not in the database yet
        assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
            engine.getRuntimeService().setVariable(dibaoCase.processInstanceId(), "relatedStaffUser", REVIEWER);
            engine.getTaskService().claim(review.getId(), REVIEWER);
            return null;
        })).satisfies(violation("回避"));
        assertThat(task(instance(dibaoCase)).getAssignee()).isNull();
    }

    @Test
    void aRelatedStaffMemberIsRecusedAndTheDistrictMakesTheHomeVisit() {
        var form = TestApplications.relatedTo(TestApplications.yuecunHousehold(2, "300"), "李建国", REVIEWER);
        DibaoCase dibaoCase = walker.submit(CLERK, form);
        assertThat(dibaoCase.relatedToStaff()).isTrue();
        walker.accept(CLERK, dibaoCase);
        // 备案 case: the district's survey team visits the home, not the township
        Task survey = task(instance(dibaoCase));
        assertThat(survey.getTaskDefinitionKey()).isEqualTo("Task_SurveyHousehold");
        assertThat(engine.getTaskService().getIdentityLinksForTask(survey.getId())).filteredOn(l -> l.getGroupId() != null)
                .extracting(l -> l.getGroupId()).containsExactly("survey-team-lead");
        assertThat(engine.getTaskService().createTaskQuery().taskId(survey.getId()).taskCandidateGroup("clerk-yuecun").count()).isZero();
        assertThatThrownBy(() -> walker.survey(DISTRICT_SURVEYOR, dibaoCase, Map.of("homeVisitDone", false)))
                .satisfies(violation("必须入户"));
        walker.survey(DISTRICT_SURVEYOR, dibaoCase, Map.of());
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(survey.getId()).singleResult()
                .getAssignee()).isEqualTo(DISTRICT_SURVEYOR);
        assertThatThrownBy(() -> walker.reviewByTownship(REVIEWER, dibaoCase, APPROVE, "同意"))
                .satisfies(violation("回避"));
    }

    @Test
    void aPersonInAnOpenCaseCannotApplyAgain() {
        var form = TestApplications.yuecunHousehold(2, "300");
        walker.submit(CLERK, form);
        var other = TestApplications.yuecunHousehold(1, "100");
        var reusingMember = TestApplications.withMembers(other,
                List.of(other.household().members().get(0), form.household().members().get(1)));
        long households = households();
        assertThatThrownBy(() -> walker.submit(CLERK, reusingMember))
                .satisfies(violation("已在低保案件"));
        assertThat(households()).isEqualTo(households);
    }

    @Test
    void startFormSubmissionRegistersTheApplication() {
        String headId = TestApplications.idNumber(true);
        String childId = TestApplications.idNumber(false);
        var variables = startFormVariables(headId, childId);

        ProcessInstance instance = walker.as(CLERK, () -> engine.getFormService()
                .submitStartForm(definitionId(), variables));

        assertThat(instance).isWaitingAt(TASK_ACCEPT);
        long caseId = ((Number) engine.getRuntimeService().getVariable(instance.getId(), VAR_CASE_ID)).longValue();
        DibaoCase registered = cases.find(caseId).orElseThrow();
        assertThat(instance.getBusinessKey()).isEqualTo(registered.caseNumber());
        assertThat(registered.processInstanceId()).isEqualTo(instance.getId());
        assertThat(instance).variables().containsEntry("householdSize", 2).containsEntry("townshipName", "岳村乡")
                .doesNotContainKey("members").doesNotContainKey("bankAccount");
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "householdSummary"))
                .contains("王大明").contains(headId.substring(0, 6) + "********").doesNotContain(headId);

        // the raw submission (full ID numbers, bank account) never reaches the engine's history, nor do the
        // copies of table data the forms show; the fields the process keeps are ordinary variables
        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
                .extracting(HistoricVariableInstance::getName)
                .contains("townshipCode", "caseCategory", "relatedToStaff", VAR_CASE_ID, "caseNumber")
                .doesNotContainAnyElementsOf(StartFormVariables.NAMES)
                .doesNotContainAnyElementsOf(new DibaoApplicationVariables().copies());
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).list())
                .extracting(detail -> String.valueOf(detail instanceof HistoricVariableUpdate update ? update.getValue()
                        : ((HistoricFormField) detail).getFieldValue()))
                .isNotEmpty()
                .noneMatch(value -> value.contains(headId) || value.contains(childId)
                        || value.contains(String.valueOf(variables.get("bankAccount"))));
    }

    @Test
    void aSubmittedFieldNamedLikeADelegateDoesNotReplaceIt() {
        var variables = startFormVariables(TestApplications.idNumber(true), TestApplications.idNumber(false));
        // under the engine's own order a variable shadows the bean of the same name in ${dibaoApplicationSteps.register(execution)}
        // and ${fourEyes.requireOtherThan(…)}: registration would fail, and the four-eyes check with it
        variables.put("dibaoApplicationSteps", "伪造");
        variables.put("fourEyes", "伪造");

        ProcessInstance instance = walker.as(CLERK, () -> engine.getFormService()
                .submitStartForm(definitionId(), variables));

        assertThat(instance).isWaitingAt(TASK_ACCEPT);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), VAR_CASE_ID)).isNotNull();
        Task accept = task(instance);
        walker.as(CLERK, () -> {
            engine.getTaskService().claim(accept.getId(), CLERK);
            engine.getTaskService().complete(accept.getId(), Map.of(VAR_ACCEPT_DECISION, ACCEPT,
                    VAR_ECONOMIC_CHECK_AUTHORISED, true));
            return null;
        });
        walker.verify(cases.find(((Number) engine.getRuntimeService().getVariable(instance.getId(), VAR_CASE_ID))
                .longValue()).orElseThrow());
        engine.getIdentityService().createMembership(CLERK, "reviewer-yuecun");
        try {
            walker.survey(CLERK, cases.find(((Number) engine.getRuntimeService()
                    .getVariable(instance.getId(), VAR_CASE_ID)).longValue()).orElseThrow(), Map.of());
            Task review = task(instance);
            assertThatThrownBy(() -> walker.as(CLERK, () -> {
                engine.getTaskService().claim(review.getId(), CLERK);
                return null;
            })).satisfies(violation("四眼原则"));
        } finally {
            engine.getIdentityService().deleteMembership(CLERK, "reviewer-yuecun");
        }
    }

    @Test
    void startFormWithAnInvalidIdNumberStartsNothingAndStoresNothing() {
        String valid = TestApplications.idNumber(true);
        String wrongCheckDigit = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        var variables = startFormVariables(wrongCheckDigit, TestApplications.idNumber(false));
        long households = households();
        long instances = engine.getRuntimeService().createProcessInstanceQuery().count();

        assertThatThrownBy(() -> walker.as(CLERK, () -> engine.getFormService().submitStartForm(definitionId(), variables)))
                .satisfies(violation("校验位错误"));

        assertThat(households()).isEqualTo(households);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    // ---- statutory time limits (working days, escalation, extension, written refusal) ----

    /** 2026-02-10 (Tuesday) 10:00 Beijing time: four days before the Spring Festival's 调休 Saturday. */
    private static final ZonedDateTime BEFORE_SPRING_FESTIVAL = ZonedDateTime.of(2026, 2, 10, 10, 0, 0, 0, WorkingCalendar.ZONE);

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void decisionLimitCountsWorkingDaysAcrossTheSpringFestivalAndEscalatesToTheSectionHead() {
        ClockUtil.setCurrentTime(Date.from(BEFORE_SPRING_FESTIVAL.toInstant()));
        DibaoCase dibaoCase = walkToReview(TestApplications.yuecunHousehold(2, "300"));
        ProcessInstance instance = instance(dibaoCase);
        // accepted on 2026-02-10: 30 working days = Feb 11-13, Sat Feb 14 (调休), Feb 24-27, Sat Feb 28 (调休),
        // March 2-27 (20), March 30 -> ends at midnight after 2026-03-30
        assertThat(jobDue(instance, TIMER_PROCEDURE_OVERDUE)).isEqualTo(beijingMidnightAfter(2026, 3, 30));
        walker.reviewByTownship(REVIEWER, dibaoCase, APPROVE, "同意");
        walker.endNotice(dibaoCase);
        assertThat(instance).isWaitingAt(TASK_APPROVE_BY_DISTRICT);

        // notice ended 2026-02-10: Feb 11, 12, 13, Sat 14 (调休上班), [15-23 春节], 24, 25, 26, 27, Sat 28 (调休上班),
        // Mon March 2 = the 10th working day; a plain calendar would end on Feb 24, the holidays ignored
        Date due = beijingMidnightAfter(2026, 3, 2);
        assertThat(jobDue(instance, TIMER_DECISION_OVERDUE)).isEqualTo(due);
        assertThat(task(instance).getDueDate()).isEqualTo(due);
        assertThat(limit(dibaoCase, LimitKind.DECISION).dueAt()).isEqualTo(LocalDateTime.of(2026, 3, 3, 0, 0));
        assertThat(limit(dibaoCase, LimitKind.DECISION).townshipCode()).isEqualTo(dibaoCase.townshipCode());

        // the limit runs out (the test fires the timer rather than wait; the job executor, on the test's clock,
        // does not see it due): the approval stays open, the section head gets a supervision task
        fire(instance, TIMER_DECISION_OVERDUE);
        assertThat(instance).isWaitingAt(TASK_APPROVE_BY_DISTRICT)
                .hasPassed("Task_RequestDecisionSupervision", "EndEvent_DecisionSupervisionRequested");
        assertThat(limit(dibaoCase, LimitKind.DECISION).overrunAt()).isNotNull();
        ProcessInstance supervision = supervision(dibaoCase);
        assertThat(supervision).isWaitingAt(SupervisionProcess.TASK_SUPERVISE);
        assertThat(task(supervision)).hasCandidateGroup(Groups.DIBAO_HEAD);
        assertThat(supervision).variables().containsEntry("limitDueAt", "2026-03-03 00:00")
                .containsEntry("caseNumber", dibaoCase.caseNumber());
        assertThat(auditActions(dibaoCase)).contains("TIME_LIMIT_OVERRUN");

        assertThatThrownBy(() -> walker.as(HEAD, () -> {
            engine.getTaskService().complete(task(supervision).getId(), Map.of("supervisionComment", " "));
            return null;
        })).satisfies(violation("督办意见"));
        walker.as(HEAD, () -> {
            engine.getTaskService().complete(task(supervision).getId(), Map.of("supervisionComment", "请于两日内审批完毕"));
            return null;
        });
        assertThat(supervision).isEnded().hasPassed("EndEvent_Supervised");
        assertThat(limit(dibaoCase, LimitKind.DECISION).supervisedBy()).isEqualTo(HEAD);

        walker.approveByDistrict(APPROVER, dibaoCase, APPROVE, "同意");
        assertThat(instance).isEnded().hasPassed("EndEvent_ProcedureApproved", "Gateway_ProcedureOutcome", "EndEvent_CaseApproved");
        assertThat(limit(dibaoCase, LimitKind.DECISION).metAt()).isNotNull();
        assertThat(limit(dibaoCase, LimitKind.PROCEDURE).metAt()).isNotNull();
    }

    @Test
    void procedureIsExtendedOnceWithAReasonAndEscalatesWhenTheExtendedLimitRunsOut() {
        ClockUtil.setCurrentTime(Date.from(BEFORE_SPRING_FESTIVAL.toInstant()));
        DibaoCase dibaoCase = walkToReview(TestApplications.yuecunHousehold(2, "300"));
        ProcessInstance instance = instance(dibaoCase);

        assertThatThrownBy(() -> walker.as(CLERK, () -> deadlines.extendProcedure(dibaoCase.id(), "案情复杂")))
                .satisfies(violation("只有区民政局审批人或低保科负责人"));
        assertThatThrownBy(() -> walker.as(APPROVER, () -> deadlines.extendProcedure(dibaoCase.id(), "  ")))
                .satisfies(violation("请填写延长办理期限的理由"));

        TimeLimit extended = walker.as(APPROVER, () -> deadlines.extendProcedure(dibaoCase.id(), "申请人外出务工，需异地核查收入"));
        // 45 working days from 2026-02-10: the 30th is March 30, then March 31, April 1-3, [4-6 清明], April 7-10,
        // April 13-17, April 20 and 21
        Date due = beijingMidnightAfter(2026, 4, 21);
        assertThat(jobDue(instance, TIMER_PROCEDURE_OVERDUE)).isEqualTo(due);
        assertThat(extended.workingDays()).isEqualTo(45);
        assertThat(extended.extendedBy()).isEqualTo(APPROVER);
        assertThat(extended.extensionReason()).isEqualTo("申请人外出务工，需异地核查收入");
        assertThat(extended.extendedAt()).isEqualTo(LocalDateTime.of(2026, 2, 10, 10, 0));
        assertThat(auditActions(dibaoCase)).contains("TIME_LIMIT_EXTENDED");

        assertThatThrownBy(() -> walker.as(HEAD, () -> deadlines.extendProcedure(dibaoCase.id(), "再延长一次")))
                .satisfies(violation("只能延长一次"));

        fire(instance, TIMER_PROCEDURE_OVERDUE);
        assertThat(instance).isWaitingAt(TASK_REVIEW_BY_TOWNSHIP)
                .hasPassed("Task_RequestProcedureSupervision", "EndEvent_ProcedureSupervisionRequested");
        ProcessInstance supervision = supervision(dibaoCase);
        assertThat(task(supervision)).hasCandidateGroup(Groups.DIBAO_HEAD);
        assertThat((String) engine.getRuntimeService().getVariable(supervision.getId(), "limitName")).contains("45个工作日");
        assertThatThrownBy(() -> walker.as(APPROVER, () -> deadlines.extendProcedure(dibaoCase.id(), "案情复杂")))
                .satisfies(violation("只能延长一次"));

        engine.getRuntimeService().deleteProcessInstance(supervision.getId(), "test done");
        engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test done");
    }

    @Test
    void extensionAfterTheLimitRanOutIsRefused() {
        DibaoCase dibaoCase = walkToReview(TestApplications.yuecunHousehold(1, "100"));
        fire(instance(dibaoCase), TIMER_PROCEDURE_OVERDUE);
        assertThatThrownBy(() -> walker.as(APPROVER, () -> deadlines.extendProcedure(dibaoCase.id(), "案情复杂")))
                .satisfies(violation("延长须在期限届满前决定"));
        engine.getRuntimeService().deleteProcessInstance(supervision(dibaoCase).getId(), "test done");
        engine.getRuntimeService().deleteProcessInstance(dibaoCase.processInstanceId(), "test done");
    }

    @Test
    void writtenRefusalIsDueInThreeWorkingDaysAndItsOverrunGoesToTheDistrictApprover() {
        // a rejection on Thursday 2026-02-12: Feb 13, Sat Feb 14 (调休上班), [春节], Tue Feb 24
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 2, 12, 15, 30, 0, 0, WorkingCalendar.ZONE).toInstant()));
        DibaoCase dibaoCase = walkToReview(TestApplications.yuecunHousehold(2, "300"));
        walker.reviewByTownship(REVIEWER, dibaoCase, REJECT, "家庭有经营性车辆两辆");
        ProcessInstance instance = instance(dibaoCase);
        assertThat(instance).isWaitingAt(TASK_ISSUE_REFUSAL_NOTICE).hasPassed("EndEvent_ProcedureRejected", "Task_CloseRejected");
        assertThat(task(instance)).hasCandidateGroup("clerk-yuecun");
        assertThat(instance).variables().containsEntry(VAR_REJECTION_REASON, "乡镇（街道）审核未通过：家庭有经营性车辆两辆");
        Date due = beijingMidnightAfter(2026, 2, 24);
        assertThat(jobDue(instance, TIMER_REFUSAL_NOTICE_OVERDUE)).isEqualTo(due);
        assertThat(status(dibaoCase)).isEqualTo(CaseStatus.REJECTED);

        fire(instance, TIMER_REFUSAL_NOTICE_OVERDUE);
        assertThat(instance).hasPassed("Task_RequestRefusalSupervision", "EndEvent_RefusalSupervisionRequested")
                .isWaitingAt(TASK_ISSUE_REFUSAL_NOTICE);
        ProcessInstance supervision = supervision(dibaoCase);
        assertThat(task(supervision)).hasCandidateGroup(Groups.DISTRICT_APPROVER);

        assertThatThrownBy(() -> walker.complete(CLERK, dibaoCase, TASK_ISSUE_REFUSAL_NOTICE, Map.of("deliveredTo", "本人")))
                .satisfies(violation("请选择送达方式"));
        assertThatThrownBy(() -> walker.complete(CLERK, dibaoCase, TASK_ISSUE_REFUSAL_NOTICE,
                Map.of("deliveryMethod", "POST", "deliveredTo", " "))).satisfies(violation("签收人"));
        walker.complete(CLERK, dibaoCase, TASK_ISSUE_REFUSAL_NOTICE,
                Map.of("deliveryMethod", "POST", "deliveredTo", "王建设", "deliveryNote", "EMS 1234567890"));
        assertThat(instance).isEnded().hasPassed("EndEvent_Rejected");
        assertThat(limit(dibaoCase, LimitKind.REFUSAL_NOTICE).metAt()).isNotNull();
        assertThat(auditActions(dibaoCase)).contains("REFUSAL_NOTICE_DELIVERED");
        engine.getRuntimeService().deleteProcessInstance(supervision.getId(), "test done");
    }

    @Test
    void aSurveyNotStartedWithinThreeWorkingDaysOfAcceptanceGoesToTheSectionHead() {
        ClockUtil.setCurrentTime(Date.from(BEFORE_SPRING_FESTIVAL.toInstant()));
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.yuecunHousehold(2, "300"));
        ProcessInstance instance = instance(dibaoCase);
        walker.accept(CLERK, dibaoCase);
        assertThat(instance).isWaitingAt(TASK_SURVEY);
        // accepted Tuesday 2026-02-10: Feb 11, 12, 13 -> ends at midnight after Friday 2026-02-13
        assertThat(jobDue(instance, TIMER_SURVEY_START_OVERDUE)).isEqualTo(beijingMidnightAfter(2026, 2, 13));
        assertThat(limit(dibaoCase, LimitKind.SURVEY_START).dueAt()).isEqualTo(LocalDateTime.of(2026, 2, 14, 0, 0));
        assertThat(limit(dibaoCase, LimitKind.SURVEY_START).metAt()).isNull();

        // nobody took the survey on: the section head supervises, the survey stays open
        fire(instance, TIMER_SURVEY_START_OVERDUE);
        assertThat(instance).isWaitingAt(TASK_SURVEY).hasPassed("Gateway_SurveyStarted",
                "Task_RequestSurveyStartSupervision", "EndEvent_SurveyStartSupervisionRequested");
        assertThat(limit(dibaoCase, LimitKind.SURVEY_START).overrunAt()).isNotNull();
        ProcessInstance supervision = supervision(dibaoCase);
        assertThat(task(supervision)).hasCandidateGroup(Groups.DIBAO_HEAD);
        assertThat(supervision).variables().containsEntry("limitName", "开始入户调查（受理后3个工作日内），3个工作日")
                .containsEntry("limitDueAt", "2026-02-14 00:00");

        // the late survey still meets the limit when it is done
        walker.survey(CLERK, dibaoCase, Map.of());
        assertThat(limit(dibaoCase, LimitKind.SURVEY_START).metAt()).isNotNull();
        engine.getRuntimeService().deleteProcessInstance(supervision.getId(), "test done");
        engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test done");
    }

    @Test
    void aSurveyClaimedInTimeMeetsTheLimitAndNobodyIsTold() {
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.yuecunHousehold(2, "300"));
        ProcessInstance instance = instance(dibaoCase);
        walker.accept(CLERK, dibaoCase);
        walker.as(CLERK, () -> {
            engine.getTaskService().claim(task(instance).getId(), CLERK);
            return null;
        });
        assertThat(limit(dibaoCase, LimitKind.SURVEY_START).metAt()).isNotNull();

        fire(instance, TIMER_SURVEY_START_OVERDUE);
        assertThat(instance).isWaitingAt(TASK_SURVEY).hasPassed("EndEvent_SurveyStartedInTime")
                .hasNotPassed("Task_RequestSurveyStartSupervision");
        assertThat(limit(dibaoCase, LimitKind.SURVEY_START).overrunAt()).isNull();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SupervisionProcess.KEY)
                .processInstanceBusinessKey(dibaoCase.caseNumber()).count()).isZero();
        engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test done");
    }

    private Date jobDue(ProcessInstance instance, String timerId) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(timerId).singleResult();
        assertThat(job).as("timer %s", timerId).isNotNull();
        return job.getDuedate();
    }

    private void fire(ProcessInstance instance, String timerId) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(timerId).singleResult();
        engine.getManagementService().executeJob(job.getId());
    }

    private static Date beijingMidnightAfter(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant());
    }

    private TimeLimit limit(DibaoCase dibaoCase, LimitKind kind) {
        return timeLimits.forCase(dibaoCase.id()).stream().filter(l -> l.kind() == kind).reduce((a, b) -> b).orElseThrow();
    }

    private ProcessInstance supervision(DibaoCase dibaoCase) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SupervisionProcess.KEY)
                .processInstanceBusinessKey(dibaoCase.caseNumber()).active().list().stream().reduce((a, b) -> b).orElseThrow();
    }

    private List<String> auditActions(DibaoCase dibaoCase) {
        return jdbc.sql("select action from audit_event where case_id = ? order by id").param(dibaoCase.id())
                .query(String.class).list();
    }

    private Map<String, Object> startFormVariables(String headId, String childId) {
        String members = """
                [{"name":"王大明","idNumber":"%s","relation":"HEAD","employmentStatus":"FLEXIBLE",
                  "disabilityLevel":"NONE","wageIncome":500,"exemptIncome":80.5},
                 {"name":"王小红","idNumber":"%s","relation":"CHILD","employmentStatus":"STUDENT",
                  "disabilityLevel":"NONE"}]""".formatted(headId, childId);
        return Variables.createVariables()
                .putValue("townshipCode", "yuecun").putValue("communityCode", "yuecun-dongyue")
                .putValue("address", "东岳村9号").putValue("caseCategory", "ORDINARY")
                .putValue("bankName", "中国农业银行").putValue("bankAccount", "622848001234567890")
                .putValue("waterMonthly", 20).putValue("electricityMonthly", 45.5).putValue("gasMonthly", null)
                .putValue("relatedToStaff", false)
                .putValueTyped("members", SpinValues.jsonValue(members).create());
    }

    /** A refusal the user reads: a RuleViolation with this text, wherever the engine wrapped it. */

    private DibaoCase walkToReview(DibaoApplicationForm form) {
        DibaoCase dibaoCase = walker.submit(CLERK, form);
        instance(dibaoCase);
        walker.accept(CLERK, dibaoCase);
        walker.survey(CLERK, dibaoCase, Map.of());
        return dibaoCase;
    }

    private String definitionId() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
    }

    /** The case's process instance; assertions look it up by id, so it serves after the instance ended too. */
    private ProcessInstance instance(DibaoCase dibaoCase) {
        return instances.computeIfAbsent(dibaoCase.processInstanceId(), id -> engine.getRuntimeService()
                .createProcessInstanceQuery().processInstanceId(id).singleResult());
    }

    private CaseStatus status(DibaoCase dibaoCase) {
        return cases.find(dibaoCase.id()).orElseThrow().status();
    }

    private long households() {
        return jdbc.sql("select count(*) from household").query(Long.class).single();
    }
}

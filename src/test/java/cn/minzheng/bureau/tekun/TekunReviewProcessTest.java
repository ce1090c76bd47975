package cn.minzheng.bureau.tekun;

import static cn.minzheng.bureau.support.RuleViolations.violation;
import static cn.minzheng.bureau.tekun.TekunReviewProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Year;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.support.ProcessTest;
import cn.minzheng.bureau.support.UserTasks;

/**
 * Every path of 特困人员年度复核 (tekun-annual-review and the per-person tekun-reassessment): the yearly timer lists
 * everyone supported once, continued with a new amount paid from next month or with the same amount, an end returned
 * by the district and then approved, a case ended meanwhile, a year listed again listing nobody; the bad input of each
 * form, refused in Chinese with nothing written.
 */
@ProcessTest
class TekunReviewProcessTest {

    private static final String CLERK = "clerk.yuecun";
    private static final String APPROVER = "approver";

    @Autowired
    ProcessEngine engine;
    @Autowired
    UserTasks userTasks;
    @Autowired
    DibaoWalker walker;
    @Autowired
    TekunCaseRepository cases;
    @Autowired
    TekunService tekun;
    @Autowired
    TekunAmounts amounts;
    @Autowired
    TekunReviewRepository reviews;
    @Autowired
    TekunReviewAmounts amountsInForce;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        // the campaign lists every supported person: only this test's people are supported
        cases.list(null).stream().filter(c -> c.status() == TekunStatus.ACTIVE)
                .forEach(c -> cases.close(c.id(), TekunStatus.ENDED, "测试前结束", "test"));
    }

    @Test
    void theYearlyTimerListsEveryoneOnceAndANewAmountIsPaidFromNextMonth() {
        TekunCase home = active("孙一伯", 78, SelfCareLevel.FULL_SELF_CARE,
                new TekunEligibility.CareArrangement(CareMode.DISPERSED, null, "王大妹", "YC-2025-001"));
        TekunCase institution = active("孙二伯", 70, SelfCareLevel.PARTIAL_CARE,
                new TekunEligibility.CareArrangement(CareMode.CENTRALISED, "岳村乡敬老院", null, null));
        // rural 岳村乡: 680 + 180 = 860, 680 + 540 = 1220
        assertThat(home.monthlyAmount()).isEqualByComparingTo("860.00");
        assertThat(institution.monthlyAmount()).isEqualByComparingTo("1220.00");

        Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(KEY).timers().singleResult();
        engine.getManagementService().executeJob(timer.getId());
        ProcessInstance campaign = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .active().list().stream().filter(p -> !p.isEnded()).findFirst().orElseThrow();
        assertThat(campaign).isWaitingAt(CALL_REASSESS).hasPassed(START_YEARLY, TASK_LIST);
        int year = Year.now().getValue();
        assertThat(reviews.listedBy(campaign.getId())).hasSize(2);

        ProcessInstance first = person(home, year);
        assertThat(first).hasPassed(TASK_OPEN).isWaitingAt(TASK_REASSESS).task().hasCandidateGroup("clerk-yuecun");
        assertThat(variable(first, "caseSummary")).isEqualTo(year + "年度复核。" + tekun.summary(home));
        assertThat(variable(first, "amountSummary")).isEqualTo("现全自理；基本生活标准680.00元 + 照料护理标准180.00元 = 每月860.00元");
        assertThat(variable(first, "registerCheck")).isEqualTo("户籍和收入信息核对：仍符合无劳动能力、无生活来源的条件");
        assertThat(variable(first, "carerName")).isEqualTo("王大妹");

        // bad answers: Chinese refusals, the task stays, nothing written
        assertThatThrownBy(() -> reassess(first, Map.of("reviewFinding", "入户核实"))).satisfies(violation("请选择复核结论"));
        Map<String, Object> unticked = continuing("FULL_CARE", "李二妹", "YC-2026-009");
        unticked.put("stillNoIncome", false);
        assertThatThrownBy(() -> reassess(first, unticked)).satisfies(violation("继续供养须确认仍无劳动能力"));
        Map<String, Object> noLevel = continuing(null, "李二妹", "YC-2026-009");
        assertThatThrownBy(() -> reassess(first, noLevel)).satisfies(violation("请重新评估生活自理能力"));
        Map<String, Object> noCarer = continuing("FULL_CARE", null, "YC-2026-009");
        assertThatThrownBy(() -> reassess(first, noCarer)).satisfies(violation("照料人姓名不能为空"));
        assertThatThrownBy(() -> reassess(first, Map.of("outcome", END, "endReason", "DEATH", "reviewFinding", "已病故")))
                .satisfies(violation("请办理死亡登记"));
        assertThat(reviews.ofYear(year, "yuecun")).allSatisfy(r -> assertThat(r.outcome()).isNull());

        // 全自理 → 全护理, a new carer: 680 + 1080 = 1760 from next month
        reassess(first, continuing("FULL_CARE", "李二妹", "YC-2026-009"));
        assertThat(first).isEnded().hasPassed(TASK_CONTINUE, END_CONTINUED);
        TekunCase reassessed = cases.find(home.id()).orElseThrow();
        assertThat(reassessed.selfCareLevel()).isEqualTo(SelfCareLevel.FULL_CARE);
        assertThat(reassessed.carerName()).isEqualTo("李二妹");
        assertThat(reassessed.careAgreement()).isEqualTo("YC-2026-009");
        assertThat(reassessed.monthlyAmount()).isEqualByComparingTo("1760.00");
        assertThat(reassessed.calculationSnapshot()).contains("\"selfCareLevel\":\"FULL_CARE\"", "\"monthlyAmount\":1760.00");
        String thisMonth = YearMonth.now().toString();
        String nextMonth = YearMonth.now().plusMonths(1).toString();
        TekunReview reviewed = reviews.ofYear(year, "yuecun").stream().filter(r -> r.tekunCaseId() == home.id()).findFirst().orElseThrow();
        assertThat(reviewed.status()).isEqualTo(TekunReview.CONTINUED);
        assertThat(reviewed.reviewedBy()).isEqualTo(CLERK);
        assertThat(reviewed.oldAmount()).isEqualByComparingTo("860.00");
        assertThat(reviewed.newAmount()).isEqualByComparingTo("1760.00");
        assertThat(reviewed.effectiveMonth()).isEqualTo(nextMonth);
        Enrolment enrolment = enrolment(home);
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(enrolments.history(enrolment.id())).last().satisfies(h -> {
            assertThat(h.status()).isEqualTo(EnrolmentStatus.ACTIVE);
            assertThat(h.changedBy()).isEqualTo(CLERK);
            assertThat(h.reason()).isEqualTo(year + "年度复核：继续供养，全护理，自" + nextMonth + "起每月1760.00元（原860.00元）");
        });
        // the payroll of this month pays the amount before, from next month the new one, each with its calculation
        amountsInForce.update(thisMonth);
        assertThat(enrolment(home).amount()).isEqualByComparingTo("860.00");
        assertThat(enrolment(home).calculationSnapshot()).isEqualTo(home.calculationSnapshot());
        amountsInForce.update(nextMonth);
        assertThat(enrolment(home).amount()).isEqualByComparingTo("1760.00");
        assertThat(enrolment(home).calculationSnapshot()).isEqualTo(reassessed.calculationSnapshot());

        // the same level and institution: the amount stays
        ProcessInstance second = person(institution, year);
        Map<String, Object> same = continuing("PARTIAL_CARE", null, null);
        same.put("careMode", "CENTRALISED");
        same.put("careInstitution", "岳村乡敬老院");
        reassess(second, same);
        TekunReview unchanged = reviews.ofYear(year, "yuecun").stream().filter(r -> r.tekunCaseId() == institution.id()).findFirst().orElseThrow();
        assertThat(unchanged.newAmount()).isNull();
        assertThat(enrolments.history(enrolment(institution).id())).last()
                .satisfies(h -> assertThat(h.reason()).isEqualTo(year + "年度复核：继续供养，半护理，每月1220.00元不变"));
        assertThat(enrolment(institution).amount()).isEqualByComparingTo("1220.00");
        assertThat(campaign).isEnded().hasPassed(END_DONE);

        // the year listed again lists nobody
        ProcessInstance again = walker.as(APPROVER, () -> engine.getRuntimeService()
                .startProcessInstanceByMessage(MESSAGE_START, Map.of(REVIEW_YEAR.name(), year)));
        assertThat(again).isEnded().hasPassed(START_MANUAL, END_NOBODY).hasNotPassed(CALL_REASSESS);
        assertThat(jdbc.sql("select count(*) from tekun_review where tekun_case_id = ? and review_year = ?")
                .params(home.id(), year).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEndIsReturnedByTheDistrictThenApprovedByAnotherThanTheClerk() {
        TekunCase c = active("孙三叔", 66, SelfCareLevel.FULL_SELF_CARE,
                new TekunEligibility.CareArrangement(CareMode.DISPERSED, null, "王大妹", "YC-2025-002"));
        int year = 2040;
        ProcessInstance campaign = start(year);
        ProcessInstance instance = person(c, year);

        assertThatThrownBy(() -> reassess(instance, Map.of("outcome", END, "reviewFinding", "其子返乡")))
                .satisfies(violation("终止供养须选择终止原因"));
        reassess(instance, Map.of("outcome", END, "endReason", "SUPPORTER", "reviewFinding", "其子返乡务工，有赡养能力"));
        assertThat(instance).isWaitingAt(TASK_APPROVE_END).task().hasCandidateGroup("district-approver");
        assertThat(variable(instance, "outcomeSummary")).isEqualTo("乡镇（街道）提出终止供养：有了赡养、抚养、扶养义务人或其恢复赡养、抚养、扶养能力。复核情况：其子返乡务工，有赡养能力");
        // four-eyes: whoever re-assessed cannot approve the end
        engine.getRuntimeService().setVariable(instance.getId(), REVIEWED_BY.name(), APPROVER);
        assertThatThrownBy(() -> decide(instance, Map.of("districtDecision", APPROVE))).satisfies(violation("陈立新"));
        engine.getRuntimeService().setVariable(instance.getId(), REVIEWED_BY.name(), CLERK);
        assertThatThrownBy(() -> decide(instance, Map.of("districtDecision", RETURN))).satisfies(violation("退回理由不能为空"));
        assertThatThrownBy(() -> decide(instance, Map.of("districtDecision", "MAYBE"))).satisfies(violation("请选择核准意见"));
        decide(instance, Map.of("districtDecision", RETURN, "districtComment", "请核实其子收入"));
        assertThat(instance).isWaitingAt(TASK_REASSESS);
        assertThat(variable(instance, "districtComment")).isEqualTo("请核实其子收入");
        assertThat(cases.find(c.id()).orElseThrow().status()).isEqualTo(TekunStatus.ACTIVE);

        reassess(instance, Map.of("outcome", END, "endReason", "LEFT_AREA", "reviewFinding", "随子迁往外省居住"));
        decide(instance, Map.of("districtDecision", APPROVE, "districtComment", "同意"));
        assertThat(instance).isEnded().hasPassed(TASK_END, END_ENDED);
        TekunCase ended = cases.find(c.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(TekunStatus.ENDED);
        assertThat(ended.closingReason()).isEqualTo(year + "年度复核：迁出本区：随子迁往外省居住（区民政局核准）");
        assertThat(enrolment(c).status()).isEqualTo(EnrolmentStatus.ENDED);
        assertThat(enrolment(c).endMonth()).isEqualTo(YearMonth.now().toString());
        TekunReview review = reviews.ofYear(year, null).get(0);
        assertThat(review.status()).isEqualTo(TekunReview.ENDED);
        assertThat(review.decidedBy()).isEqualTo(APPROVER);
        assertThat(review.districtDecision()).isEqualTo(APPROVE);
        assertThat(campaign).isEnded();
    }

    @Test
    void aCaseEndedMeanwhileClosesItsReviewWhereverItWaits() {
        TekunCase atTownship = active("孙四婶", 75, SelfCareLevel.FULL_SELF_CARE,
                new TekunEligibility.CareArrangement(CareMode.CENTRALISED, "岳村乡敬老院", null, null));
        TekunCase atDistrict = active("孙五婶", 76, SelfCareLevel.FULL_SELF_CARE,
                new TekunEligibility.CareArrangement(CareMode.CENTRALISED, "岳村乡敬老院", null, null));
        int year = 2041;
        ProcessInstance campaign = start(year);
        ProcessInstance first = person(atTownship, year);
        ProcessInstance second = person(atDistrict, year);
        reassess(second, Map.of("outcome", END, "endReason", "INCOME", "reviewFinding", "领取养老金"));

        walker.as(CLERK, () -> tekun.end(atTownship.id(), "LEFT_AREA", "迁往外区", null, CLERK));
        walker.as(CLERK, () -> tekun.end(atDistrict.id(), "INCOME", "领取养老金", null, CLERK));
        reassess(first, continuing("FULL_CARE", null, null));
        assertThat(first).isEnded().hasPassed(END_CASE_CLOSED).hasNotPassed(TASK_CONTINUE);
        decide(second, Map.of("districtDecision", APPROVE));
        assertThat(second).isEnded().hasPassed(TASK_END);
        assertThat(reviews.ofYear(year, null)).extracting(TekunReview::status)
                .containsExactly(TekunReview.CASE_CLOSED, TekunReview.CASE_CLOSED);
        assertThat(cases.find(atTownship.id()).orElseThrow().closingReason()).isEqualTo("迁出本区：迁往外区");
        assertThat(campaign).isEnded();
    }

    private TekunCase active(String name, int age, SelfCareLevel level, TekunEligibility.CareArrangement care) {
        String id = TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", name, age, "RETIRED", "NONE", null);
        long household = jdbc.sql("select household_id from household_member where id_number = ?").param(id)
                .query(Long.class).single();
        TekunCase c = cases.insert(new TekunCaseRepository.NewCase(household, "yuecun", id, name, QualifyingCondition.ELDERLY,
                SupporterSituation.NONE, null, false, care), null, CLERK);
        TekunAmounts.Amounts a = amounts.amounts(AreaType.RURAL, level);
        cases.saveAssessment(c.id(), level, "独居", a, tekun.snapshot(a), CLERK);
        return cases.activate(c.id(), "2026-01", APPROVER);
    }

    private ProcessInstance start(int year) {
        ProcessInstance campaign = walker.as(APPROVER, () -> engine.getRuntimeService()
                .startProcessInstanceByMessage(MESSAGE_START, Map.of(REVIEW_YEAR.name(), year)));
        assertThat(campaign).isWaitingAt(CALL_REASSESS);
        return campaign;
    }

    private ProcessInstance person(TekunCase c, int year) {
        List<ProcessInstance> found = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PERSON_KEY)
                .processInstanceBusinessKey(c.caseNumber() + "-FH" + year).list();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> continuing(String level, String carer, String agreement) {
        Map<String, Object> form = new HashMap<>();
        form.put("stillNoWorkAbility", true);
        form.put("stillNoIncome", true);
        form.put("stillNoSupporter", true);
        form.put("outcome", CONTINUE);
        form.put("careMode", "DISPERSED");
        form.put("carerName", carer);
        form.put("careAgreement", agreement);
        form.put("selfCareLevel", level);
        form.put("reviewFinding", "入户核实：仍独居，无收入，无义务人");
        return form;
    }

    private void reassess(ProcessInstance instance, Map<String, Object> form) {
        userTasks.complete(CLERK, instance, TASK_REASSESS, form);
    }

    private void decide(ProcessInstance instance, Map<String, Object> form) {
        userTasks.complete(APPROVER, instance, TASK_APPROVE_END, form);
    }

    private Object variable(ProcessInstance instance, String name) {
        return engine.getRuntimeService().getVariable(instance.getId(), name);
    }

    private Enrolment enrolment(TekunCase c) {
        return enrolments.forProgramCase(Program.TEKUN, c.id()).orElseThrow();
    }
}

package cn.minzheng.bureau.funeral;

import static cn.minzheng.bureau.funeral.FuneralPeople.CLERK;
import static cn.minzheng.bureau.funeral.FuneralPeople.REVIEWER;
import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.funeral.benefits.ClaimStatus;
import cn.minzheng.bureau.funeral.benefits.EcoBurialProcess;
import cn.minzheng.bureau.funeral.benefits.EcoBurialReward;
import cn.minzheng.bureau.funeral.benefits.FeeClaim;
import cn.minzheng.bureau.funeral.benefits.FeeSettlementProcess;
import cn.minzheng.bureau.funeral.benefits.FeeWaiverProcess;
import cn.minzheng.bureau.funeral.benefits.FuneralBenefitsRepository;
import cn.minzheng.bureau.funeral.benefits.FuneralBenefitsService;
import cn.minzheng.bureau.funeral.benefits.RewardStatus;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramCase;
import cn.minzheng.bureau.support.ProcessTest;

/**
 * Every path of funeral-fee-waiver, funeral-fee-settlement and funeral-eco-burial-reward: the funeral home claims the
 * basic fees of an entitled death (each fee waived up to the standard), the township verifies or refuses with its
 * reason, the month is settled once per funeral home; the family's eco-burial reward is granted once and becomes a
 * one-off ECO_BURIAL enrolment, or refused; bad claims and applications are refused in Chinese, nothing written.
 */
@ProcessTest
class FuneralBenefitsProcessTest {

    static final String FUNERAL_HOME = "funeralhome";

    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    HouseholdRepository households;
    @Autowired
    DeathRegistrationRepository deaths;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    FuneralBenefitsRepository benefits;
    @Autowired
    FuneralBenefitsService service;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void clock() {
        EngineClock.reset();
    }

    @Test
    void anEntitledDeathsFeesAreWaivedUpToTheStandardVerifiedAndSettledOnceWithTheFuneralHome() {
        String id = deceased("岳特困", Program.TEKUN, BurialKind.COLUMBARIUM);
        // 500 > 400 → 400; 100; 600; 350 > 300 → 300: 1400.00
        ProcessInstance claim = startClaim(claimForm(id, 500, 100, 600, 350));
        assertThat(claim).isWaitingAt(FeeWaiverProcess.TASK_VERIFY).task().hasCandidateGroup("reviewer-yuecun");
        FeeClaim submitted = claim(claim);
        assertThat(submitted.entitlement()).isEqualTo(Program.TEKUN);
        assertThat(submitted.waivedAmount()).isEqualByComparingTo("1400.00");
        assertThat(submitted.claimNumber()).startsWith("HM-");
        assertThat((String) engine.getTaskService().getVariable(task(claim, FeeWaiverProcess.TASK_VERIFY).getId(), "claimSummary"))
                .contains("减免对象类别：特困供养人员", "中原区殡仪馆", "按标准减免：1400.00元");

        // a second claim of the same death while the first is open: refused, nothing written
        long before = count("funeral_fee_claim");
        assertThatThrownBy(() -> startClaim(claimForm(id, 100, 0, 0, 0))).satisfies(violation("每位死者只减免一次"));
        assertThat(count("funeral_fee_claim")).isEqualTo(before);

        YearMonth month = freeMonth();
        EngineClock.moveTo(month.atDay(20).atTime(10, 0));
        complete(REVIEWER, claim, FeeWaiverProcess.TASK_VERIFY, Map.of("verifyDecision", FeeWaiverProcess.VERIFY));
        EngineClock.reset();
        assertThat(claim).isEnded().hasPassed(FeeWaiverProcess.END_AWAITING_SETTLEMENT).variables()
                .containsEntry("submittedBy", FUNERAL_HOME).containsEntry("verifiedBy", REVIEWER);
        assertThat(claim(claim).status()).isEqualTo(ClaimStatus.VERIFIED);
        assertThat(claim(claim).settlementMonth()).isEqualTo(month.toString());

        ProcessInstance settlement = startSettlement(month.toString());
        assertThat(settlement).isEnded().hasPassed(FeeSettlementProcess.TASK_SETTLE, FeeSettlementProcess.END_SETTLED)
                .variables().containsEntry("settled", "中原区殡仪馆：1笔，1400.00元");
        var settled = benefits.settlements(month.toString());
        assertThat(settled).singleElement().satisfies(s -> {
            assertThat(s.amount()).isEqualByComparingTo("1400.00");
            assertThat(s.bankAccount()).isEqualTo("1702020109000012345");
            assertThat(s.settledBy()).isEqualTo("finance");
        });
        assertThat(claim(claim).status()).isEqualTo(ClaimStatus.SETTLED);
        assertThat(claim(claim).settlementId()).isEqualTo(settled.get(0).id());

        // the month once: refused by the rule, and by the table whatever the code does
        assertThatThrownBy(() -> startSettlement(month.toString())).satisfies(violation("同一月份只结算一次"));
        assertThatThrownBy(() -> jdbc.sql("""
                insert into funeral_settlement (funeral_home_id, settlement_month, claim_count, amount, bank_name,
                    bank_account, settled_at) values (?, ?, 1, 1.00, 'x', 'y', current_timestamp)""")
                .params(settled.get(0).funeralHomeId(), month.toString()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(benefits.settlements(month.toString())).hasSize(1);
        // and a month that has not ended, or with nothing verified, is not settled
        assertThatThrownBy(() -> startSettlement(YearMonth.from(EngineClock.today()).toString()))
                .satisfies(violation("只能结算已结束的月份"));
        assertThatThrownBy(() -> startSettlement(freeMonth().toString())).satisfies(violation("无需结算"));
        assertThatThrownBy(() -> startSettlement("2026/03")).satisfies(violation("格式不正确"));
    }

    @Test
    void aRefusalNeedsItsReasonAndLetsTheFuneralHomeClaimAgain() {
        String id = deceased("岳优抚", Program.YOUFU, BurialKind.CEMETERY);
        ProcessInstance claim = startClaim(claimForm(id, 300, 0, 500, 0));
        assertThat(claim(claim).waivedAmount()).isEqualByComparingTo("800.00");
        assertThat(claim(claim).entitlement()).isEqualTo(Program.YOUFU);
        assertThatThrownBy(() -> complete(REVIEWER, claim, FeeWaiverProcess.TASK_VERIFY,
                Map.of("verifyDecision", FeeWaiverProcess.REFUSE))).satisfies(violation("不予减免须写明理由"));
        assertThatThrownBy(() -> complete(REVIEWER, claim, FeeWaiverProcess.TASK_VERIFY, Map.of()))
                .satisfies(violation("核实结果"));
        complete(REVIEWER, claim, FeeWaiverProcess.TASK_VERIFY,
                Map.of("verifyDecision", FeeWaiverProcess.REFUSE, "verifyComment", "票据号与火化证明不符，请更正后重新申报"));
        assertThat(claim).isEnded().hasPassed(FeeWaiverProcess.END_NOT_VERIFIED);
        assertThat(claim(claim).status()).isEqualTo(ClaimStatus.REFUSED);
        assertThat(startClaim(claimForm(id, 300, 0, 500, 0))).isWaitingAt(FeeWaiverProcess.TASK_VERIFY);
    }

    @Test
    void badClaimsAreRefusedInChineseAndNothingIsWritten() {
        String notEntitled = deceased("岳无项", null, BurialKind.CEMETERY);
        String notCremated = deceasedBuried("岳土葬", Program.TEKUN);
        String alive = FuneralPeople.resident(households, "岳健在", LocalDate.of(1950, 1, 1));
        long before = count("funeral_fee_claim");
        assertThatThrownBy(() -> startClaim(claimForm(notEntitled, 400, 0, 600, 0)))
                .satisfies(violation("不属于惠民殡葬减免对象"));
        assertThatThrownBy(() -> startClaim(claimForm(notCremated, 400, 0, 0, 0))).satisfies(violation("未火化"));
        assertThatThrownBy(() -> startClaim(claimForm(alive, 400, 0, 600, 0))).satisfies(violation("没有死亡登记"));
        String id = deceased("岳错填", Program.TEKUN, BurialKind.CEMETERY);
        assertThatThrownBy(() -> startClaim(claimForm(id, 0, 0, 0, 0))).satisfies(violation("请填写殡仪馆收取的基本殡葬服务费"));
        assertThatThrownBy(() -> startClaim(with(claimForm(id, 400, 0, 0, 0), "cremationFee", "-5")))
                .satisfies(violation("火化费不能为负数"));
        assertThatThrownBy(() -> startClaim(with(claimForm(id, 400, 0, 0, 0), "invoiceNumber", " ")))
                .satisfies(violation("收费票据号"));
        assertThatThrownBy(() -> startClaim(with(claimForm(id, 400, 0, 0, 0), "deceasedIdNumber", "41031319500101001")))
                .satisfies(violation("无效"));
        // only a funeral home's staff claim
        assertThatThrownBy(() -> walker.as(CLERK, () -> service.submitClaim(new FuneralBenefitsService.ClaimForm(id,
                "X1", "400", "0", "0", "0"), List.of("clerk-yuecun"), null, CLERK))).satisfies(violation("只有殡仪馆"));
        assertThat(count("funeral_fee_claim")).isEqualTo(before);
    }

    @Test
    void anEcoBurialIsRewardedOnceToTheFamilyByTheStandardOfItsKind() {
        List<String> family = FuneralPeople.household(households, List.of("岳树葬", "岳孝子"),
                List.of(LocalDate.of(1936, 2, 3), LocalDate.of(1966, 4, 5)));
        LocalDate died = EngineClock.today().minusDays(2);
        confirmDeath(family.get(0), died, true, BurialKind.TREE);
        ProcessInstance reward = startReward(rewardForm(family.get(0), family.get(1), died.plusDays(1)));
        assertThat(reward).isWaitingAt(EcoBurialProcess.TASK_REVIEW).task().hasCandidateGroup("reviewer-yuecun");
        assertThat(reward(reward).amount()).isEqualByComparingTo("1000.00");
        assertThat((String) engine.getTaskService().getVariable(task(reward, EcoBurialProcess.TASK_REVIEW).getId(),
                "rewardSummary")).contains("生态安葬（树葬）", "申请家属：岳孝子", "按标准奖补：1000.00元");
        assertThatThrownBy(() -> complete(REVIEWER, reward, EcoBurialProcess.TASK_REVIEW,
                Map.of("reviewDecision", EcoBurialProcess.REFUSE))).satisfies(violation("不予奖补须写明理由"));
        complete(REVIEWER, reward, EcoBurialProcess.TASK_REVIEW, Map.of("reviewDecision", EcoBurialProcess.GRANT));
        assertThat(reward).isEnded().hasPassed(EcoBurialProcess.TASK_GRANT, EcoBurialProcess.END_GRANTED);
        EcoBurialReward granted = reward(reward);
        assertThat(granted.status()).isEqualTo(RewardStatus.GRANTED);
        Enrolment enrolment = enrolments.find(granted.enrolmentId()).orElseThrow();
        assertThat(enrolment.programCode()).isEqualTo("ECO_BURIAL");
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(enrolment.personIdNumber()).isEqualTo(family.get(1));
        assertThat(enrolment.amount()).isEqualByComparingTo("1000.00");

        long before = count("eco_burial_reward");
        assertThatThrownBy(() -> startReward(rewardForm(family.get(0), family.get(1), died)))
                .satisfies(violation("每位死者只奖补一次"));
        assertThat(count("eco_burial_reward")).isEqualTo(before);
    }

    @Test
    void aRefusedRewardNeedsItsReasonAndBadApplicationsAreRefusedInChinese() {
        List<String> family = FuneralPeople.household(households, List.of("岳海葬", "岳海子"),
                List.of(LocalDate.of(1940, 6, 7), LocalDate.of(1970, 8, 9)));
        LocalDate died = EngineClock.today().minusDays(3);
        confirmDeath(family.get(0), died, true, BurialKind.SEA);
        long before = count("eco_burial_reward");
        assertThatThrownBy(() -> startReward(rewardForm(family.get(0), family.get(1), died.minusDays(1))))
                .satisfies(violation("早于死亡日期"));
        assertThatThrownBy(() -> startReward(rewardForm(family.get(0), family.get(1), EngineClock.today().plusDays(1))))
                .satisfies(violation("晚于今天"));
        assertThatThrownBy(() -> startReward(rewardForm(family.get(0), family.get(0), died))).satisfies(violation("不能是死者本人"));
        assertThatThrownBy(() -> startReward(rewardForm(family.get(0),
                FuneralPeople.unregisteredIdNumber(households, LocalDate.of(1971, 1, 1)), died)))
                .satisfies(violation("不是登记在册的家庭成员"));
        assertThatThrownBy(() -> walker.as("clerk.mengke", () -> service.registerReward(new FuneralBenefitsService.RewardForm(
                family.get(0), family.get(1), died.toString(), "海域"), List.of("clerk-mengke"), null, "clerk.mengke")))
                .satisfies(violation("只能受理本乡镇（街道）"));
        String cemetery = deceased("岳公墓", null, BurialKind.CEMETERY);
        assertThatThrownBy(() -> startReward(rewardForm(cemetery, family.get(1), died))).satisfies(violation("不属于生态安葬"));
        assertThat(count("eco_burial_reward")).isEqualTo(before);

        ProcessInstance reward = startReward(rewardForm(family.get(0), family.get(1), died));
        assertThat(reward(reward).amount()).isEqualByComparingTo("2000.00");
        complete(REVIEWER, reward, EcoBurialProcess.TASK_REVIEW,
                Map.of("reviewDecision", EcoBurialProcess.REFUSE, "reviewComment", "未提供海葬证明"));
        assertThat(reward).isEnded().hasPassed(EcoBurialProcess.END_REFUSED).hasNotPassed(EcoBurialProcess.TASK_GRANT);
        assertThat(reward(reward).status()).isEqualTo(RewardStatus.REFUSED);
        assertThat(reward(reward).enrolmentId()).isNull();
        // a corrected application may follow
        assertThat(startReward(rewardForm(family.get(0), family.get(1), died))).isWaitingAt(EcoBurialProcess.TASK_REVIEW);
    }

    /** A resident of 岳村乡 who died today, confirmed, cremated, in the program (null: none) in the month of death. */
    private String deceased(String name, String programCode, BurialKind burial) {
        String id = FuneralPeople.resident(households, name, LocalDate.of(1940, 3, 3));
        enrol(id, programCode);
        confirmDeath(id, EngineClock.today(), true, burial);
        return id;
    }

    private String deceasedBuried(String name, String programCode) {
        String id = FuneralPeople.resident(households, name, LocalDate.of(1940, 3, 3));
        enrol(id, programCode);
        confirmDeath(id, EngineClock.today(), false, BurialKind.INTERMENT);
        return id;
    }

    /** In a person's program (特困, 优抚) from a year ago, ended this month (as a death ends it). */
    private void enrol(String idNumber, String programCode) {
        if (programCode == null) {
            return;
        }
        var person = deaths.person(idNumber).orElseThrow();
        enrolments.mirror(new ProgramCase(programCode, ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L),
                person.householdId(), idNumber, person.townshipCode(),
                EnrolmentStatus.ENDED, new BigDecimal("500.00"), YearMonth.from(EngineClock.today()).minusYears(1).toString(),
                null), "test", "测试");
    }

    private void confirmDeath(String idNumber, LocalDate died, boolean cremated, BurialKind burial) {
        var person = deaths.person(idNumber).orElseThrow();
        long record = deaths.register(new DeathRegistrationRepository.Registration(idNumber, person, died, "中原区殡仪馆",
                cremated ? DeathSource.FUNERAL_HOME : DeathSource.COMMITTEE, cremated ? "火化证明第0001号" : null, cremated,
                burial), died.getYear(), null, CLERK);
        deaths.confirm(record, REVIEWER, null);
    }

    /** A past month no claim was verified in and nothing was settled for. */
    private YearMonth freeMonth() {
        while (true) {
            YearMonth m = YearMonth.of(ThreadLocalRandom.current().nextInt(2001, 2021), ThreadLocalRandom.current().nextInt(1, 13));
            if (benefits.settlements(m.toString()).isEmpty() && benefits.unsettled(m.toString()).isEmpty()) {
                return m;
            }
        }
    }

    static Map<String, Object> claimForm(String idNumber, long transport, long storage, long cremation, long ash) {
        Map<String, Object> form = new HashMap<>();
        form.put("deceasedIdNumber", idNumber);
        form.put("invoiceNumber", "豫殡票2026-" + ThreadLocalRandom.current().nextInt(100000));
        form.put("transportFee", transport);
        form.put("storageFee", storage);
        form.put("cremationFee", cremation);
        form.put("ashStorageFee", ash);
        return form;
    }

    static Map<String, Object> rewardForm(String deceased, String payee, LocalDate burial) {
        Map<String, Object> form = new HashMap<>();
        form.put("deceasedIdNumber", deceased);
        form.put("payeeIdNumber", payee);
        form.put("burialDate", burial.toString());
        form.put("burialPlace", "邙山生态陵园树葬区");
        return form;
    }

    private static Map<String, Object> with(Map<String, Object> form, String name, Object value) {
        Map<String, Object> changed = new HashMap<>(form);
        changed.put(name, value);
        return changed;
    }

    private ProcessInstance startClaim(Map<String, Object> variables) {
        return start(FUNERAL_HOME, FeeWaiverProcess.KEY, variables);
    }

    private ProcessInstance startSettlement(String month) {
        return start("finance", FeeSettlementProcess.KEY, Map.of("settlementMonth", month));
    }

    private ProcessInstance startReward(Map<String, Object> variables) {
        return start(CLERK, EcoBurialProcess.KEY, variables);
    }

    private ProcessInstance start(String user, String key, Map<String, Object> variables) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult().getId();
        return walker.as(user, () -> engine.getFormService().submitStartForm(definition, variables));
    }

    private void complete(String user, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        walker.as(user, () -> {
            List<Task> found = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(taskKey).list();
            assertThat(found).as(user + " sees " + taskKey).hasSize(1);
            engine.getTaskService().complete(found.get(0).getId(), variables);
            return null;
        });
    }

    private Task task(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .singleResult();
    }

    private FeeClaim claim(ProcessInstance instance) {
        return benefits.claimOfProcess(instance.getId()).orElseThrow();
    }

    private EcoBurialReward reward(ProcessInstance instance) {
        return benefits.rewardOfProcess(instance.getId()).orElseThrow();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}

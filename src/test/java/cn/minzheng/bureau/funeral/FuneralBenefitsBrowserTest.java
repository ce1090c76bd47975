package cn.minzheng.bureau.funeral;

import static cn.minzheng.bureau.funeral.FuneralPeople.CLERK;
import static cn.minzheng.bureau.funeral.FuneralPeople.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.funeral.benefits.ClaimStatus;
import cn.minzheng.bureau.funeral.benefits.EcoBurialProcess;
import cn.minzheng.bureau.funeral.benefits.FeeClaim;
import cn.minzheng.bureau.funeral.benefits.FeeWaiverProcess;
import cn.minzheng.bureau.funeral.benefits.FuneralBenefitsRepository;
import cn.minzheng.bureau.funeral.benefits.RewardStatus;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramCase;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;

/**
 * 惠民殡葬 and 生态安葬 in a real Tasklist, each form as its real user: the funeral home (funeralhome) claims the basic
 * fees of a 特困 person's cremation, the 岳村乡 clerk takes the son's application for the tree-burial reward, the 岳村乡
 * reviewer verifies the claim and grants the reward, and finance settles an earlier month with the funeral home.
 */
@BrowserTest
class FuneralBenefitsBrowserTest {

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
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    RepositoryService repository;

    @Test
    void theFuneralHomeClaimsTheClerkTakesTheRewardTheReviewerDecidesAndFinanceSettles(Tasklist tasklist) {
        List<String> family = FuneralPeople.household(households, List.of("岳树老人", "岳树之子"),
                List.of(LocalDate.of(1935, 5, 6), LocalDate.of(1963, 7, 8)));
        String deceased = family.get(0);
        var person = deaths.person(deceased).orElseThrow();
        enrolments.mirror(new ProgramCase(Program.TEKUN, ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L),
                person.householdId(), deceased, person.townshipCode(), EnrolmentStatus.ENDED, new BigDecimal("650.00"),
                YearMonth.from(EngineClock.today()).minusYears(3).toString(), null), "test", "特困供养，死亡终止");
        LocalDate died = EngineClock.today();
        long record = deaths.register(new DeathRegistrationRepository.Registration(deceased, person, died, "中原区殡仪馆",
                DeathSource.FUNERAL_HOME, "中殡火字第2026-1288号", true, BurialKind.TREE), died.getYear(), null, CLERK);
        deaths.confirm(record, REVIEWER, null);
        // an earlier month's verified claim, for finance to settle (its forms are the ones this test fills)
        YearMonth earlier = earlierMonth();
        String other = FuneralPeople.resident(households, "岳上月特困", LocalDate.of(1938, 1, 1));
        var otherPerson = deaths.person(other).orElseThrow();
        enrolments.mirror(new ProgramCase(Program.TEKUN, ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L),
                otherPerson.householdId(), other, otherPerson.townshipCode(), EnrolmentStatus.ENDED, new BigDecimal("650.00"),
                YearMonth.from(EngineClock.today()).minusYears(3).toString(), null), "test", "特困供养，死亡终止");
        deaths.confirm(deaths.register(new DeathRegistrationRepository.Registration(other, otherPerson, died, "中原区殡仪馆",
                DeathSource.FUNERAL_HOME, "中殡火字第2026-1001号", true, BurialKind.COLUMBARIUM), died.getYear(), null, CLERK),
                REVIEWER, null);
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey(FeeWaiverProcess.KEY)
                .latestVersion().singleResult().getId();
        var earlierClaim = walker.as("funeralhome", () -> formService.submitStartForm(definition,
                FuneralBenefitsProcessTest.claimForm(other, 400, 0, 600, 0)));
        EngineClock.moveTo(earlier.atDay(28).atTime(9, 0));
        try {
            walker.as(REVIEWER, () -> {
                taskService.complete(taskService.createTaskQuery().processInstanceId(earlierClaim.getId()).singleResult().getId(),
                        Map.of("verifyDecision", FeeWaiverProcess.VERIFY));
                return null;
            });
        } finally {
            EngineClock.reset();
        }

        tasklist.loginAs("funeralhome");
        CamundaForm claimForm = tasklist.startProcess("惠民殡葬基本殡葬服务费减免");
        claimForm.type("死者身份证号码", deceased)
                .type("收费票据号", "豫殡票2026-0099881")
                .type("遗体接运费", "450")
                .type("遗体暂存费", "90")
                .type("火化费", "600")
                .type("骨灰寄存费", "0");
        tasklist.submit(claimForm, "funeral-fee-waiver-start", () -> benefits.claimFor(record).isPresent());
        FeeClaim claim = benefits.claimFor(record).orElseThrow();
        // 400 (of 450) + 90 + 600 + 0
        assertThat(claim.waivedAmount()).isEqualByComparingTo("1090.00");
        assertThat(claim.submittedBy()).isEqualTo("funeralhome");

        tasklist.loginAs(CLERK);
        CamundaForm rewardForm = tasklist.startProcess("生态安葬奖补");
        rewardForm.type("死者身份证号码", deceased)
                .type("申请家属身份证号码（登记在册的家庭成员）", family.get(1))
                .date("安葬日期", died)
                .type("安葬地点（生态墓区、海域）", "邙山生态陵园树葬区3排12号");
        tasklist.submit(rewardForm, "funeral-eco-burial-start", () -> benefits.rewardFor(record).isPresent());
        var reward = benefits.rewardFor(record).orElseThrow();
        assertThat(reward.amount()).isEqualByComparingTo("1000.00");

        tasklist.loginAs(REVIEWER);
        CamundaForm verify = tasklist.openTask(taskService.createTaskQuery().processInstanceId(claim.processInstanceId())
                .taskDefinitionKey(FeeWaiverProcess.TASK_VERIFY).singleResult().getId());
        tasklist.waiting().until(d -> verify.values().contains("岳树老人"));
        assertThat(verify.values()).anySatisfy(v -> assertThat(v).contains("特困供养人员", "按标准减免：1090.00元"));
        verify.choose("核实结果", "属实，予以减免").type("核实意见（不予减免的写明理由）", "经核，死者系本乡特困供养人员");
        tasklist.submit(verify, "funeral-fee-waiver-verify",
                () -> benefits.claim(claim.id()).map(c -> c.status() == ClaimStatus.VERIFIED).orElse(false));
        CamundaForm review = tasklist.openTask(taskService.createTaskQuery().processInstanceId(reward.processInstanceId())
                .taskDefinitionKey(EcoBurialProcess.TASK_REVIEW).singleResult().getId());
        tasklist.waiting().until(d -> review.values().contains("岳树老人"));
        assertThat(review.values()).anySatisfy(v -> assertThat(v).contains("生态安葬（树葬）", "申请家属：岳树之子"));
        review.choose("审核结果", "给予奖补");
        tasklist.submit(review, "funeral-eco-burial-review",
                () -> benefits.reward(reward.id()).map(r -> r.status() == RewardStatus.GRANTED).orElse(false));
        var enrolment = enrolments.find(benefits.reward(reward.id()).orElseThrow().enrolmentId()).orElseThrow();
        assertThat(enrolment.programCode()).isEqualTo("ECO_BURIAL");
        assertThat(enrolment.personIdNumber()).isEqualTo(family.get(1));

        tasklist.loginAs("finance");
        CamundaForm settle = tasklist.startProcess("惠民殡葬月度结算");
        settle.type("结算月份", earlier.toString().replace('-', '/'));
        tasklist.waiting().until(d -> !settle.errors().isEmpty());
        tasklist.screenshot("funeral-settlement-month-format");
        assertThat(settle.errors()).containsExactly("结算月份格式不正确：如 2026-11（须为已结束的月份）。");
        settle.type("结算月份", earlier.toString());
        tasklist.submit(settle, "funeral-fee-settlement-start", () -> !benefits.settlements(earlier.toString()).isEmpty());
        assertThat(benefits.settlements(earlier.toString())).singleElement().satisfies(s -> {
            assertThat(s.funeralHomeName()).isEqualTo("中原区殡仪馆");
            assertThat(s.amount()).isEqualByComparingTo("1000.00");
            assertThat(s.settledBy()).isEqualTo("finance");
        });
        assertThat(benefits.claimOfProcess(earlierClaim.getId()).orElseThrow().status()).isEqualTo(ClaimStatus.SETTLED);
        // this month's claim waits for its own month's settlement
        assertThat(benefits.claim(claim.id()).orElseThrow().status()).isEqualTo(ClaimStatus.VERIFIED);
    }

    private YearMonth earlierMonth() {
        while (true) {
            YearMonth m = YearMonth.of(ThreadLocalRandom.current().nextInt(2001, 2021), ThreadLocalRandom.current().nextInt(1, 13));
            if (benefits.settlements(m.toString()).isEmpty() && benefits.unsettled(m.toString()).isEmpty()) {
                return m;
            }
        }
    }
}

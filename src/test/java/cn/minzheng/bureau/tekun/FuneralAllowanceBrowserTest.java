package cn.minzheng.bureau.tekun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.review.ReviewProcess;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.funeral.DeathRegistrationProcess;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/**
 * What a death leaves to the 岳村乡 clerk, in a real Tasklist, one login: the 丧葬补助 of a 特困人员 whose death was
 * confirmed (the clerk names the nephew who arranged the funeral; the allowance is granted as a one-off), and the review
 * of a 低保 household whose head died (the survey form asks for the new head, who becomes the payee). The deaths are
 * registered and confirmed through the engine (their forms are DeathRegistrationBrowserTest's).
 */
@BrowserTest
class FuneralAllowanceBrowserTest {

    private static final String CLERK = "clerk.yuecun";
    private static final String REVIEWER = "reviewer.yuecun";

    @Autowired
    DibaoWalker walker;
    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    TekunCaseRepository cases;
    @Autowired
    TekunAmounts amounts;
    @Autowired
    FuneralAllowanceService service;
    @Autowired
    FuneralAllowanceRepository allowances;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theClerkNamesThePayeeOfTheFuneralAllowanceAndTheNewHeadOfAHouseholdWhoseHeadDied(Tasklist tasklist) {
        // a 特困人员 (集中供养, assessed: 基本生活标准 680) and his nephew
        String deceased = TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", "吴五保", 84, "RETIRED", "NONE", null);
        String nephew = TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", "吴侄儿", 50, "RETIRED", "NONE", null);
        long householdId = jdbc.sql("select household_id from household_member where id_number = ?").param(deceased)
                .query(Long.class).single();
        TekunCase c = cases.insert(new TekunCaseRepository.NewCase(householdId, "yuecun", deceased, "吴五保",
                QualifyingCondition.ELDERLY, SupporterSituation.NONE, null, true,
                new TekunEligibility.CareArrangement(CareMode.CENTRALISED, "岳村乡敬老院", null, null)), null, CLERK);
        cases.saveAssessment(c.id(), SelfCareLevel.FULL_SELF_CARE, "可自理",
                amounts.amounts(AreaType.RURAL, SelfCareLevel.FULL_SELF_CARE), "{}", CLERK);
        cases.activate(c.id(), "2026-01", "approver");
        // a 低保 household of two whose head dies
        DibaoCase dibaoCase = walker.approved(CLERK, REVIEWER, "approver", TestApplications.yuecunHousehold(2, "300"));
        var household = households.findForCase(dibaoCase.id()).orElseThrow();
        var head = household.head();
        var survivor = household.members().stream().filter(m -> !m.idNumber().equals(head.idNumber())).findFirst().orElseThrow();
        LocalDate died = EngineClock.today().minusDays(1);
        confirmDeath(deceased, died);
        confirmDeath(head.idNumber().value(), died);
        FuneralAllowance allowance = allowances.ofCase(c.id()).orElseThrow();
        String amount = allowance.amount().toPlainString();
        assertThat(allowance.amount()).isEqualByComparingTo(
                new java.math.BigDecimal(680 * service.months(died.getYear())));

        tasklist.loginAs(CLERK);
        Task confirm = taskService.createTaskQuery().processDefinitionKey(FuneralAllowanceProcess.KEY)
                .processInstanceBusinessKey(c.caseNumber()).singleResult();
        CamundaForm payee = tasklist.openTask(confirm.getId());
        tasklist.waiting().until(d -> payee.values().contains("吴五保"));
        assertThat(payee.values()).contains(c.caseNumber(), died.toString()).anySatisfy(v -> assertThat(v).contains("= " + amount + "元"));
        payee.type("领取人（操办丧事的人）身份证号码", nephew)
                .choose("领取人身份", "亲属")
                .type("操办丧事情况说明", "死者侄子，操办丧事并垫付火化费用");
        tasklist.submit(payee, "tekun-funeral-allowance-payee",
                () -> FuneralAllowance.GRANTED.equals(allowances.get(allowance.id()).status()));
        FuneralAllowance granted = allowances.get(allowance.id());
        assertThat(granted.payeeName()).isEqualTo("吴侄儿");
        assertThat(granted.payeeRelation()).isEqualTo("RELATIVE");
        assertThat(jdbc.sql("select program_code from enrolment where id = ?").param(granted.enrolmentId())
                .query(String.class).single()).isEqualTo(Program.TEKUN_FUNERAL);

        Task survey = taskService.createTaskQuery().processDefinitionKey(ReviewProcess.KEY)
                .processInstanceBusinessKey(dibaoCase.caseNumber()).singleResult();
        CamundaForm review = tasklist.openTask(survey.getId());
        tasklist.waiting().until(d -> review.values().contains(head.name()));
        review.select("新户主（低保金领取人）", survivor.name() + "（" + survivor.relation().label() + "，"
                + survivor.idNumber().masked() + "）");
        tasklist.screenshot("dibao-review-new-head");
        review.type("一看家底：住房、车辆、存款等", "无新增财产")
                .type("二问收入", "户主去世后无其他收入")
                .type("三查就业情况", "无就业")
                .type("四核水电气暖开支（元/月，核实数）", 80)
                .type("五了解隐性收入（元/月，无则填0）", 0)
                .check("已入户走访核查", true)
                .type("调查结论", "户主已故，由在世成员任新户主");
        tasklist.submit(review, "dibao-review-survey", () -> survivor.idNumber().value().equals(jdbc.sql(
                "select id_number from household_member where household_id = ? and relation = 'HEAD'")
                .param(household.id()).query(String.class).optional().orElse(null)));
    }

    private void confirmDeath(String idNumber, LocalDate died) {
        Map<String, Object> form = Map.of("deceasedIdNumber", idNumber, "deathDate", died.toString(), "deathPlace", "岳村乡",
                "source", "COMMITTEE", "cremated", "true", "burialKind", "CEMETERY");
        String definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(DeathRegistrationProcess.KEY).latestVersion().singleResult().getId();
        ProcessInstance instance = walker.as(CLERK, () -> formService.submitStartForm(definition, form));
        walker.as(REVIEWER, () -> {
            Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            taskService.complete(task.getId(), Map.of("reviewDecision", DeathRegistrationProcess.CONFIRM));
            return null;
        });
    }
}

package cn.minzheng.bureau.tekun;

import static cn.minzheng.bureau.support.RuleViolations.violation;
import static cn.minzheng.bureau.tekun.FuneralAllowanceProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.funeral.BurialKind;
import cn.minzheng.bureau.funeral.DeathRegistrationRepository;
import cn.minzheng.bureau.funeral.DeathRegistrationService;
import cn.minzheng.bureau.funeral.DeathSource;
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
 * tekun-funeral-allowance.bpmn: the allowance computed from the case's 基本生活标准 and the table's months, the township
 * clerk's payee refused for every kind of bad input with nothing written, then confirmed and granted as a one-off
 * enrolment on the payee's household; a second allowance for the same case is refused.
 */
@ProcessTest
class FuneralAllowanceProcessTest {

    private static final String CLERK = "clerk.yuecun";

    @Autowired
    UserTasks userTasks;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TekunCaseRepository cases;
    @Autowired
    TekunAmounts amounts;
    @Autowired
    FuneralAllowanceService service;
    @Autowired
    FuneralAllowanceRepository allowances;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    DeathRegistrationRepository deaths;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TekunService tekun;
    @Autowired
    DeathRegistrationService deathService;
    @Autowired
    DibaoWalker walker;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void theTownshipConfirmsThePayeeAndTheAllowanceIsGrantedOnce() {
        String deceased = TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", "孙五保", 82, "RETIRED", "NONE", null);
        String nephew = TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", "孙侄儿", 55, "RETIRED", "NONE", null);
        String deadRelative = TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", "孙堂兄", 80, "RETIRED", "NONE", null);
        households.recordDeath(deadRelative, LocalDate.of(2026, 10, 1), CLERK, "测试");
        TekunCase active = activeCase(deceased, "孙五保");
        LocalDate died = LocalDate.of(2026, 11, 20);
        long deathId = deathRecord(deceased, died);

        String instanceId = service.start(active.id(), deathId, died);
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        assertThat(instance).hasPassed(TASK_COMPUTE).isWaitingAt(TASK_CONFIRM_PAYEE).task().hasCandidateGroup("clerk-yuecun");
        assertThat(instance.getBusinessKey()).isEqualTo(active.caseNumber());
        FuneralAllowance computed = allowances.ofCase(active.id()).orElseThrow();
        // rural 岳村乡, assessed 基本生活标准 680 a month; died in 2026: 6 months, 680 × 6 = 4080
        assertThat(computed.basicLivingAmount()).isEqualByComparingTo("680.00");
        assertThat(computed.months()).isEqualTo(6);
        assertThat(computed.amount()).isEqualByComparingTo("4080.00");
        assertThat(computed.status()).isEqualTo(FuneralAllowance.AWAITING_PAYEE);
        assertThat(engine.getRuntimeService().getVariable(instanceId, AMOUNT_SUMMARY.name()))
                .isEqualTo("死亡时基本生活标准680.00元/月 × 6个月 = 4080.00元（决策表 tekun-funeral-months，2026年死亡）");
        assertThat(engine.getRuntimeService().getVariable(instanceId, CASE_SUMMARY.name())).isEqualTo("集中供养，供养机构：岳村乡敬老院");

        // bad input: a Chinese refusal, the task stays, nothing written
        assertThatThrownBy(() -> confirm(instance, "41031319700101456", "RELATIVE")).satisfies(violation("领取人身份证号码“41031319700101456”无效"));
        assertThatThrownBy(() -> confirm(instance, deceased, "RELATIVE")).satisfies(violation("领取人不能是死者本人"));
        assertThatThrownBy(() -> confirm(instance, TekunPeople.idNumber(LocalDate.of(1971, 3, 3)), "RELATIVE"))
                .satisfies(violation("不是登记在册的在世居民"));
        assertThatThrownBy(() -> confirm(instance, deadRelative, "RELATIVE")).satisfies(violation("不是登记在册的在世居民"));
        assertThatThrownBy(() -> confirm(instance, nephew, null)).satisfies(violation("请选择领取人身份"));
        assertThatThrownBy(() -> userTasks.complete(CLERK, instance, TASK_CONFIRM_PAYEE,
                Map.of("payeeIdNumber", nephew, "payeeRelation", "RELATIVE"))).satisfies(violation("操办丧事情况说明"));
        assertThat(instance).isWaitingAt(TASK_CONFIRM_PAYEE);
        assertThat(allowances.get(computed.id()).payeeIdNumber()).isNull();
        assertThat(enrolments.forProgramCase(Program.TEKUN_FUNERAL, computed.id())).isEmpty();

        confirm(instance, nephew, "RELATIVE");

        assertThat(instance).isEnded().hasPassed(TASK_GRANT, END_GRANTED);
        FuneralAllowance granted = allowances.get(computed.id());
        assertThat(granted.status()).isEqualTo(FuneralAllowance.GRANTED);
        assertThat(granted.payeeName()).isEqualTo("孙侄儿");
        assertThat(granted.confirmedBy()).isEqualTo(CLERK);
        Enrolment grant = enrolments.forProgramCase(Program.TEKUN_FUNERAL, computed.id()).orElseThrow();
        assertThat(grant.id()).isEqualTo(granted.enrolmentId());
        assertThat(grant.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(grant.amount()).isEqualByComparingTo("4080.00");
        assertThat(grant.personIdNumber()).isEqualTo(nephew);
        assertThat(grant.householdId()).isEqualTo(householdOf(nephew));
        assertThat(grant.calculationSnapshot()).contains("\"months\":6", "\"basicLiving\":680.00");

        // a second allowance for the same case: refused, no second instance, no second row
        assertThatThrownBy(() -> service.start(active.id(), deathId, died)).satisfies(violation("丧葬补助已核算，只能发放一次"));
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(active.caseNumber()).count()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from tekun_funeral_allowance where tekun_case_id = ?").param(active.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    /**
     * One rule for a 特困 person's death (TekunService.endByDeath): ended by hand with the reason 死亡, the case ends
     * with the month of death and its 丧葬补助 is computed as a registered death computes it; the death registered
     * afterwards finds the allowance, links it and starts none.
     */
    @Test
    void aCaseEndedByHandForDeathHasItsAllowanceAndTheDeathRegisteredLaterAddsNone() {
        String deceased = TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", "钱五保", 84, "RETIRED", "NONE", null);
        String niece = TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", "钱侄女", 50, "RETIRED", "NONE", null);
        TekunCase active = activeCase(deceased, "钱五保");
        LocalDate died = LocalDate.now().minusDays(3);

        assertThatThrownBy(() -> walker.as(CLERK, () -> tekun.end(active.id(), "DEATH", null, "2999-01-01", CLERK)))
                .satisfies(violation("死亡日期不能晚于今天"));
        assertThatThrownBy(() -> walker.as(CLERK, () -> tekun.end(active.id(), "DEATH", null, "1900-01-01", CLERK)))
                .satisfies(violation("早于钱五保的出生日期"));
        assertThat(allowances.ofCase(active.id())).isEmpty();
        walker.as(CLERK, () -> tekun.end(active.id(), "DEATH", "村委会报告", died.toString(), CLERK));

        TekunCase ended = cases.find(active.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(TekunStatus.ENDED);
        assertThat(ended.closingReason()).isEqualTo("死亡：村委会报告（" + died + "），终止供养");
        Enrolment enrolment = enrolments.forProgramCase(Program.TEKUN, active.id()).orElseThrow();
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.ENDED);
        assertThat(enrolment.endMonth()).isEqualTo(YearMonth.from(died).toString());
        FuneralAllowance computed = allowances.ofCase(active.id()).orElseThrow();
        assertThat(computed.deathRecordId()).isNull();
        // rural, 680 a month; a death from 2026 on: 6 months, 680 × 6 = 4080
        assertThat(computed.amount()).isEqualByComparingTo(died.getYear() >= 2026 ? "4080.00" : "3400.00");
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(active.caseNumber()).singleResult();
        assertThat(instance).isWaitingAt(TASK_CONFIRM_PAYEE);
        confirm(instance, niece, "RELATIVE");
        assertThat(instance).isEnded().hasPassed(TASK_GRANT, END_GRANTED);

        // the death registered and confirmed afterwards: linked to the same allowance, no second one
        long deathId = deathRecord(deceased, died);
        deathService.review(deathId, "CONFIRM", null, "reviewer.yuecun");
        String effects = deathService.notifyPrograms(deathId, "reviewer.yuecun").effects();
        assertThat(effects).contains("特困人员救助供养：已于终止供养（死亡）时核算丧葬补助" + computed.amount().toPlainString()
                + "元，与本死亡登记对应，不重复核算");
        assertThat(allowances.ofCase(active.id()).orElseThrow().deathRecordId()).isEqualTo(deathId);
        assertThat(jdbc.sql("select count(*) from tekun_funeral_allowance where deceased_id_number = ?").param(deceased)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(active.caseNumber()).count()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from enrolment where program_code = 'TEKUN_FUNERAL' and program_case_id = ?")
                .param(computed.id()).query(Long.class).single()).isEqualTo(1);
    }

    /** The reverse order: the registered death ended the case and started the allowance; a hand end finds it ended. */
    @Test
    void aRegisteredDeathLeavesNothingToEndByHand() {
        String deceased = TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", "李五保", 88, "RETIRED", "NONE", null);
        String son = TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", "李远亲", 60, "RETIRED", "NONE", null);
        TekunCase active = activeCase(deceased, "李五保");
        LocalDate died = LocalDate.now().minusDays(1);
        long deathId = deathRecord(deceased, died);
        deathService.review(deathId, "CONFIRM", null, "reviewer.yuecun");
        deathService.notifyPrograms(deathId, "reviewer.yuecun");

        assertThat(allowances.ofCase(active.id()).orElseThrow().deathRecordId()).isEqualTo(deathId);
        assertThatThrownBy(() -> walker.as(CLERK, () -> tekun.end(active.id(), "DEATH", null, died.toString(), CLERK)))
                .satisfies(violation("当前为“已终止供养”"));
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(active.caseNumber()).singleResult();
        confirm(instance, son, "RELATIVE");
        assertThat(instance).isEnded();
        assertThat(jdbc.sql("select count(*) from tekun_funeral_allowance where deceased_id_number = ?").param(deceased)
                .query(Long.class).single()).isEqualTo(1);
    }

    private void confirm(ProcessInstance instance, String payee, String relation) {
        Map<String, Object> form = new HashMap<>();
        form.put("payeeIdNumber", payee);
        form.put("payeeRelation", relation);
        form.put("payeeNote", "死者侄子，操办丧事并垫付费用");
        userTasks.complete(CLERK, instance, TASK_CONFIRM_PAYEE, form);
    }

    private TekunCase activeCase(String idNumber, String name) {
        TekunCase c = cases.insert(new TekunCaseRepository.NewCase(householdOf(idNumber), "yuecun", idNumber, name,
                QualifyingCondition.ELDERLY, SupporterSituation.NONE, null, true,
                new TekunEligibility.CareArrangement(CareMode.CENTRALISED, "岳村乡敬老院", null, null)), null, CLERK);
        cases.saveAssessment(c.id(), SelfCareLevel.FULL_CARE, "卧床", amounts.amounts(AreaType.RURAL, SelfCareLevel.FULL_CARE),
                "{}", CLERK);
        return cases.activate(c.id(), "2026-01", "approver");
    }

    private long deathRecord(String idNumber, LocalDate died) {
        return deaths.register(new DeathRegistrationRepository.Registration(idNumber, deaths.person(idNumber).orElseThrow(),
                died, "岳村乡敬老院", DeathSource.COMMITTEE, null, false, BurialKind.INTERMENT), died.getYear(), null, CLERK);
    }

    private long householdOf(String idNumber) {
        return jdbc.sql("select household_id from household_member where id_number = ?").param(idNumber)
                .query(Long.class).single();
    }
}

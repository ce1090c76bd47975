package cn.minzheng.bureau.tekun;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;

/**
 * The forms of 特困人员年度复核 filled in Tasklist by their real users: the township clerk (clerk.yuecun) re-assesses one
 * person to 全护理 with a new carer (the amount 860 → 1760 from next month) and proposes to end another's support,
 * the district approver (approver) approves the end; both enrolments change.
 */
@BrowserTest
class TekunReviewBrowserTest {

    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    TekunCaseRepository cases;
    @Autowired
    TekunAmounts amounts;
    @Autowired
    TekunService tekun;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theClerkReassessesInTasklistAndTheApproverApprovesAnEnd(Tasklist tasklist) {
        TekunCase stays = active("褚一伯", 79);
        TekunCase leaves = active("褚二伯", 81);
        int year = 2045;
        runtime.startProcessInstanceByMessage(TekunReviewProcess.MESSAGE_START, Map.of(TekunReviewProcess.REVIEW_YEAR.name(), year));

        tasklist.loginAs("clerk.yuecun");
        CamundaForm reassess = tasklist.openTask(task(stays, year, TekunReviewProcess.TASK_REASSESS).getId());
        assertThat(reassess.values()).contains("褚一伯", "现全自理；基本生活标准680.00元 + 照料护理标准180.00元 = 每月860.00元",
                "户籍和收入信息核对：仍符合无劳动能力、无生活来源的条件");
        reassess.check("仍无劳动能力（年满60周岁、未满16周岁或经认定丧失劳动能力的残疾人）", true)
                .check("仍无生活来源（收入低于当地低保标准）", true)
                .check("仍无法定赡养、抚养、扶养义务人，或义务人无履行能力", true)
                .choose("复核结论", "继续供养")
                .choose("供养方式", "分散供养（在家，委托照料）")
                .type("照料人姓名", "褚三妹").type("委托照料协议编号", "YC-2026-120")
                .choose("生活自理能力（重新评估）", "全护理（完全丧失生活自理能力）")
                .type("复核情况（入户核实的劳动能力、生活来源、义务人、照料情况）", "中风后卧床，仍独居无收入，改由侄女照料。");
        tasklist.submit(reassess, "tekun-reassessment-township", () -> amount(stays).compareTo(new BigDecimal("1760.00")) == 0);
        assertThat(jdbc.sql("select carer_name from tekun_case where id = ?").param(stays.id()).query(String.class).single())
                .isEqualTo("褚三妹");

        CamundaForm end = tasklist.openTask(task(leaves, year, TekunReviewProcess.TASK_REASSESS).getId());
        end.choose("复核结论", "终止供养（报区民政局核准）").select("终止原因", "迁出本区")
                .type("复核情况（入户核实的劳动能力、生活来源、义务人、照料情况）", "已随女儿迁往外省定居。");
        tasklist.submit(end, "tekun-reassessment-township", () -> isWaitingAt(leaves, year, TekunReviewProcess.TASK_APPROVE_END));

        tasklist.loginAs("approver");
        CamundaForm approve = tasklist.openTask(task(leaves, year, TekunReviewProcess.TASK_APPROVE_END).getId());
        assertThat(approve.values()).contains("乡镇（街道）提出终止供养：迁出本区。复核情况：已随女儿迁往外省定居。");
        approve.choose("核准意见", "同意终止供养").type("核准说明（退回须写明理由）", "同意。");
        tasklist.submit(approve, "tekun-reassessment-district", () -> "ENDED".equals(enrolmentStatus(leaves)));
        assertThat(enrolmentStatus(stays)).isEqualTo("ACTIVE");
    }

    private TekunCase active(String name, int age) {
        String id = TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", name, age, "RETIRED", "NONE", null);
        long household = jdbc.sql("select household_id from household_member where id_number = ?").param(id)
                .query(Long.class).single();
        TekunCase c = cases.insert(new TekunCaseRepository.NewCase(household, "yuecun", id, name, QualifyingCondition.ELDERLY,
                SupporterSituation.NONE, null, false,
                new TekunEligibility.CareArrangement(CareMode.DISPERSED, null, "褚大妹", "YC-2025-100")), null, "clerk.yuecun");
        TekunAmounts.Amounts a = amounts.amounts(AreaType.RURAL, SelfCareLevel.FULL_SELF_CARE);
        cases.saveAssessment(c.id(), SelfCareLevel.FULL_SELF_CARE, "独居", a, tekun.snapshot(a), "clerk.yuecun");
        return cases.activate(c.id(), "2026-01", "approver");
    }

    private BigDecimal amount(TekunCase c) {
        return jdbc.sql("select amount from enrolment where program_code = 'TEKUN' and program_case_id = ?").param(c.id())
                .query(BigDecimal.class).single();
    }

    private String enrolmentStatus(TekunCase c) {
        return jdbc.sql("select status from enrolment where program_code = 'TEKUN' and program_case_id = ?").param(c.id())
                .query(String.class).single();
    }

    private boolean isWaitingAt(TekunCase c, int year, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(c.caseNumber() + "-FH" + year)
                .taskDefinitionKey(key).count() == 1;
    }

    private Task task(TekunCase c, int year, String key) {
        List<Task> found = taskService.createTaskQuery().processInstanceBusinessKey(c.caseNumber() + "-FH" + year)
                .taskDefinitionKey(key).list();
        assertThat(found).as("open tasks %s", key).hasSize(1);
        return found.get(0);
    }
}

package cn.minzheng.bureau.tekun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;

/**
 * Every form of 特困人员救助供养认定 filled in Tasklist by the user whose work it is: the township clerk starts
 * the application (分散供养 with a named carer), surveys and assesses self-care, the township reviewer approves,
 * the clerk records an objection found groundless during the notice, the district approver decides, and the
 * enrolment is active.
 */
@BrowserTest
class TekunBrowserTest {

    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theTownshipClerkStartsAnApplicationAndEveryLevelWorksItToAnActiveEnrolment(Tasklist tasklist) {
        String id = TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", "褚老汉", 77, "RETIRED", "NONE", null);

        tasklist.loginAs("clerk.yuecun");
        CamundaForm start = tasklist.startProcess("特困人员救助供养认定");
        start.type("申请人身份证号", id).choose("法定赡养、抚养、扶养义务人", "无法定义务人")
                .choose("供养方式", "分散供养（在家，委托照料）").type("照料人姓名", "褚大妹").type("委托照料协议编号", "YC-2026-088");
        tasklist.submit(start, "tekun-application-start", () -> caseOf(id) != null);
        long caseId = caseOf(id);
        String instance = jdbc.sql("select process_instance_id from tekun_case where id = ?").param(caseId)
                .query(String.class).single();

        CamundaForm survey = tasklist.openTask(task(instance, TekunProcess.TASK_SURVEY).getId());
        assertThat(survey.values()).contains("褚老汉");
        survey.choose("生活自理能力评估", "全护理（完全丧失生活自理能力）")
                .type("入户调查情况（劳动能力、生活来源、义务人、财产）", "独居，卧床，无子女，无收入，无财产。");
        tasklist.submit(survey, "tekun-survey", () -> isWaitingAt(instance, TekunProcess.TASK_REVIEW_BY_TOWNSHIP));

        tasklist.loginAs("reviewer.yuecun");
        CamundaForm review = tasklist.openTask(task(instance, TekunProcess.TASK_REVIEW_BY_TOWNSHIP).getId());
        assertThat(review.values()).contains("全护理；基本生活标准680.00元 + 照料护理标准1080.00元 = 每月1760.00元");
        review.choose("审核意见", "同意（进入公示）").type("审核说明；不同意时须写明理由", "情况属实，同意。");
        tasklist.submit(review, "tekun-township-review", () -> isWaitingAt(instance, TekunProcess.TASK_PUBLIC_NOTICE));

        tasklist.loginAs("clerk.yuecun");
        CamundaForm notice = tasklist.openTask(task(instance, TekunProcess.TASK_PUBLIC_NOTICE).getId());
        notice.choose("异议核实结果", "异议不成立（报区民政局认定）")
                .type("异议内容及核实情况", "村民反映其有儿子，经核实为侄子，无赡养义务。");
        tasklist.submit(notice, "tekun-public-notice", () -> isWaitingAt(instance, TekunProcess.TASK_DECIDE_BY_DISTRICT));

        tasklist.loginAs("approver");
        CamundaForm decision = tasklist.openTask(task(instance, TekunProcess.TASK_DECIDE_BY_DISTRICT).getId());
        decision.choose("认定意见", "认定为特困人员（自次月起供养）");
        tasklist.submit(decision, "tekun-district-decision", () -> "ACTIVE".equals(enrolmentStatus(caseId)));

        assertThat(jdbc.sql("select amount from enrolment where program_code = 'TEKUN' and program_case_id = ?")
                .param(caseId).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("1760.00");
        assertThat(jdbc.sql("select carer_name from tekun_case where id = ?").param(caseId).query(String.class).single())
                .isEqualTo("褚大妹");
    }

    private Long caseOf(String idNumber) {
        return jdbc.sql("select id from tekun_case where person_id_number = ?").param(idNumber).query(Long.class)
                .optional().orElse(null);
    }

    private String enrolmentStatus(long caseId) {
        return jdbc.sql("select status from enrolment where program_code = 'TEKUN' and program_case_id = ?")
                .param(caseId).query(String.class).optional().orElse(null);
    }

    private boolean isWaitingAt(String instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).count() == 1;
    }

    private Task task(String instance, String key) {
        List<Task> found = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).list();
        assertThat(found).as("open tasks %s", key).hasSize(1);
        return found.get(0);
    }
}

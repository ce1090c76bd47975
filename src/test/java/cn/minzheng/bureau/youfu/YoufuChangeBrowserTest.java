package cn.minzheng.bureau.youfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.payroll.PayrollComputation;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;

/**
 * Every form of 优抚对象变更 filled in Tasklist by the user whose work it is: the township clerk applies for a
 * 残疾军人's new grade (因战七级 → 因战三级), the township reviewer agrees, the district's 优抚安置科 approves, and a
 * YOUFU payroll from the month the change takes effect pays the new grade's amount. The 残疾军人 is put on the
 * register directly (the recognition forms are YoufuBrowserTest's).
 */
@BrowserTest
class YoufuChangeBrowserTest {

    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    YoufuRepository recipients;
    @Autowired
    TaskService taskService;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    PayrollComputation computation;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aClerkChangesADisabledSoldiersGradeAndTheNextPayrollPaysTheNewAmount(Tasklist tasklist) {
        String id = YoufuPeople.register(households, validator, "yuecun", "yuecun-yuecun", "贺振山", 64);
        long household = jdbc.sql("select household_id from household_member where id_number = ?").param(id)
                .query(Long.class).single();
        YoufuRecipient soldier = recipients.insert(new YoufuRepository.NewRecipient(household, "yuecun", id, "贺振山",
                new YoufuRules.Evidence(YoufuCategory.DISABLED_SOLDIER, "豫军残字第020417号", 7, DisabilityCause.WAR,
                        LocalDate.of(1986, 9, 1), null, null, null, null)), null, "clerk.yuecun");
        // 因战七级: 32780 / 12 = 2731.67
        recipients.activate(soldier.id(), "2025-11", new BigDecimal("2731.67"), "{}", "youfu");

        tasklist.loginAs("clerk.yuecun");
        CamundaForm start = tasklist.startProcess("优抚对象变更（伤残等级、类别、迁出本区）");
        start.type("身份证号", id).choose("变更事项", "伤残等级调整").type("证件编号", "豫军残字第020418号")
                .type("新的伤残等级（1至10级）", "3").choose("致残原因", "因战")
                .date("评定伤残等级日期", LocalDate.now().minusDays(2))
                .type("变更理由", "旧伤复发致右下肢功能丧失，经市级伤残等级评定调整为三级。");
        tasklist.screenshot("youfu-change-start");
        tasklist.submit(start, "youfu-change-start", () -> changeOf(soldier.id()) != null);
        String instance = jdbc.sql("select process_instance_id from youfu_change where recipient_id = ?")
                .param(soldier.id()).query(String.class).single();

        tasklist.loginAs("reviewer.yuecun");
        CamundaForm review = tasklist.openTask(task(instance, YoufuChangeProcess.TASK_REVIEW_BY_TOWNSHIP).getId());
        assertThat(review.values()).contains("贺振山").anyMatch(v -> v.startsWith("伤残等级调整：残疾军人因战三级"));
        // 因战三级: 87400 / 12 = 7283.33
        assertThat(review.values()).anyMatch(v -> v.equals("现每月2731.67元；批准后自" + YearMonth.now().plusMonths(1)
                + "起按" + YearMonth.now().plusMonths(1).getYear() + "年残疾军人因战三级标准87400.00元/年，每月7283.33元"));
        review.choose("审核意见", "同意（报区民政局审批）").type("审核说明；不同意时须写明理由", "评定材料齐全，同意调整。");
        tasklist.submit(review, "youfu-change-township-review",
                () -> isWaitingAt(instance, YoufuChangeProcess.TASK_APPROVE_BY_DISTRICT));

        tasklist.loginAs("youfu");
        CamundaForm approval = tasklist.openTask(task(instance, YoufuChangeProcess.TASK_APPROVE_BY_DISTRICT).getId());
        approval.choose("审批意见", "批准变更（等级、类别自次月起按新标准发放；迁出的终止发放）");
        tasklist.submit(approval, "youfu-change-district-approval", () -> "APPROVED".equals(changeOf(soldier.id())));
        assertThat(jdbc.sql("select disability_grade from youfu_recipient where id = ?").param(soldier.id())
                .query(Integer.class).single()).isEqualTo(3);

        // the change takes effect next month; the YOUFU payrolls of next month and the month after are the other
        // 优抚 tests', so this one runs a later month (the amount is the same from the effective month on)
        YearMonth month = YearMonth.now().plusMonths(6);
        long payroll = payrolls.insert(Program.YOUFU, month);
        computation.compute(payroll);
        List<BigDecimal> paid = jdbc.sql("""
                select p.amount from payment p join enrolment e on e.id = p.enrolment_id
                where e.program_code = 'YOUFU' and e.program_case_id = ? and p.payroll_id = ?""")
                .params(soldier.id(), payroll).query(BigDecimal.class).list();
        assertThat(paid).singleElement().satisfies(a -> assertThat(a).isEqualByComparingTo("7283.33"));
    }

    private String changeOf(long recipientId) {
        return jdbc.sql("select status from youfu_change where recipient_id = ?").param(recipientId)
                .query(String.class).optional().orElse(null);
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

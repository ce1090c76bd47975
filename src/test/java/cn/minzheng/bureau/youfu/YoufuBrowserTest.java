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
 * Every form of 优抚对象认定 filled in Tasklist by the user whose work it is: the township clerk registers a
 * 残疾军人 (因公四级) with his certificate, the township reviewer approves, the district's 优抚安置科 recognises him,
 * and the YOUFU payroll of the next month pays the grade's amount.
 */
@BrowserTest
class YoufuBrowserTest {

    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    TaskService taskService;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    PayrollComputation computation;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aClerkRegistersADisabledSoldierAndTheNextPayrollPaysHisGradesAmount(Tasklist tasklist) {
        String id = YoufuPeople.register(households, validator, "yuecun", "yuecun-yuecun", "褚建军", 63);

        tasklist.loginAs("clerk.yuecun");
        CamundaForm start = tasklist.startProcess("优抚对象认定");
        start.type("身份证号", id).select("优抚对象类别", "残疾军人").type("证件编号", "冀军残字第006218号")
                .type("伤残等级（1至10级）", "4").choose("致残原因", "因公")
                .date("评定伤残等级日期", LocalDate.of(1988, 8, 1));
        tasklist.screenshot("youfu-recognition-start");
        tasklist.submit(start, "youfu-recognition-start", () -> recipientOf(id) != null);
        long recipientId = recipientOf(id);
        String instance = jdbc.sql("select process_instance_id from youfu_recipient where id = ?").param(recipientId)
                .query(String.class).single();
        assertThat(jdbc.sql("select disability_grade from youfu_recipient where id = ?").param(recipientId)
                .query(Integer.class).single()).isEqualTo(4);

        tasklist.loginAs("reviewer.yuecun");
        CamundaForm review = tasklist.openTask(task(instance, YoufuProcess.TASK_REVIEW_BY_TOWNSHIP).getId());
        assertThat(review.values()).contains("褚建军", "褚建军，残疾军人（因公四级，1988-08-01评定）；残疾军人证冀军残字第006218号");
        review.choose("审核意见", "同意（报区民政局审批）").type("审核说明；不同意时须写明理由", "证件与档案相符，同意。");
        tasklist.submit(review, "youfu-township-review", () -> isWaitingAt(instance, YoufuProcess.TASK_APPROVE_BY_DISTRICT));

        tasklist.loginAs("youfu");
        CamundaForm approval = tasklist.openTask(task(instance, YoufuProcess.TASK_APPROVE_BY_DISTRICT).getId());
        // 因公四级: 63530 a year, 63530 / 12 = 5294.1666… → 5294.17 a month
        assertThat(approval.values()).anyMatch(v -> v.endsWith("年标准63530.00元/年，每月5294.17元"));
        approval.choose("审批意见", "认定，列入优抚对象名册（自次月起发放）");
        tasklist.submit(approval, "youfu-district-approval", () -> "ACTIVE".equals(enrolmentStatus(recipientId)));

        YearMonth next = YearMonth.now().plusMonths(1);
        long payroll = payrolls.insert(Program.YOUFU, next);
        computation.compute(payroll);
        List<BigDecimal> paid = jdbc.sql("""
                select p.amount from payment p join enrolment e on e.id = p.enrolment_id
                where e.program_code = 'YOUFU' and e.program_case_id = ? and p.payroll_id = ?""")
                .params(recipientId, payroll).query(BigDecimal.class).list();
        assertThat(paid).singleElement().satisfies(a -> assertThat(a).isEqualByComparingTo("5294.17"));
    }

    private Long recipientOf(String idNumber) {
        return jdbc.sql("select id from youfu_recipient where person_id_number = ?").param(idNumber).query(Long.class)
                .optional().orElse(null);
    }

    private String enrolmentStatus(long recipientId) {
        return jdbc.sql("select status from enrolment where program_code = 'YOUFU' and program_case_id = ?")
                .param(recipientId).query(String.class).optional().orElse(null);
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

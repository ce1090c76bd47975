package cn.minzheng.bureau.resettlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.payroll.PayrollComputation;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import cn.minzheng.bureau.support.UserTasks;

/**
 * 退役士兵报到登记 in Tasklist by the users whose work it is: the township clerk registers a conscript of two years
 * with the start form, the district's 优抚安置科 approves 自主就业, and the one-off grant is recorded once and paid
 * once by the RESETTLE_GRANT payroll; and for a 士官 of twelve years placed in a job, the section enters the receiving
 * unit and then the unit's report-in receipt, which closes the case.
 */
@BrowserTest
class ResettlementBrowserTest {

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
    @Autowired
    UserTasks userTasks;

    @Test
    void aClerkRegistersASoldierTheDistrictApprovesAndTheGrantIsRecordedOnce(Tasklist tasklist) {
        String id = ResettlementPeople.register(households, validator, "岳新兵", 21);
        LocalDate discharged = LocalDate.now().minusDays(7);

        tasklist.loginAs("clerk.yuecun");
        CamundaForm start = tasklist.startProcess("退役士兵报到登记和安置");
        start.type("身份证号", id).date("退役日期（批准退出现役日期）", discharged).select("服役部队（军种）", "陆军")
                .choose("退役类别", "义务兵").type("服役年限（年，不满一年的按一年计）", "2");
        tasklist.screenshot("resettlement-start");
        tasklist.submit(start, "resettlement-start", () -> resettlementOf(id) != null);
        long resettlementId = resettlementOf(id);
        String instance = jdbc.sql("select process_instance_id from veteran_resettlement where id = ?").param(resettlementId)
                .query(String.class).single();

        tasklist.loginAs("youfu");
        CamundaForm review = tasklist.openTask(task(instance, ResettlementProcess.TASK_REVIEW).getId());
        String perYear = discharged.getYear() >= 2026 ? "3300.00" : "3000.00";
        String grant = discharged.getYear() >= 2026 ? "6600.00" : "6000.00";
        assertThat(review.values()).contains("岳新兵").anyMatch(v -> v.startsWith("岳新兵，陆军义务兵，服役2年"))
                .anyMatch(v -> v.endsWith("一次性经济补助" + perYear + "元/年 × 2年 = " + grant + "元"));
        review.choose("审核意见", "同意，按此安置方式办理").type("审核说明；退回时须写明理由", "退出现役证件与档案相符。");
        tasklist.submit(review, "resettlement-district-review", () -> "GRANT_LISTED".equals(status(resettlementId)));

        List<Long> enrolments = jdbc.sql("select id from enrolment where program_code = 'RESETTLE_GRANT' and program_case_id = ?")
                .param(resettlementId).query(Long.class).list();
        assertThat(enrolments).hasSize(1);
        YearMonth month = YearMonth.of(ThreadLocalRandom.current().nextInt(9000, 9900), ThreadLocalRandom.current().nextInt(1, 13));
        long payroll = payrolls.insert(ResettlementService.PROGRAM, month);
        computation.compute(payroll);
        computation.compute(payrolls.insert(ResettlementService.PROGRAM, month.plusMonths(1)));
        List<BigDecimal> paid = jdbc.sql("select amount from payment where one_off_enrolment_id = ?")
                .param(enrolments.get(0)).query(BigDecimal.class).list();
        assertThat(paid).singleElement().satisfies(a -> assertThat(a).isEqualByComparingTo(grant));
    }

    @Test
    void theSectionAssignsTheReceivingUnitAndRecordsTheReportIn(Tasklist tasklist) {
        String id = ResettlementPeople.register(households, validator, "岳士官", 32);
        ProcessInstance instance = userTasks.start("clerk.yuecun", ResettlementProcess.KEY,
                ResettlementPeople.nco(id, LocalDate.now().minusDays(10), "STAFF_SERGEANT", 12L));
        long resettlementId = resettlementOf(id);
        userTasks.complete("youfu", instance, ResettlementProcess.TASK_REVIEW, Map.of("reviewDecision", "APPROVE"));

        tasklist.loginAs("youfu");
        CamundaForm assign = tasklist.openTask(task(instance.getId(), ResettlementProcess.TASK_ASSIGN_UNIT).getId());
        assertThat(assign.values()).contains("岳士官").anyMatch(v -> v.startsWith("安排工作"));
        assign.type("接收单位", "中原区城市管理局").type("安置说明（岗位、安置通知文号等）", "中民安〔2026〕12号，市政维护岗位");
        tasklist.submit(assign, "resettlement-assign-unit", () -> "UNIT_ASSIGNED".equals(status(resettlementId)));

        CamundaForm reportIn = tasklist.openTask(task(instance.getId(), ResettlementProcess.TASK_CONFIRM_REPORT_IN).getId());
        assertThat(reportIn.values()).contains("中原区城市管理局");
        reportIn.date("报到日期", LocalDate.now()).type("报到回执说明", "接收单位回执：已按期报到");
        tasklist.submit(reportIn, "resettlement-report-in", () -> "REPORTED_IN".equals(status(resettlementId)));
        assertThat(jdbc.sql("select receiving_unit from veteran_resettlement where id = ?").param(resettlementId)
                .query(String.class).single()).isEqualTo("中原区城市管理局");
    }

    private Long resettlementOf(String idNumber) {
        return jdbc.sql("select id from veteran_resettlement where person_id_number = ?").param(idNumber).query(Long.class)
                .optional().orElse(null);
    }

    private String status(long id) {
        return jdbc.sql("select status from veteran_resettlement where id = ?").param(id).query(String.class).single();
    }

    private Task task(String instance, String key) {
        List<Task> found = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).list();
        assertThat(found).as("open tasks %s", key).hasSize(1);
        return found.get(0);
    }
}

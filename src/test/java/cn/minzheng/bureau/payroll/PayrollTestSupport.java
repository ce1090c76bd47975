package cn.minzheng.bureau.payroll;

import java.time.YearMonth;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.support.Jobs;
import cn.minzheng.bureau.support.TestApplications;

/** Active cases made through the real application process, payroll tasks worked as the demo users. */
final class PayrollTestSupport {

    static final String FINANCE = "finance";
    static final String APPROVER = "approver";

    private final DibaoWalker walker;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final DibaoCaseRepository cases;
    private final JdbcClient jdbc;

    PayrollTestSupport(DibaoWalker walker, TaskService taskService, ManagementService managementService,
                       DibaoCaseRepository cases, JdbcClient jdbc) {
        this.walker = walker;
        this.taskService = taskService;
        this.managementService = managementService;
        this.cases = cases;
        this.jdbc = jdbc;
    }

    /** An approved case of 岳村乡: rural ordinary standard 520, so the benefit is (520 − wage/size) × size. */
    DibaoCase activeCase(int size, String headWage) {
        return walker.approved("clerk.yuecun", "reviewer.yuecun", "approver", TestApplications.yuecunHousehold(size, headWage));
    }

    /** Runs the instance's due jobs in this thread, for a context whose job executor is off. */
    void runJobs(String processInstanceId) {
        Jobs.runDue(managementService, processInstanceId);
    }

    /** Waits for the job executor to run the instance's asynchronous steps (payroll computation, issue). */
    void awaitJobs(String processInstanceId) {
        Jobs.awaitExecuted(managementService, processInstanceId);
    }

    void complete(String user, String processInstanceId, String taskKey, Map<String, Object> variables) {
        walker.as(user, () -> {
            Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                    .singleResult();
            if (task == null) {
                throw new IllegalStateException(user + " sees no task " + taskKey);
            }
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    Payment payment(long caseId, YearMonth month) {
        return jdbc.sql("""
                select id, payroll_id, case_id, benefit_month, payee_name, payee_id_number, bank_account, people_count,
                    amount, status, reissue_count from payment where case_id = ? and benefit_month = ?""")
                .params(caseId, month.toString()).query(Payment.class).single();
    }

    /** The payroll's first payment by 付款流水号: the forms list the first twenty, whatever other cases are active. */
    Payment firstPayment(long payrollId) {
        return jdbc.sql("""
                select id, payroll_id, case_id, benefit_month, payee_name, payee_id_number, bank_account, people_count,
                    amount, status, reissue_count from payment where payroll_id = ? order by id limit 1""")
                .param(payrollId).query(Payment.class).single();
    }

    long payments(long caseId) {
        return jdbc.sql("select count(*) from payment where case_id = ?").param(caseId).query(Long.class).single();
    }

    record Payment(long id, long payrollId, long caseId, String benefitMonth, String payeeName, String payeeIdNumber,
                   String bankAccount, int peopleCount, java.math.BigDecimal amount, String status, int reissueCount) {
    }
}

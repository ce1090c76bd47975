package cn.minzheng.bureau.gaoling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.payroll.PayrollProcess;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.payroll.PayrollStarter;
import cn.minzheng.bureau.payroll.PayrollStatus;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.Jobs;
import cn.minzheng.bureau.support.Tasklist;

/**
 * 高龄津贴 in the browser as the real users: the township clerk confirms this month's proposal in Tasklist (the
 * resident who turns 80 this month 确认, anyone else 未确认 with the reason); finance starts the 高龄津贴 payroll,
 * checks it in Tasklist, the approver approves it, and the new recipient is paid by it.
 */
@BrowserTest
class GaolingBrowserTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    HouseholdRepository households;
    @Autowired
    GaolingRepository repository;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    PayrollStarter starter;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theClerkConfirmsTheProposalAndTheGaolingPayrollPaysThePerson(Tasklist tasklist) {
        GaolingTestSupport support = new GaolingTestSupport(households, engine, walker);
        String person = support.resident("潘八十", YearMonth.now().atDay(1).minusYears(80));
        ProcessInstance proposal = engine.getRuntimeService().startProcessInstanceByMessage(
                GaolingProposalProcess.MESSAGE_START, Map.of(GaolingProposalProcess.VAR_PROPOSAL_MONTH, YearMonth.now().toString()));
        Task task = support.task(proposal.getId(), GaolingTestSupport.TOWNSHIP);
        List<Map<String, Object>> rows = support.rows(task);

        tasklist.loginAs(GaolingTestSupport.CLERK);
        CamundaForm form = tasklist.openTask(task.getId());
        tasklist.waiting().until(d -> form.values().contains("潘八十"));
        assertThat(form.values()).contains("任丘办事处", person, "80至89周岁", "100.00", "新纳入");
        tasklist.screenshot("gaoling-proposal");
        for (int i = 0; i < rows.size(); i++) {
            if (person.equals(rows.get(i).get("idNumber"))) {
                form.select("核对结论", i, "确认（户籍信息一致）");
            } else {
                form.select("核对结论", i, "未确认");
                form.type("未确认原因（如户籍已迁出、已死亡、身份信息不符）", i, "户籍已迁出本区");
            }
        }
        tasklist.submit(form, "gaoling-proposal-confirm", () -> repository.recipientOf(person).isPresent());
        long enrolmentId = enrolments.forProgramCase(Program.GAOLING, repository.recipientOf(person).orElseThrow().id())
                .orElseThrow().id();

        YearMonth month = FreshPeriods.monthBetween(1, 11);
        long payrollId = walker.as("finance", () -> starter.start(Program.GAOLING, month)).payroll().id();
        String instance = payrolls.get(payrollId).processInstanceId();
        Jobs.awaitExecuted(engine.getManagementService(), instance);
        assertThat(jdbc.sql("select count(*) from payment where enrolment_id = ? and benefit_month = ? and amount = 100.00")
                .params(enrolmentId, month.toString()).query(Long.class).single()).isEqualTo(1);

        tasklist.loginAs("finance");
        tasklist.open("/ledger/payrolls?program=GAOLING");
        tasklist.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("payrolls")));
        assertThat(tasklist.bodyText()).contains("高龄津贴资金月度工资单", month.toString());
        tasklist.screenshot("gaoling-payrolls");
        CamundaForm check = tasklist.openTask(task(instance, PayrollProcess.TASK_CHECK_BY_FINANCE).getId());
        tasklist.waiting().until(d -> check.text().contains("潘八十"));
        assertThat(check.values()).contains("高龄津贴");
        check.choose("核对结论", "核对无误，提交区民政局审批");
        tasklist.submit(check, "gaoling-payroll-check", () -> task(instance, PayrollProcess.TASK_APPROVE_BY_DISTRICT) != null);

        tasklist.loginAs("approver");
        CamundaForm approval = tasklist.openTask(task(instance, PayrollProcess.TASK_APPROVE_BY_DISTRICT).getId());
        tasklist.waiting().until(d -> approval.text().contains("潘八十"));
        approval.choose("审批决定", "批准发放");
        tasklist.submit(approval, "gaoling-payroll-approval", () -> task(instance, PayrollProcess.TASK_APPROVE_BY_DISTRICT) == null);
        Jobs.awaitExecuted(engine.getManagementService(), instance);
        assertThat(payrolls.get(payrollId).status()).isEqualTo(PayrollStatus.ISSUED);
        assertThat(jdbc.sql("select status from payment where enrolment_id = ? and benefit_month = ?")
                .params(enrolmentId, month.toString()).query(String.class).single()).isEqualTo("ISSUED");
    }

    private Task task(String instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }
}

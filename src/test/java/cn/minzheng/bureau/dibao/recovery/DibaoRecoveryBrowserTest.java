package cn.minzheng.bureau.dibao.recovery;

import static cn.minzheng.bureau.dibao.TaskForms.assertChineseOnly;
import static cn.minzheng.bureau.dibao.TaskForms.whole;
import static cn.minzheng.bureau.dibao.recovery.RecoveryProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.payroll.PayrollComputation;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.support.Browser;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/**
 * 低保多发追回 in a real Tasklist, each form as its real user: two months were paid 740 where 340 was due. The
 * 岳村乡 reviewer decides how each overpayment comes back: one household repays it (the clerk records the
 * receipt), one has it deducted from its coming payments, one asks for a waiver (the district approver grants it).
 */
@BrowserTest
class DibaoRecoveryBrowserTest {

    private static final String CLERK = "clerk.yuecun";
    private static final String REVIEWER = "reviewer.yuecun";
    private static final String APPROVER = "approver";

    @Autowired
    DibaoWalker walker;
    @Autowired
    RecoveryService recoveries;
    @Autowired
    RecoveryRepository recoveryRepository;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    PayrollComputation computation;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void theReviewerDecidesRepaymentDeductionAndWaiverTheClerkRecordsTheReceiptTheDistrictWaives(Tasklist tasklist) {
        DibaoCase repaying = activeCase();
        DibaoCase deducting = activeCase();
        DibaoCase waived = activeCase();
        YearMonth first = FreshPeriods.month(1);
        payroll(first);
        payroll(first.plusMonths(1));
        // each was paid 740 twice where 340 was due: 800 overpaid
        Recovery repayment = overpaid(repaying, first);
        Recovery deduction = overpaid(deducting, first);
        Recovery waiver = overpaid(waived, first);

        tasklist.loginAs(REVIEWER);
        CamundaForm decide = tasklist.openTask(task(repayment, TASK_DECIDE).getId());
        tasklist.waiting().until(d -> decide.values().contains(repaying.caseNumber()));
        assertThat(decide.values()).contains("已批准（在保）", "740.00", "800.00");
        assertThat(String.join("\n", decide.values())).contains(first + "：已发740.00元，应发340.00元，多发400.00元");
        decide.choose("追回方式", "责令退回（登记收据）").type("决定理由", "家庭有能力一次退回");
        whole(tasklist, "dibao-recovery-decide-form");
        assertChineseOnly(decide);
        decide.submit();
        tasklist.waiting().until(d -> task(repayment, TASK_RECORD_REPAYMENT) != null);

        CamundaForm deduct = tasklist.openTask(task(deduction, TASK_DECIDE).getId());
        tasklist.waiting().until(d -> deduct.values().contains(deducting.caseNumber()));
        deduct.choose("追回方式", "从以后发放的低保金中按月抵扣")
                .type("每月抵扣金额（不超过每月低保金）", 200)
                .type("决定理由", "家庭无力一次退回，按月抵扣");
        whole(tasklist, "dibao-recovery-decide-deduction-form");
        deduct.submit();
        tasklist.waiting().until(d -> ended(deduction));
        assertThat(recoveryRepository.get(deduction.id()).status()).isEqualTo("DEDUCTING");
        assertThat(recoveryRepository.get(deduction.id()).installmentAmount()).isEqualByComparingTo("200.00");

        CamundaForm waive = tasklist.openTask(task(waiver, TASK_DECIDE).getId());
        tasklist.waiting().until(d -> waive.values().contains(waived.caseNumber()));
        waive.choose("追回方式", "申请减免（须区民政局批准）").type("决定理由", "户主重病住院，家庭无力退回");
        waive.submit();
        tasklist.waiting().until(d -> task(waiver, TASK_APPROVE_WAIVER) != null);

        tasklist.loginAs(CLERK);
        CamundaForm repay = tasklist.openTask(task(repayment, TASK_RECORD_REPAYMENT).getId());
        tasklist.waiting().until(d -> repay.values().contains(repaying.caseNumber()));
        repay.type("退回金额（须与多发合计一致）", 500).type("收据编号", "岳民收字第0001号");
        repay.date("收款日期", LocalDate.now());
        // a receipt for less than the overpayment is refused, in words the clerk understands, and nothing is recorded
        repay.submit();
        tasklist.waiting().until(d -> tasklist.bodyText().contains("退回金额500.00元与应退金额800.00元不一致，请核对收据"));
        assertThat(tasklist.bodyText()).doesNotContain("ENGINE-", "Exception", "RuleViolation");
        tasklist.screenshot("dibao-recovery-repayment-refused");
        assertThat(task(repayment, TASK_RECORD_REPAYMENT)).isNotNull();
        assertThat(recoveryRepository.receipts(repayment.id())).isEmpty();
        // the refusal lies over the form's buttons until the clerk closes it
        closeRefusal(tasklist);
        repay.type("退回金额（须与多发合计一致）", 800);
        whole(tasklist, "dibao-recovery-repayment-form");
        assertChineseOnly(repay);
        repay.submit();
        tasklist.waiting().until(d -> ended(repayment));
        Recovery repaid = recoveryRepository.get(repayment.id());
        assertThat(repaid.status()).isEqualTo("REPAID");
        assertThat(repaid.outstanding()).isEqualByComparingTo("0.00");
        assertThat(recoveryRepository.receipts(repayment.id())).singleElement().satisfies(r -> {
            assertThat(r.receiptNumber()).isEqualTo("岳民收字第0001号");
            assertThat(r.receivedOn()).isEqualTo(LocalDate.now());
        });

        tasklist.loginAs(APPROVER);
        CamundaForm approve = tasklist.openTask(task(waiver, TASK_APPROVE_WAIVER).getId());
        tasklist.waiting().until(d -> approve.values().contains(waived.caseNumber()));
        assertThat(approve.values()).contains("户主重病住院，家庭无力退回", "800.00");
        approve.choose("审批决定", "同意减免").type("意见（不同意时必填）", "情况属实，同意减免");
        whole(tasklist, "dibao-recovery-waiver-form");
        assertChineseOnly(approve);
        approve.submit();
        tasklist.waiting().until(d -> ended(waiver));
        assertThat(recoveryRepository.get(waiver.id()).status()).isEqualTo("WAIVED");
        assertThat(recoveryRepository.get(waiver.id()).waiverApprovedBy()).isEqualTo(APPROVER);
    }

    /** Closes Tasklist's notification of a refusal (×), as the clerk does to reach the form's buttons again. */
    private static void closeRefusal(Tasklist tasklist) {
        Browser.waitUpTo(tasklist.driver(), Duration.ofSeconds(30)).ignoring(ElementNotInteractableException.class)
                .ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElements(By.cssSelector("[uib-alert].alert-danger button.close")).stream().filter(WebElement::isDisplayed)
                    .forEach(WebElement::click);
            return d.findElements(By.cssSelector("[uib-alert].alert-danger")).stream().noneMatch(WebElement::isDisplayed);
        });
    }

    private DibaoCase activeCase() {
        return walker.approved(CLERK, REVIEWER, APPROVER, TestApplications.yuecunHousehold(2, "300")); // 740
    }

    private void payroll(YearMonth month) {
        computation.compute(payrolls.insert(month));
    }

    private Recovery overpaid(DibaoCase dibaoCase, YearMonth from) {
        return walker.as(REVIEWER, () -> recoveries.start(dibaoCase.id(), from.toString(), new BigDecimal("340"), "MANUAL", null,
                "复核发现自" + from + "起家庭收入增加，应发340元"));
    }

    private Task task(Recovery recovery, String key) {
        return taskService.createTaskQuery().processInstanceId(recovery.processInstanceId()).taskDefinitionKey(key).singleResult();
    }

    private boolean ended(Recovery recovery) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(recovery.processInstanceId()).count() == 0;
    }
}

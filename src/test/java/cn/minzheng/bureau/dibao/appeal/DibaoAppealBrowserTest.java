package cn.minzheng.bureau.dibao.appeal;

import static cn.minzheng.bureau.dibao.TaskForms.assertChineseOnly;
import static cn.minzheng.bureau.dibao.TaskForms.whole;
import static cn.minzheng.bureau.dibao.appeal.AppealProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/**
 * 低保申诉复核 in a real Tasklist, each form as its real user: a 任丘办 household appeals against its amount;
 * clerk2.renqiu, who did not handle the case, re-investigates it, and the district approver changes the amount,
 * which the case is paid from next month.
 */
@BrowserTest
class DibaoAppealBrowserTest {

    private static final String CLERK = "clerk.renqiu";
    private static final String SECOND_CLERK = "clerk2.renqiu";
    private static final String REVIEWER = "reviewer.renqiu";
    private static final String APPROVER = "approver";

    @Autowired
    DibaoWalker walker;
    @Autowired
    AppealService appeals;
    @Autowired
    AppealRepository appealRepository;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void anAppealAgainstTheAmountIsReinvestigatedByAnotherClerkAndTheDistrictChangesIt(Tasklist tasklist) {
        DibaoCase dibaoCase = activeCase();
        String amount = cases.find(dibaoCase.id()).orElseThrow().monthlyAmount().setScale(2).toPlainString();
        Appeal appeal = walker.as(CLERK, () -> appeals.register(new AppealService.Registration(dibaoCase.id(), AMOUNT, null,
                "户主患慢性病，每月药费较大，请求提高补助"), CLERK));
        String instance = appeal.processInstanceId();

        tasklist.loginAs(SECOND_CLERK);
        CamundaForm reinvestigate = tasklist.openTask(task(instance, TASK_REINVESTIGATE).getId());
        tasklist.waiting().until(d -> reinvestigate.values().contains(dibaoCase.caseNumber()));
        assertThat(reinvestigate.values()).contains("核定的补助金额", amount, "户主患慢性病，每月药费较大，请求提高补助",
                "任丘办事处");
        // what the contested amount was decided on: (700 - 300 / 2) x 2
        assertThat(String.join("\n", reinvestigate.values())).contains("核定时家庭人均收入150.00元，低保标准700.00元，月补助1100.00元");
        reinvestigate.type("一看家底：住房、车辆、存款等", "租住房屋，无车辆，无存款")
                .type("二问收入", "收入与申报一致")
                .type("三查就业情况", "户主灵活就业，因病时常停工")
                .type("四核水电气暖开支（元/月，核实数）", 95)
                .type("五了解隐性收入（元/月，无则填0）", 0)
                .check("已入户走访核查", true)
                .type("调查结论", "家庭经济困难属实")
                .type("重新调查结论（对申诉理由逐项核实）", "户主患慢性病属实，有医院诊断证明，每月药费约300元");
        whole(tasklist, "dibao-appeal-reinvestigate-form");
        assertChineseOnly(reinvestigate);
        reinvestigate.submit();
        tasklist.waiting().until(d -> task(instance, TASK_DECIDE) != null);
        assertThat(appealRepository.get(appeal.id()).investigatedBy()).isEqualTo(SECOND_CLERK);

        tasklist.loginAs(APPROVER);
        CamundaForm decide = tasklist.openTask(task(instance, TASK_DECIDE).getId());
        tasklist.waiting().until(d -> decide.values().contains(dibaoCase.caseNumber()));
        assertThat(String.join("\n", decide.values())).contains("户主患慢性病属实", "重新核算：人均收入");
        decide.choose("复核决定", "变更原决定（填写变更后的金额）")
                .type("变更后的月补助金额", "1200.50")
                .type("复核决定的书面理由", "户主患慢性病，医疗支出大，按重病家庭酌情提高");
        whole(tasklist, "dibao-appeal-decide-form");
        assertChineseOnly(decide);
        decide.submit();
        tasklist.waiting().until(d -> runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0);

        Appeal decided = appealRepository.get(appeal.id());
        assertThat(decided.status()).isEqualTo(CHANGED);
        assertThat(decided.decidedBy()).isEqualTo(APPROVER);
        assertThat(decided.effectiveMonth()).isEqualTo(YearMonth.now().plusMonths(1).toString());
        assertThat(cases.find(dibaoCase.id()).orElseThrow().monthlyAmount()).isEqualByComparingTo("1200.50");
    }

    /** An active case of 任丘办 handled by clerk.renqiu, reviewer.renqiu and the approver. */
    private DibaoCase activeCase() {
        return walker.approved(CLERK, REVIEWER, APPROVER, TestApplications.household("renqiu", "renqiu-qinghuayuan", "ORDINARY", 2, "300"));
    }

    private Task task(String instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }
}

package cn.minzheng.bureau.dibao.review;

import static cn.minzheng.bureau.dibao.TaskForms.assertChineseOnly;
import static cn.minzheng.bureau.dibao.TaskForms.whole;
import static cn.minzheng.bureau.dibao.review.ReviewProcess.*;
import static org.assertj.core.api.Assertions.assertThat;


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
 * 低保动态管理复核 in a real Tasklist, each form as its real user: the 岳村乡 clerk re-surveys a household that
 * reported new work, the township reviewer agrees to the lower amount, the district approver approves it, and
 * the case is paid the new amount.
 */
@BrowserTest
class DibaoReviewBrowserTest {

    private static final String CLERK = "clerk.yuecun";
    private static final String REVIEWER = "reviewer.yuecun";
    private static final String APPROVER = "approver";

    @Autowired
    DibaoWalker walker;
    @Autowired
    ReviewStarter starter;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    ReviewRepository reviews;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void aReportedJobIsResurveyedReviewedAndApprovedAndTheAmountIsLowered(Tasklist tasklist) {
        DibaoCase dibaoCase = activeCase(); // (520 - 300 / 2) x 2 = 740
        String instance = walker.as(CLERK, () -> starter.start(dibaoCase.id(), ReviewStarter.CHANGE_REPORTED, "户主在县城找到临时工作"));

        tasklist.loginAs(CLERK);
        CamundaForm survey = tasklist.openTask(task(instance, TASK_RESURVEY).getId());
        tasklist.waiting().until(d -> survey.values().contains(dibaoCase.caseNumber()));
        assertThat(survey.values()).contains("测试户主", "岳村乡", "家庭情况变化报告", "740.00", "户主在县城找到临时工作");
        survey.type("一看家底：住房、车辆、存款等", "自住房一处，无车辆，无大额存款")
                .type("二问收入", "户主在县城建筑工地做临时工，每月约400元")
                .type("三查就业情况", "户主灵活就业")
                .type("四核水电气暖开支（元/月，核实数）", 90)
                .type("五了解隐性收入（元/月，无则填0）", 400)
                .type("隐性收入说明", "临时工工资")
                .check("已入户走访核查", true)
                .type("调查结论", "家庭收入增加，建议按新收入核定");
        whole(tasklist, "dibao-review-survey-form");
        assertChineseOnly(survey);
        assertThat(survey.errors()).isEmpty();
        survey.submit();
        tasklist.waiting().until(d -> waitingAt(instance, TASK_REVIEW_BY_TOWNSHIP));

        tasklist.loginAs(REVIEWER);
        CamundaForm township = tasklist.openTask(task(instance, TASK_REVIEW_BY_TOWNSHIP).getId());
        tasklist.waiting().until(d -> township.values().contains(dibaoCase.caseNumber()));
        // 400 found: per capita (300 + 400) / 2 = 350, (520 - 350) x 2 = 340
        assertThat(township.values()).contains("降标", "340.00", "740.00");
        assertThat(String.join("\n", township.values())).contains("临时工工资");
        township.choose("乡镇（街道）审核决定", "同意").type("审核意见；不同意时须写明理由", "经审核，户主已就业，同意降标");
        whole(tasklist, "dibao-review-township-form");
        assertChineseOnly(township);
        township.submit();
        tasklist.waiting().until(d -> waitingAt(instance, TASK_APPROVE_BY_DISTRICT));

        tasklist.loginAs(APPROVER);
        CamundaForm district = tasklist.openTask(task(instance, TASK_APPROVE_BY_DISTRICT).getId());
        tasklist.waiting().until(d -> district.values().contains(dibaoCase.caseNumber()));
        assertThat(district.values()).contains("降标", "340.00", "经审核，户主已就业，同意降标", "李建国（岳村乡审核人）");
        district.choose("区民政局审批决定", "批准").type("审批意见；不批准时须写明理由", "同意");
        whole(tasklist, "dibao-review-district-form");
        assertChineseOnly(district);
        district.submit();
        tasklist.waiting().until(d -> runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0);

        assertThat(cases.find(dibaoCase.id()).orElseThrow().monthlyAmount()).isEqualByComparingTo("340.00");
        ReviewRepository.Review review = reviews.ofCase(dibaoCase.id()).get(0);
        assertThat(review.status()).isEqualTo(ReviewStatus.APPLIED);
        assertThat(review.outcome()).isEqualTo(ReviewOutcome.LOWER);
        assertThat(review.decidedBy()).isEqualTo(APPROVER);
    }

    private DibaoCase activeCase() {
        return walker.approved(CLERK, REVIEWER, APPROVER, TestApplications.yuecunHousehold(2, "300"));
    }

    private Task task(String instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }

    private boolean waitingAt(String instance, String key) {
        return task(instance, key) != null;
    }
}

package cn.minzheng.bureau.organisation;

import static cn.minzheng.bureau.organisation.AnnualInspectionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.bureau.organisation.AnnualInspectionRepository.Inspection;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;

/**
 * 年度检查 in Tasklist by the real users, every form filled in Chinese: the section's clerk opens the inspection of an
 * organisation for 2024 and enters its paper report, reviews it, the head confirms the result; the result is then on
 * the anonymous public register, without the figures. The engine clock stands in March 2025, before the deadline.
 */
@BrowserTest
class AnnualInspectionBrowserTest {

    @Autowired
    OrganisationRepository register;
    @Autowired
    AnnualInspectionRepository inspections;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anAnnualInspectionGoesFromThePaperReportToItsPublishedResult(Tasklist tasklist) {
        LocalDate registeredOn = LocalDate.of(2024, 5, 8);
        String name = OrganisationRegistrationProcessTest.uniqueName("太极拳协会");
        long id = register.apply(new OrganisationRepository.Application(name, OrganisationKind.SOCIAL_GROUP, "孟庆和",
                "中原区碧沙岗公园东门", new BigDecimal("30000"), "太极拳推广、培训和交流", "中原区体育局", "中体〔2024〕5号",
                registeredOn.minusDays(30)), null, registeredOn, null, "orgclerk");
        String code = OrganisationRegistrationProcessTest.creditCode('1');
        register.registered(id, code, registeredOn, "orgclerk");
        register.announced(id, registeredOn);
        ClockUtil.setCurrentTime(Timestamp.valueOf("2025-03-03 09:30:00"));

        tasklist.loginAs("orgclerk");
        CamundaForm start = tasklist.startProcess("民间组织年度检查");
        start.type("统一社会信用代码", code).type("检查年度", "2024");
        tasklist.submit(start, "organisation-annual-inspection-start", () -> inspections.find(id, 2024).isPresent());
        Inspection opened = inspections.find(id, 2024).orElseThrow();

        CamundaForm report = tasklist.openTask(task(opened, TASK_REPORT).getId());
        assertThat(report.values()).contains(name, "社会团体", code, "2025-05-31", "无");
        report.type("年度收入（元）", "86500.50").type("年度支出（元）", "71200").type("年末净资产（元）", "45300.50")
                .type("年度开展活动次数", "9").choose("是否按照章程开展活动", "是").choose("业务主管单位是否出具初审意见", "是");
        tasklist.submit(report, "organisation-annual-inspection-report", () -> isWaitingAt(opened, TASK_REVIEW));
        Inspection reported = inspections.find(id, 2024).orElseThrow();
        assertThat(reported.income()).isEqualByComparingTo("86500.50");
        assertThat(reported.activitiesHeld()).isEqualTo(9);
        assertThat(reported.result()).isEqualTo(InspectionResult.QUALIFIED);

        CamundaForm review = tasklist.openTask(task(opened, TASK_REVIEW).getId());
        assertThat(review.values()).contains(name, "86500.50", "45300.50", "30000.00", "合格", "各项检查均符合要求");
        review.type("审查意见", "报表与纸质材料一致，业务主管单位已出具初审意见");
        tasklist.submit(review, "organisation-annual-inspection-review", () -> isWaitingAt(opened, TASK_DECIDE));

        tasklist.loginAs("orghead");
        CamundaForm decision = tasklist.openTask(task(opened, TASK_DECIDE).getId());
        assertThat(decision.values()).contains(name, "合格", "谢婷（区民政局民间组织管理科）",
                "报表与纸质材料一致，业务主管单位已出具初审意见");
        decision.choose("审定意见", "同意年检结论");
        tasklist.submit(decision, "organisation-annual-inspection-decision",
                () -> inspections.find(id, 2024).orElseThrow().publishedOn() != null);
        Inspection published = inspections.find(id, 2024).orElseThrow();
        assertThat(published.status()).isEqualTo(AnnualInspectionRepository.Stage.PUBLISHED);
        assertThat(published.decidedBy()).isEqualTo("orghead");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(opened.processInstanceId()).count()).isZero();

        tasklist.open("/public/organisations?q=" + code);
        String table = tasklist.driver().findElement(By.id("organisations")).getText();
        tasklist.screenshot("organisation-inspection-public-register");
        assertThat(table).contains(name, code, "正常", "2024年度 合格")
                .doesNotContain("86500", "71200", "45300", "孟庆和（", "orgclerk", "谢婷");
    }

    private boolean isWaitingAt(Inspection inspection, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(inspection.processInstanceId()).taskDefinitionKey(taskKey)
                .count() == 1;
    }

    private Task task(Inspection inspection, String key) {
        List<Task> found = taskService.createTaskQuery().processInstanceId(inspection.processInstanceId())
                .taskDefinitionKey(key).list();
        assertThat(found).as("open tasks %s", key).hasSize(1);
        return found.get(0);
    }
}

package cn.minzheng.bureau.organisation;

import static cn.minzheng.bureau.organisation.OrganisationChangeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.organisation.OrganisationRepository.Change;
import cn.minzheng.bureau.organisation.OrganisationRepository.Organisation;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;

/**
 * 变更登记 and 注销登记 in Tasklist by the real users, every form filled in Chinese: the section's clerk applies for the
 * change of a registered organisation and reviews it, the head (not the reviewer) approves; the register then shows the
 * new value with its history, and a cancelled organisation shows 已注销 on the anonymous public register.
 */
@BrowserTest
class OrganisationChangeBrowserTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Autowired
    OrganisationRepository register;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aChangeOfLegalRepresentativeIsReviewedApprovedAndRecordedWithItsHistory(Tasklist tasklist) {
        String name = OrganisationRegistrationProcessTest.uniqueName("摄影家协会");
        Organisation organisation = registered(name);

        tasklist.loginAs("orgclerk");
        CamundaForm start = tasklist.startProcess("民间组织变更、注销登记");
        start.type("统一社会信用代码", organisation.creditCode()).select("申请事项", "法定代表人变更")
                .type("变更后的内容", "林晓东").type("理由", "第二届会员大会选举林晓东为会长");
        tasklist.submit(start, "organisation-change-start", () -> processOf(organisation) != null);
        String instance = processOf(organisation);

        CamundaForm review = tasklist.openTask(task(instance, TASK_REVIEW).getId());
        assertThat(review.values()).contains(name, organisation.creditCode(), "法定代表人变更", "周建民", "林晓东",
                "第二届会员大会选举林晓东为会长");
        review.choose("审查意见", "同意，报科负责人审批").type("审查意见说明（不予办理时必填）", "会员大会决议和选举结果齐全");
        tasklist.submit(review, "organisation-change-review", () -> isWaitingAt(instance, TASK_APPROVE));

        tasklist.loginAs("orghead");
        CamundaForm approval = tasklist.openTask(task(instance, TASK_APPROVE).getId());
        assertThat(approval.values()).contains(name, "周建民", "林晓东", "谢婷（区民政局民间组织管理科）", "会员大会决议和选举结果齐全");
        approval.choose("审批意见", "准予");
        tasklist.submit(approval, "organisation-change-approval", () -> isEnded(instance));

        Organisation changed = register.find(organisation.id()).orElseThrow();
        assertThat(changed.legalRepresentative()).isEqualTo("林晓东");
        assertThat(register.history(changed.id())).extracting(OrganisationRepository.StatusChange::note).last()
                .isEqualTo("法定代表人变更：“周建民”变更为“林晓东”，理由：第二届会员大会选举林晓东为会长");
        Change recorded = register.changes(changed.id()).get(0);
        assertThat(recorded.status()).isEqualTo("APPROVED");
        assertThat(recorded.reviewedBy()).isEqualTo("orgclerk");
        assertThat(recorded.approvedBy()).isEqualTo("orghead");

        tasklist.open("/public/organisations?q=" + changed.creditCode());
        String table = tasklist.driver().findElement(By.id("organisations")).getText();
        tasklist.screenshot("organisation-change-public-register");
        assertThat(table).contains(name, "林晓东", "正常").doesNotContain("周建民");
    }

    @Test
    void aCancellationWithItsLiquidationReportShowsTheOrganisationAsCancelled(Tasklist tasklist) {
        String name = OrganisationRegistrationProcessTest.uniqueName("集邮协会");
        Organisation organisation = registered(name);

        tasklist.loginAs("orgclerk");
        CamundaForm start = tasklist.startProcess("民间组织变更、注销登记");
        start.type("统一社会信用代码", organisation.creditCode()).select("申请事项", "注销登记")
                .type("理由", "会员大会决议解散");
        // form-js reads a date as month/day/year: its placeholder says so in Chinese, not "mm/dd/yyyy"
        tasklist.waiting().until(d -> "月/日/年，或点击选择".equals(
                start.field("清算报告日期（注销登记必填）", 0).getAttribute("placeholder")));
        start.date("清算报告日期（注销登记必填）", TODAY.minusDays(5))
                .type("剩余财产（净资产）去向（注销登记必填）", "移交中原区慈善总会用于公益事业");
        tasklist.submit(start, "organisation-cancellation-start", () -> processOf(organisation) != null);
        String instance = processOf(organisation);

        CamundaForm review = tasklist.openTask(task(instance, TASK_REVIEW).getId());
        assertThat(review.values()).contains(name, "注销登记", "会员大会决议解散", TODAY.minusDays(5).toString(),
                "移交中原区慈善总会用于公益事业");
        review.choose("审查意见", "同意，报科负责人审批");
        tasklist.submit(review, "organisation-cancellation-review", () -> isWaitingAt(instance, TASK_APPROVE));

        tasklist.loginAs("orghead");
        CamundaForm approval = tasklist.openTask(task(instance, TASK_APPROVE).getId());
        assertThat(approval.values()).contains(name, "注销登记", "谢婷（区民政局民间组织管理科）");
        approval.choose("审批意见", "准予");
        tasklist.submit(approval, "organisation-cancellation-approval", () -> isEnded(instance));

        Organisation cancelled = register.find(organisation.id()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(OrganisationStatus.CANCELLED);
        assertThat(register.holder(name, TODAY)).isEmpty();
        assertThat(register.history(cancelled.id())).extracting(OrganisationRepository.StatusChange::note).last()
                .isEqualTo("注销登记：会员大会决议解散（清算报告" + TODAY.minusDays(5) + "，剩余财产移交中原区慈善总会用于公益事业）");

        tasklist.open("/public/organisations?q=" + cancelled.creditCode());
        String table = tasklist.driver().findElement(By.id("organisations")).getText();
        tasklist.screenshot("organisation-cancellation-public-register");
        assertThat(table).contains(name, cancelled.creditCode(), "已注销").doesNotContain("正常");
    }

    /** A registered, announced 社会团体. */
    private Organisation registered(String name) {
        LocalDate on = LocalDate.of(2024, 6, 10);
        long id = register.apply(new OrganisationRepository.Application(name, OrganisationKind.SOCIAL_GROUP, "周建民",
                "中原区建设路18号", new BigDecimal("30000.00"), "摄影创作交流", "中原区文化广电和旅游局", "中文旅〔2024〕3号",
                on.minusDays(20)), null, on, null, "orgclerk");
        register.registered(id, OrganisationRegistrationProcessTest.creditCode('1'), on, "orgclerk");
        register.announced(id, on);
        return register.find(id).orElseThrow();
    }

    /** The change process of this organisation, once the start form is submitted. */
    private String processOf(Organisation organisation) {
        return jdbc.sql("select process_instance_id from social_organisation_change where organisation_id = ?")
                .param(organisation.id()).query(String.class).optional().orElse(null);
    }

    private boolean isWaitingAt(String instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).count() == 1;
    }

    private boolean isEnded(String instance) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0;
    }

    private Task task(String instance, String key) {
        List<Task> found = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).list();
        assertThat(found).as("open tasks %s", key).hasSize(1);
        return found.get(0);
    }
}

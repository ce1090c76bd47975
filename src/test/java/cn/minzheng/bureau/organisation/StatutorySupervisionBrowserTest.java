package cn.minzheng.bureau.organisation;

import static cn.minzheng.bureau.dibao.TaskForms.assertChineseOnly;
import static org.assertj.core.api.Assertions.assertThat;


import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.deadline.StatutorySupervisionProcess;
import cn.minzheng.bureau.deadline.StatutoryTimeLimit;
import cn.minzheng.bureau.deadline.StatutoryTimeLimits;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.UserTasks;

/**
 * 法定期限超期督办 in a real Tasklist: a 成立登记 (started through the API; its forms are proven in
 * OrganisationRegistrationBrowserTest) is not decided within 60 working days, and the head of the section writes his
 * supervision in the 督办 form. The late application stays where it was.
 */
@BrowserTest
class StatutorySupervisionBrowserTest {

    @Autowired
    UserTasks userTasks;
    @Autowired
    StatutoryTimeLimits timeLimits;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theHeadSupervisesARegistrationNotDecidedInTime(Tasklist tasklist) {
        String name = OrganisationRegistrationProcessTest.uniqueName("桥牌协会");
        ProcessInstance registration = userTasks.start("orgclerk", OrganisationRegistrationProcess.KEY,
                OrganisationRegistrationProcessTest.application(name, "SOCIAL_GROUP", "30000.00"));
        long id = jdbc.sql("select id from social_organisation where process_instance_id = ?").param(registration.getId())
                .query(Long.class).single();
        // the limit runs out: the test fires its timer rather than wait 60 working days
        managementService.executeJob(managementService.createJobQuery().processInstanceId(registration.getId())
                .activityId(OrganisationLimit.REGISTRATION.timerId()).singleResult().getId());
        ProcessInstance supervision = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(StatutorySupervisionProcess.KEY).processInstanceBusinessKey("SOCIAL_ORGANISATION-" + id)
                .singleResult();

        tasklist.loginAs("orghead");
        CamundaForm form = tasklist.openTask(taskService.createTaskQuery().processInstanceId(supervision.getId())
                .singleResult().getId());
        tasklist.waiting().until(d -> form.values().contains(name));
        assertThat(form.values()).contains("民间组织成立登记", "成立登记决定（受理后60个工作日内）");
        form.type("督办意见", "请民间组织管理科即日审查，三个工作日内提请审批");
        tasklist.screenshot("statutory-supervision-form");
        assertChineseOnly(form);
        form.submit();
        tasklist.waiting().until(d -> runtimeService.createProcessInstanceQuery().processInstanceId(supervision.getId()).count() == 0);

        StatutoryTimeLimit limit = timeLimits.of(OrganisationLimit.SUBJECT, id).get(0);
        assertThat(limit.supervisedBy()).isEqualTo("orghead");
        assertThat(limit.supervisionComment()).isEqualTo("请民间组织管理科即日审查，三个工作日内提请审批");
        assertThat(taskService.createTaskQuery().processInstanceId(registration.getId())
                .taskDefinitionKey(OrganisationRegistrationProcess.TASK_REVIEW).count()).isOne();
    }
}

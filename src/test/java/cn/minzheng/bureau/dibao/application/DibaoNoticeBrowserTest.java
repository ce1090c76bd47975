package cn.minzheng.bureau.dibao.application;

import static cn.minzheng.bureau.dibao.TaskForms.assertChineseOnly;
import static cn.minzheng.bureau.dibao.TaskForms.whole;
import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.deadline.LimitKind;
import cn.minzheng.bureau.dibao.deadline.TimeLimitRepository;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/**
 * The 岳村乡 clerk's two notice tasks of a 低保 application in a real Tasklist: an objection registered during the
 * public notice sends the case back to the household survey, and a written refusal delivered is registered and
 * ends the application within its time limit.
 */
@BrowserTest
class DibaoNoticeBrowserTest {

    private static final String CLERK = "clerk.yuecun";
    private static final String REVIEWER = "reviewer.yuecun";

    @Autowired
    DibaoWalker walker;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    TimeLimitRepository timeLimits;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anObjectionDuringThePublicNoticeSendsTheCaseBackToTheSurvey(Tasklist tasklist) {
        DibaoCase dibaoCase = surveyed();
        walker.reviewByTownship(REVIEWER, dibaoCase, APPROVE, "经审核，家庭经济状况属实，同意");
        assertThat(task(dibaoCase, TASK_PUBLIC_NOTICE)).isNotNull();

        tasklist.loginAs(CLERK);
        CamundaForm notice = tasklist.openTask(task(dibaoCase, TASK_PUBLIC_NOTICE).getId());
        tasklist.waiting().until(d -> notice.values().contains(dibaoCase.caseNumber()));
        assertThat(notice.values()).contains("测试户主", "岳村乡", "岳村");
        assertThat(notice.values()).anyMatch(v -> v.matches("\\d{4}-\\d{2}-\\d{2}.*")); // 公示截止日期
        notice.type("异议人（可匿名填“匿名”）", "匿名")
                .type("异议内容", "该户户主常年在外地务工，收入未如实申报");
        whole(tasklist, "dibao-public-notice-form");
        assertChineseOnly(notice);
        notice.submit();
        tasklist.waiting().until(d -> task(dibaoCase, TASK_SURVEY) != null);

        assertThat(task(dibaoCase, TASK_PUBLIC_NOTICE)).isNull();
        assertThat(jdbc.sql("select comment from dibao_decision where case_id = ? and decision = 'OBJECTION'")
                .param(dibaoCase.id()).query(String.class).single()).isEqualTo("匿名：该户户主常年在外地务工，收入未如实申报");
    }

    @Test
    void theClerkRegistersTheDeliveredWrittenRefusal(Tasklist tasklist) {
        DibaoCase dibaoCase = surveyed();
        walker.reviewByTownship(REVIEWER, dibaoCase, REJECT, "家庭有经营性车辆两辆，不符合低保条件");
        assertThat(cases.find(dibaoCase.id()).orElseThrow().status()).isEqualTo(CaseStatus.REJECTED);

        tasklist.loginAs(CLERK);
        CamundaForm refusal = tasklist.openTask(task(dibaoCase, TASK_ISSUE_REFUSAL_NOTICE).getId());
        tasklist.waiting().until(d -> refusal.values().contains(dibaoCase.caseNumber()));
        assertThat(refusal.values()).contains("测试户主", "岳村乡", "乡镇（街道）审核未通过：家庭有经营性车辆两辆，不符合低保条件");
        assertThat(refusal.options("送达方式", 0)).containsExactly("直接送达", "邮寄送达", "留置送达");
        refusal.select("送达方式", "邮寄送达")
                .type("签收人", "测试户主")
                .type("备注（如邮件单号、见证人）", "中国邮政挂号信，单号已存档");
        whole(tasklist, "dibao-refusal-notice-form");
        assertChineseOnly(refusal);
        refusal.submit();
        tasklist.waiting().until(d -> runtimeService.createProcessInstanceQuery()
                .processInstanceId(dibaoCase.processInstanceId()).count() == 0);

        assertThat(timeLimits.forCase(dibaoCase.id())).filteredOn(l -> l.kind() == LimitKind.REFUSAL_NOTICE)
                .singleElement().satisfies(limit -> assertThat(limit.metAt()).isNotNull());
        assertThat(jdbc.sql("select count(*) from audit_event where case_id = ? and action = 'REFUSAL_NOTICE_DELIVERED'")
                .param(dibaoCase.id()).query(Long.class).single()).isOne();
    }

    private DibaoCase surveyed() {
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.yuecunHousehold(2, "300"));
        walker.accept(CLERK, dibaoCase);
        walker.survey(CLERK, dibaoCase, Map.of());
        return dibaoCase;
    }

    private Task task(DibaoCase dibaoCase, String key) {
        return taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId()).taskDefinitionKey(key).singleResult();
    }
}

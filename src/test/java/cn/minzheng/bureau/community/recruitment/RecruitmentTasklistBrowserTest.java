package cn.minzheng.bureau.community.recruitment;

import static cn.minzheng.bureau.community.recruitment.RecruitmentProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/**
 * Every form of 社区工作者竞争上岗 filled and submitted in Tasklist by the user whose work it is: the street
 * office's clerk announces a round and registers applicants, the reviewer excludes an applicant with the
 * checklist, the clerk enters an applicant's scores in that applicant's own task, the reviewer approves
 * the ranking and appoints the community's director. What the browser submits is what the server reads back.
 */
@BrowserTest
class RecruitmentTasklistBrowserTest {

    private static final String CLERK = "clerk.zhongyuan";
    private static final String REVIEWER = "reviewer.zhongyuan";

    @Autowired
    DibaoWalker walker;
    @Autowired
    FormService formService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RecruitmentRepository recruitment;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theStreetOfficeClerkAnnouncesARoundAndRegistersItsApplicants(Tasklist tasklist) {
        String title = "中原办事处社区工作者竞争上岗" + ThreadLocalRandom.current().nextInt(100_000);
        tasklist.loginAs(CLERK);
        CamundaForm start = tasklist.startProcess("社区工作者竞争上岗");
        assertThat(start.values()).as("the clerk's own street office, chosen already").contains("中原办事处");
        start.type("招聘名称", title);
        assertThat(start.options("社区（村）", 0)).as("the street office's own communities")
                .contains("南江社区", "金华社区").doesNotContain("清华苑社区", "东岳村");
        start.select("社区（村）", 0, "南江社区").type("岗位数", 0, 2);
        tasklist.submit(start, "community-recruitment-start", () -> roundTitled(title) != null);
        long roundId = roundTitled(title);
        assertThat(recruitment.posts(roundId)).containsExactly(Map.entry("zhongyuan-nanjiang", 2));
        ProcessInstance round = instance(roundId);

        CamundaForm register = tasklist.openTask(task(round, TASK_REGISTER_APPLICATIONS).getId());
        assertThat(register.values()).contains(title, "中原办事处", "南江社区2名", "尚无报名");
        register.type("姓名", 0, "周文静").type("公民身份号码", 0, RecruitmentProcessTest.id(31));
        register.select("报名社区（村）", 0, "南江社区").select("学历", 0, "本科")
                .addRow("本次登记的报名人员")
                .type("姓名", 1, "郑晓光").type("公民身份号码", 1, RecruitmentProcessTest.id(27));
        register.select("报名社区（村）", 1, "南江社区").select("学历", 1, "高中或中专");
        tasklist.submit(register, "community-recruitment-register", () -> isWaitingAt(round, TASK_REVIEW_ELIGIBILITY));
        assertThat(recruitment.applications(roundId)).extracting(a -> a.applicantName() + ":" + a.communityCode() + ":" + a.eligible())
                .containsExactly("周文静:zhongyuan-nanjiang:true", "郑晓光:zhongyuan-nanjiang:true");
    }

    @Test
    void theReviewerExcludesAndTheClerkScoresInTasklist(Tasklist tasklist) {
        ProcessInstance round = roundWithApplicants("南江社区", """
                [{"applicantName":"周文静","idNumber":"%s","community":"南江社区","education":"BACHELOR"},
                 {"applicantName":"吴长青","idNumber":"%s","community":"南江社区","education":"BACHELOR"},
                 {"applicantName":"郑晓光","idNumber":"%s","community":"南江社区","education":"HIGH_SCHOOL"}]"""
                .formatted(RecruitmentProcessTest.id(31), RecruitmentProcessTest.id(60), RecruitmentProcessTest.id(27)));
        long roundId = roundId(round);

        tasklist.loginAs(REVIEWER);
        CamundaForm eligibility = tasklist.openTask(task(round, TASK_REVIEW_ELIGIBILITY).getId());
        assertThat(eligibility.text()).contains("资格审查表", "取消资格的人员", "取消资格的理由", "审查结论");
        assertThat(String.join("\n", eligibility.values())).contains("吴长青（南江社区） 60岁 本科 — 不合格：年龄60岁，不在18至45岁之间");
        assertThat(eligibility.element().findElements(By.xpath(".//label[contains(., '吴长青（南江社区）')]")))
                .as("refused by the rules: no option to exclude").isEmpty();
        eligibility.choose("审查结论", "确认资格审查结果")
                .tick("取消资格的人员（仅限系统审核合格的人员）", "郑晓光（南江社区）")
                .type("取消资格的理由", "学历证书无法核实");
        tasklist.submit(eligibility, "community-recruitment-eligibility", () -> isWaitingAt(round, TASK_SCORE));
        assertThat(recruitment.applications(roundId)).extracting(a -> a.applicantName() + ":" + a.eligible())
                .containsExactly("周文静:true", "吴长青:false", "郑晓光:false");
        assertThat(recruitment.applications(roundId).get(2).ineligibleReason()).isEqualTo("学历证书无法核实");

        tasklist.loginAs(CLERK);
        CamundaForm scores = tasklist.openTask(task(round, TASK_SCORE).getId());
        assertThat(scores.values()).contains("周文静", "南江社区");
        scores.type("笔试成绩", "86.5").type("面试成绩", 90);
        tasklist.submit(scores, "community-recruitment-score", () -> isWaitingAt(round, TASK_APPROVE_APPOINTMENTS));
        var scored = recruitment.applications(roundId).get(0);
        assertThat(scored.writtenScore()).isEqualByComparingTo("86.5");
        assertThat(scored.interviewScore()).isEqualByComparingTo("90");
        assertThat(scored.totalScore()).isEqualByComparingTo("87.90");
        assertThat(scored.proposed()).isTrue();
    }

    @Test
    void theReviewerApprovesTheRankingAndAppointsTheCommunitysDirector(Tasklist tasklist) {
        String name = TestApplications.personName("孙");
        ProcessInstance round = roundWithApplicants("金华社区", """
                [{"applicantName":"%s","idNumber":"%s","community":"金华社区","education":"JUNIOR_COLLEGE"}]"""
                .formatted(name, RecruitmentProcessTest.id(29)));
        long roundId = roundId(round);
        complete(REVIEWER, round, TASK_REVIEW_ELIGIBILITY, Map.of(VAR_ELIGIBILITY_DECISION, CONFIRM));
        complete(CLERK, round, TASK_SCORE, Map.of(VAR_WRITTEN_SCORE, 80, VAR_INTERVIEW_SCORE, 75));

        tasklist.loginAs(REVIEWER);
        CamundaForm approve = tasklist.openTask(task(round, TASK_APPROVE_APPOINTMENTS).getId());
        assertThat(String.join("\n", approve.values())).contains("金华社区 第1名 " + name + " 总分78.00 拟聘用");
        approve.choose("审批结论", "同意按排名聘用").type("意见", "同意聘用");
        tasklist.submit(approve, "community-recruitment-approve", () -> isWaitingAt(round, TASK_APPOINT_DIRECTOR));
        assertThat(recruitment.roundWorkers(roundId)).extracting(RecruitmentRepository.Worker::workerName).containsExactly(name);

        CamundaForm director = tasklist.openTask(task(round, TASK_APPOINT_DIRECTOR).getId());
        assertThat(director.values()).contains("金华社区");
        director.select("居委会主任", name);
        tasklist.submit(director, "community-recruitment-director", () -> hasEnded(round));
        assertThat(recruitment.currentDirector("zhongyuan-jinhua")).hasValueSatisfying(d -> {
            assertThat(d.workerName()).isEqualTo(name);
            assertThat(d.roundId()).isEqualTo(roundId);
            assertThat(d.appointedBy()).isEqualTo(REVIEWER);
        });
    }

    /** A round of 中原办事处 with one post in the community and the applicants registered, at the eligibility review. */
    private ProcessInstance roundWithApplicants(String community, String applicants) {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
                .singleResult().getId();
        ProcessInstance round = walker.as(CLERK, () -> formService.submitStartForm(definition, Map.of(
                VAR_TOWNSHIP_CODE, "zhongyuan", VAR_TITLE, "中原办事处社区工作者竞争上岗",
                VAR_POSTS, SpinValues.jsonValue("[{\"community\":\"" + community + "\",\"posts\":1}]").create())));
        complete(CLERK, round, TASK_REGISTER_APPLICATIONS, Map.of(VAR_APPLICATIONS, SpinValues.jsonValue(applicants).create()));
        return round;
    }

    private void complete(String user, ProcessInstance round, String taskKey, Map<String, Object> variables) {
        walker.as(user, () -> {
            taskService.complete(task(round, taskKey).getId(), variables);
            return null;
        });
    }


    private Long roundTitled(String title) {
        return jdbc.sql("select id from community_recruitment_round where title = ?").param(title).query(Long.class)
                .optional().orElse(null);
    }

    private ProcessInstance instance(long roundId) {
        String id = jdbc.sql("select process_instance_id from community_recruitment_round where id = ?").param(roundId)
                .query(String.class).single();
        return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private long roundId(ProcessInstance round) {
        return ((Number) runtimeService.getVariable(round.getId(), VAR_ROUND_ID)).longValue();
    }

    private boolean isWaitingAt(ProcessInstance instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).count() > 0;
    }

    private boolean hasEnded(ProcessInstance instance) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
    }

    private Task task(ProcessInstance instance, String key) {
        List<Task> found = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
        assertThat(found).as("open tasks %s", key).hasSize(1);
        return found.get(0);
    }
}

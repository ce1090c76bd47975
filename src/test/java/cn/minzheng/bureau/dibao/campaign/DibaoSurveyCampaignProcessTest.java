package cn.minzheng.bureau.dibao.campaign;

import static cn.minzheng.bureau.dibao.campaign.CampaignProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static cn.minzheng.bureau.support.RuleViolations.violation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestExecutionListeners;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.application.DibaoApplicationProcess;
import cn.minzheng.bureau.dibao.review.ReviewProcess;
import cn.minzheng.bureau.dibao.review.ReviewRepository;
import cn.minzheng.bureau.dibao.review.ReviewStatus;
import cn.minzheng.bureau.payroll.PayrollProcess;
import cn.minzheng.bureau.support.TestApplications;
import cn.minzheng.bureau.support.Jobs;

/**
 * Every path of dibao-survey-campaign.bpmn on the real application: the split across teams, each team
 * leader's sign-off as that user, and the results fed to the cases as reviews. Full coverage is asserted.
 */
// the job executor is off: the test runs the jobs (support.Jobs), the coverage collector is not thread-safe
@SpringBootTest(properties = {"bureau.demo-data.applications=false", "camunda.bpm.job-execution.enabled=false"}) // coverage counts this class's instances only
@Import(DibaoSurveyCampaignProcessTest.FullCoverage.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class DibaoSurveyCampaignProcessTest {

    private static final String LEAD_A = "teamlead";
    private static final String LEAD_B = "teamlead.b";

    /** The coverage library's engine plugin, asking for full class coverage of the campaign process. */
    @TestConfiguration
    static class FullCoverage {
        @Bean
        SpringBootProcessEnginePlugin coverageListeners() {
            return cn.minzheng.bureau.support.FullCoverage.coveragePlugin();
        }

        @Bean
        ProcessEngineCoverageProperties coverageProperties() {
            // cases are made by dibao-application and reviewed by dibao-review, each covered by its own test
            return cn.minzheng.bureau.support.FullCoverage.fullCoverageExcluding(DibaoApplicationProcess.KEY, PayrollProcess.KEY, ReviewProcess.KEY,
                            ReviewProcess.SCHEDULE_KEY);
        }
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    CampaignService campaigns;
    @Autowired
    ReviewRepository reviews;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        if (engine.getIdentityService().createUserQuery().userId(LEAD_B).count() == 0) {
            User user = engine.getIdentityService().newUser(LEAD_B);
            user.setFirstName("第二组组长");
            user.setLastName("王");
            user.setPassword("demo");
            cn.minzheng.bureau.engine.DemoAccounts.saveIgnoringPasswordPolicy(engine.getIdentityService(), user);
            engine.getIdentityService().createMembership(LEAD_B, "survey-team-lead");
        }
    }

    @Test
    void everyCaseGoesToOneTeamTheLeadersSignOffAndTheResultsFeedTheCases() {
        DibaoCase unchanged = activeCase();
        DibaoCase changed = activeCase();
        DibaoCase pending = walker.submit("clerk.yuecun", TestApplications.yuecunHousehold(1, "100"));

        long campaignId = walker.as("approver", () -> campaigns.start("集中摸底调查", List.of(LEAD_A, LEAD_B), null, "approver"));
        ProcessInstance instance = instance(campaignId);
        assertThat(instance).hasPassed(TASK_SPLIT).isWaitingAt(TASK_TEAM_SURVEY);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(2);

        // every covered case, the pending application too, is in exactly one team's share
        for (DibaoCase c : List.of(unchanged, changed, pending)) {
            assertThat(jdbc.sql("select count(*) from survey_campaign_item where campaign_id = ? and case_id = ?")
                    .params(campaignId, c.id()).query(Long.class).single()).isEqualTo(1);
        }
        Task taskA = teamTask(instance, LEAD_A);
        Task taskB = teamTask(instance, LEAD_B);
        assertThat(taskA.getId()).isNotEqualTo(taskB.getId());
        assertThat(engine.getTaskService().getVariable(taskA.getId(), "teamShare").toString())
                .contains(caseNumbersOf(campaignId, teamOf(campaignId, LEAD_A)).get(0));

        assertThatThrownBy(() -> complete(LEAD_A, taskA, "DB0000-999999,维持")).satisfies(violation("不属于本组"));
        assertThatThrownBy(() -> complete(LEAD_A, taskA, "")).satisfies(violation("本组调查结果不能为空"));
        assertThatThrownBy(() -> walker.as(LEAD_A, () -> {
            engine.getTaskService().complete(taskA.getId(), Map.of(VAR_TEAM_RESULTS, results(campaignId, LEAD_A, changed)));
            return null;
        })).satisfies(violation("组长确认签发"));
        // one case of the share left out: the sign-off names it
        String full = results(campaignId, LEAD_A, changed);
        String[] lines = full.split("\n");
        String missingOne = String.join("\n", java.util.Arrays.copyOf(lines, lines.length - 1)) + "\nDB0000-999999,维持";
        assertThatThrownBy(() -> complete(LEAD_A, taskA, missingOne))
                .satisfies(violation("尚无调查结论：" + lines[lines.length - 1].split(",")[0]));

        complete(LEAD_A, taskA, results(campaignId, LEAD_A, changed));
        complete(LEAD_B, taskB, results(campaignId, LEAD_B, changed));
        awaitJobs(instance.getId());
        assertThat(instance).isEnded().hasPassed(TASK_FEED, END_CLOSED);

        assertThat(reviews.ofCase(unchanged.id())).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("CAMPAIGN");
            assertThat(r.status()).isEqualTo(ReviewStatus.APPLIED);
            assertThat(r.outcome().name()).isEqualTo("KEEP");
        });
        assertThat(reviews.ofCase(changed.id())).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("CAMPAIGN");
            assertThat(r.status()).isEqualTo(ReviewStatus.OPEN);
            assertThat(r.changeDescription()).isEqualTo("集中摸底调查发现变化：户主在县城就业");
        });
        assertThat(reviews.ofCase(pending.id())).isEmpty(); // an application is still decided by its own process
        assertThat(jdbc.sql("select status from survey_campaign where id = ?").param(campaignId).query(String.class).single())
                .isEqualTo("CLOSED");
        assertThat(jdbc.sql("select count(*) from survey_campaign_team where campaign_id = ? and signed_off_by is not null")
                .param(campaignId).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aCampaignNeedsTeamLeadersAndADeadlineWithinAMonth() {
        assertThatThrownBy(() -> campaigns.start("摸底", List.of("clerk.yuecun"), null, "approver")).satisfies(violation("不是调查组组长"));
        assertThatThrownBy(() -> campaigns.start("摸底", List.of(LEAD_A, LEAD_A), null, "approver")).satisfies(violation("两个调查组"));
        assertThatThrownBy(() -> campaigns.start("摸底", List.of(LEAD_A), LocalDate.now().plusMonths(2), "approver"))
                .satisfies(violation("一个月之内"));
        assertThatThrownBy(() -> campaigns.start(" ", List.of(LEAD_A), null, "approver")).satisfies(violation("调查名称"));
    }

    private String results(long campaignId, String leader, DibaoCase changed) {
        return caseNumbersOf(campaignId, teamOf(campaignId, leader)).stream()
                .map(number -> number.equals(cases.find(changed.id()).orElseThrow().caseNumber())
                        ? number + ",变化,户主在县城就业" : number + ",维持")
                .collect(Collectors.joining("\n"));
    }

    private int teamOf(long campaignId, String leader) {
        return jdbc.sql("select team_no from survey_campaign_team where campaign_id = ? and leader_user = ?")
                .params(campaignId, leader).query(Integer.class).single();
    }

    private List<String> caseNumbersOf(long campaignId, int team) {
        return jdbc.sql("""
                select c.case_number from survey_campaign_item i join dibao_case c on c.id = i.case_id
                where i.campaign_id = ? and i.team_no = ? order by c.case_number""")
                .params(campaignId, team).query(String.class).list();
    }

    private Task teamTask(ProcessInstance instance, String leader) {
        return walker.as(leader, () -> engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskAssignee(leader).singleResult());
    }

    private void complete(String leader, Task task, String results) {
        walker.as(leader, () -> {
            engine.getTaskService().claim(task.getId(), leader);
            engine.getTaskService().complete(task.getId(), Map.of(VAR_TEAM_RESULTS, results, VAR_SIGNED_OFF, true));
            return null;
        });
    }

    private ProcessInstance instance(long campaignId) {
        String id = jdbc.sql("select process_instance_id from survey_campaign where id = ?").param(campaignId)
                .query(String.class).single();
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private DibaoCase activeCase() {
        return walker.approved("clerk.yuecun", "reviewer.yuecun", "approver", TestApplications.yuecunHousehold(2, "300"));
    }

    private void awaitJobs(String processInstanceId) {
        Jobs.runDue(engine.getManagementService(), processInstanceId);
    }
}

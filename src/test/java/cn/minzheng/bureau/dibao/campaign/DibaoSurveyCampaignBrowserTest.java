package cn.minzheng.bureau.dibao.campaign;

import static cn.minzheng.bureau.dibao.TaskForms.assertChineseOnly;
import static cn.minzheng.bureau.dibao.TaskForms.whole;
import static cn.minzheng.bureau.dibao.campaign.CampaignProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.review.ReviewRepository;
import cn.minzheng.bureau.dibao.review.ReviewStatus;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/**
 * 低保集中摸底调查 in a real Tasklist: the approver opens a campaign with one team, the team leader reads the
 * team's share, pastes the team's results (one line a case, as kept in the team's spreadsheet), signs off, and the
 * results reach the cases: an unchanged household keeps its benefit, a changed one gets a review.
 */
@BrowserTest
class DibaoSurveyCampaignBrowserTest {

    private static final String LEADER = "teamlead";

    @Autowired
    DibaoWalker walker;
    @Autowired
    CampaignService campaigns;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    ReviewRepository reviews;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theTeamLeaderSignsOffTheTeamsResultsAndTheyReachTheCases(Tasklist tasklist) {
        DibaoCase unchanged = activeCase();
        DibaoCase changed = activeCase();
        long campaignId = walker.as("approver", () -> campaigns.start("2026年度低保集中摸底调查", List.of(LEADER), null, "approver"));
        String instance = jdbc.sql("select process_instance_id from survey_campaign where id = ?").param(campaignId)
                .query(String.class).single();
        String taskId = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(TASK_TEAM_SURVEY)
                .singleResult().getId();

        tasklist.loginAs(LEADER);
        // the leader finds the team's task among the tasks assigned to them
        tasklist.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space(text())='我的任务']"))).click();
        tasklist.waiting().until(d -> tasklist.taskCards().stream().anyMatch(card -> card.contains("调查组入户调查并由组长签发")));
        CamundaForm form = tasklist.openTask(taskId);
        tasklist.waiting().until(d -> form.values().contains("2026年度低保集中摸底调查"));
        assertThat(form.values()).contains("第1调查组");
        assertThat(String.join("\n", form.values()))
                .contains(unchanged.caseNumber() + "，岳村乡，测试户主，已批准（在保）");
        String results = caseNumbers(campaignId).stream()
                .map(number -> number.equals(changed.caseNumber()) ? number + "，变化，户主已在县城就业，月工资约1500元" : number + "，维持")
                .collect(Collectors.joining("\n"));
        paste(form.field("本组调查结果", 0), results);
        form.check("组长签发：本组调查结果已核实", true);
        whole(tasklist, "dibao-campaign-team-form");
        assertChineseOnly(form);
        form.submit();
        tasklist.waiting().until(d -> runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0);

        assertThat(jdbc.sql("select status from survey_campaign where id = ?").param(campaignId).query(String.class).single())
                .isEqualTo("CLOSED");
        assertThat(jdbc.sql("select signed_off_by from survey_campaign_team where campaign_id = ?").param(campaignId)
                .query(String.class).single()).isEqualTo(LEADER);
        assertThat(reviews.ofCase(unchanged.id())).singleElement().satisfies(review -> {
            assertThat(review.kind()).isEqualTo("CAMPAIGN");
            assertThat(review.status()).isEqualTo(ReviewStatus.APPLIED);
        });
        assertThat(reviews.ofCase(changed.id())).singleElement().satisfies(review -> {
            assertThat(review.status()).isEqualTo(ReviewStatus.OPEN);
            assertThat(review.changeDescription()).isEqualTo("集中摸底调查发现变化：户主已在县城就业，月工资约1500元");
        });
    }

    /**
     * Pastes text into a field as one input, the way a leader pastes the team's list from a spreadsheet: the
     * share is every case of the district, too many lines to type key by key.
     */
    private static void paste(WebElement field, String text) {
        field.click();
        ((org.openqa.selenium.chrome.ChromeDriver) ((org.openqa.selenium.WrapsDriver) field).getWrappedDriver())
                .executeCdpCommand("Input.insertText", Map.of("text", text));
    }

    private List<String> caseNumbers(long campaignId) {
        return jdbc.sql("""
                select c.case_number from survey_campaign_item i join dibao_case c on c.id = i.case_id
                where i.campaign_id = ? order by c.case_number""").param(campaignId).query(String.class).list();
    }

    private DibaoCase activeCase() {
        return walker.approved("clerk.yuecun", "reviewer.yuecun", "approver", TestApplications.yuecunHousehold(2, "300"));
    }
}

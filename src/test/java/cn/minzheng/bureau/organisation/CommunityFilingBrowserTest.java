package cn.minzheng.bureau.organisation;

import static cn.minzheng.bureau.organisation.CommunityFilingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.organisation.OrganisationRepository.Organisation;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;

/**
 * 社区社会组织备案 in Tasklist by its real users, both forms filled in Chinese: the 岳村乡 clerk files a dance group, the
 * 岳村乡 reviewer approves it, and it appears on the anonymous public register as a filed 社区社会组织.
 */
@BrowserTest
class CommunityFilingBrowserTest {

    @Autowired
    OrganisationRepository register;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theStreetOfficeFilesACommunityOrganisationAndItIsOnThePublicRegister(Tasklist tasklist) {
        String name = OrganisationRegistrationProcessTest.uniqueName("舞蹈队").replace("中原区", "岳村乡幸福社区");
        tasklist.loginAs("clerk.yuecun");
        CamundaForm start = tasklist.startProcess("社区社会组织备案");
        start.type("组织名称", name).type("负责人", "岳秀兰").type("活动场所", "岳村乡幸福社区党群服务中心活动室")
                .type("活动内容", "每周组织广场舞练习，参加社区节庆演出");
        tasklist.submit(start, "community-organisation-filing-start", () -> organisationNamed(name) != null);
        Organisation applied = register.find(organisationNamed(name)).orElseThrow();
        assertThat(applied.status()).isEqualTo(OrganisationStatus.APPLIED);

        tasklist.loginAs("reviewer.yuecun");
        String taskId = taskService.createTaskQuery().processInstanceId(applied.processInstanceId())
                .taskDefinitionKey(TASK_REVIEW).singleResult().getId();
        CamundaForm review = tasklist.openTask(taskId);
        tasklist.waiting().until(d -> review.values().contains(name));
        assertThat(review.values()).contains("岳秀兰", "岳村乡", "岳村乡幸福社区党群服务中心活动室");
        review.choose("审核结果", "同意备案").type("审核意见（不予备案的写明理由）", "名称、场所核实无误");
        tasklist.submit(review, "community-organisation-filing-review",
                () -> register.find(applied.id()).orElseThrow().status() == OrganisationStatus.FILED);
        Organisation filed = register.find(applied.id()).orElseThrow();
        assertThat(filed.appliedBy()).isEqualTo("clerk.yuecun");
        assertThat(filed.approvedBy()).isEqualTo("reviewer.yuecun");
        assertThat(filed.certificateNo()).startsWith("岳村乡社备字（");

        tasklist.open("/public/organisations?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        String table = tasklist.driver().findElement(By.id("organisations")).getText();
        tasklist.screenshot("community-organisation-public-register");
        assertThat(table).contains(name, "社区社会组织", "岳秀兰", "岳村乡幸福社区党群服务中心活动室", filed.certificateNo(), "已备案")
                .doesNotContain("clerk.yuecun", "reviewer.yuecun");
    }

    private Long organisationNamed(String name) {
        return jdbc.sql("select id from social_organisation where name = ?").param(name).query(Long.class).optional().orElse(null);
    }
}

package cn.minzheng.bureau.organisation;

import static cn.minzheng.bureau.organisation.OrganisationRegistrationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.organisation.OrganisationRepository.Organisation;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;

/**
 * 成立登记 in Tasklist by the real users, every form filled in Chinese: the section's clerk accepts the application
 * (name, kind, funds, 业务主管单位 approval, materials) and reviews it, the head approves, the clerk enters the credit
 * code and issues the certificate; the organisation then appears on the anonymous public register.
 */
@BrowserTest
class OrganisationRegistrationBrowserTest {

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
    void anOrganisationGoesFromApplicationToCertificateAndOntoThePublicRegister(Tasklist tasklist) throws IOException {
        String name = OrganisationRegistrationProcessTest.uniqueName("围棋协会");
        tasklist.loginAs("orgclerk");
        CamundaForm start = tasklist.startProcess("民间组织成立登记");
        start.type("组织名称", name).select("组织类型", "社会团体")
                .type("拟任法定代表人", "聂卫东").type("住所", "中原区嵩山路25号体育中心三楼")
                .type("注册资金（元）", "35000")
                .type("业务范围", "组织围棋比赛、培训和交流，推广围棋运动")
                .type("业务主管单位", "中原区体育局").type("业务主管单位批准文号", "中体〔2026〕7号")
                .date("业务主管单位批准日期", TODAY.minusDays(3))
                .check("章程草案", true).check("验资报告（资金证明）", true).check("住所使用权证明", true)
                .check("拟任法定代表人身份证明", true);
        tasklist.submit(start, "organisation-registration-start", () -> organisationNamed(name) != null);
        Organisation applied = register.find(organisationNamed(name)).orElseThrow();
        assertThat(applied.status()).isEqualTo(OrganisationStatus.APPLIED);
        assertThat(applied.registeredFunds()).isEqualByComparingTo("35000.00");
        assertThat(applied.supervisorApprovedOn()).isEqualTo(TODAY.minusDays(3));

        CamundaForm review = tasklist.openTask(task(applied, TASK_REVIEW).getId());
        assertThat(review.values()).contains(name, "社会团体", "聂卫东", "35000.00", "30000.00", "中原区体育局", "中体〔2026〕7号");
        review.choose("审查意见", "同意登记，报科负责人审批").type("审查意见说明（不予登记时必填）", "材料齐全，资金到位");
        tasklist.submit(review, "organisation-registration-review", () -> isWaitingAt(applied, TASK_APPROVE));

        tasklist.loginAs("orghead");
        CamundaForm approval = tasklist.openTask(task(applied, TASK_APPROVE).getId());
        assertThat(approval.values()).contains(name, "谢婷（区民政局民间组织管理科）", "材料齐全，资金到位");
        approval.choose("审批意见", "准予登记");
        tasklist.submit(approval, "organisation-registration-approval", () -> isWaitingAt(applied, TASK_CERTIFICATE));

        String code = OrganisationRegistrationProcessTest.creditCode('1');
        tasklist.loginAs("orgclerk");
        CamundaForm certificate = tasklist.openTask(task(applied, TASK_CERTIFICATE).getId());
        certificate.type("统一社会信用代码", code);
        tasklist.submit(certificate, "organisation-registration-certificate",
                () -> register.find(applied.id()).orElseThrow().announcedOn() != null);
        Organisation registered = register.find(applied.id()).orElseThrow();
        assertThat(registered.status()).isEqualTo(OrganisationStatus.REGISTERED);
        assertThat(registered.creditCode()).isEqualTo(code);
        assertThat(registered.reviewedBy()).isEqualTo("orgclerk");
        assertThat(registered.approvedBy()).isEqualTo("orghead");

        // the section keeps the charter on the register page: uploaded, listed with its SHA-256
        Path charter = Files.createTempDirectory("charter").resolve("围棋协会章程.pdf");
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(new PDPage());
            pdf.save(charter.toFile());
        }
        String sha256 = OrganisationDocumentService.sha256(Files.readAllBytes(charter));
        tasklist.open("/ledger/organisations");
        tasklist.driver().findElement(By.xpath("//table[@id='organisations']//tr[td[1][text()='" + name
                + "']]//a[@class='documents']")).click();
        tasklist.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("document-upload")));
        new Select(tasklist.driver().findElement(By.id("document-kind"))).selectByVisibleText("章程");
        tasklist.driver().findElement(By.id("document-file")).sendKeys(charter.toAbsolutePath().toString());
        tasklist.driver().findElement(By.id("document-upload-submit")).click();
        assertThat(tasklist.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("uploaded"))).getText())
                .isEqualTo("已上传“围棋协会章程.pdf”");
        String documents = tasklist.driver().findElement(By.id("documents")).getText();
        tasklist.screenshot("organisation-documents");
        assertThat(documents).contains("章程", "围棋协会章程.pdf", "谢婷", sha256);
        assertThat(jdbc.sql("select sha256 from social_organisation_document where organisation_id = ?")
                .param(registered.id()).query(String.class).list()).containsExactly(sha256);

        tasklist.open("/public/organisations?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        String table = tasklist.driver().findElement(By.id("organisations")).getText();
        tasklist.screenshot("organisation-public-register");
        assertThat(table).contains(name, "社会团体", code, "聂卫东", "中原区嵩山路25号体育中心三楼", "中原区体育局",
                registered.certificateNo(), TODAY.getYear() + "年" + TODAY.getMonthValue() + "月" + TODAY.getDayOfMonth() + "日", "正常")
                .doesNotContain("35000", "中体〔2026〕7号", "围棋协会章程.pdf", sha256);
    }

    private Long organisationNamed(String name) {
        return jdbc.sql("select id from social_organisation where name = ?").param(name).query(Long.class).optional().orElse(null);
    }

    private boolean isWaitingAt(Organisation organisation, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(organisation.processInstanceId()).taskDefinitionKey(taskKey)
                .count() == 1;
    }

    private Task task(Organisation organisation, String key) {
        List<Task> found = taskService.createTaskQuery().processInstanceId(organisation.processInstanceId())
                .taskDefinitionKey(key).list();
        assertThat(found).as("open tasks %s", key).hasSize(1);
        return found.get(0);
    }
}

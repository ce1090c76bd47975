package cn.minzheng.bureau.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.bureau.documents.DocumentFonts;
import cn.minzheng.bureau.documents.PdfText;
import cn.minzheng.bureau.organisation.OrganisationRepository.Organisation;
import cn.minzheng.bureau.support.WebappSession;

/**
 * 登记证书 of a registered organisation (the demo register's), downloaded from the 民间组织登记台账 by the section
 * and read back; an organisation still in review has none; other staff get "not found".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganisationCertificateTest {

    @LocalServerPort
    int port;
    @Autowired
    OrganisationRepository organisations;

    @BeforeEach
    void fonts() {
        DocumentFonts.assumeInstalled();
    }

    @Test
    void theSectionListsTheRegisterAndPrintsARegisteredOrganisationsCertificate() {
        Organisation registered = organisations.list().stream().filter(o -> o.certificateNo() != null).findFirst().orElseThrow();
        WebappSession section = loggedIn("orgclerk");
        String page = section.get("/ledger/organisations").body();
        String link = "/ledger/organisations/" + registered.id() + "/certificate.pdf";
        assertThat(page).contains("民间组织登记台账", registered.name(), link);

        var response = section.download(link);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        PdfText.keep("organisation-certificate.pdf", response.body());
        PdfText certificate = PdfText.of(response.body());
        String title = registered.kind() == OrganisationKind.SOCIAL_GROUP ? "社会团体法人登记证书" : "民办非企业单位登记证书";
        assertThat(certificate.text()).contains(title, registered.certificateNo().replaceAll("\\s+", ""),
                registered.name(), registered.creditCode(), registered.legalRepresentative(),
                registered.supervisorUnit().replaceAll("\\s+", ""), "登记管理机关：区民政局（盖章）",
                "发证日期：" + registered.registeredOn().getYear() + "年" + registered.registeredOn().getMonthValue() + "月"
                        + registered.registeredOn().getDayOfMonth() + "日");
        assertThat(loggedIn("orghead").download(link).body()).isEqualTo(response.body());

        for (String outsider : new String[] {"clerk.yuecun", "approver"}) {
            assertThat(loggedIn(outsider).download(link).statusCode()).as(outsider).isEqualTo(404);
            assertThat(loggedIn(outsider).get("/ledger/organisations").statusCode()).as(outsider).isEqualTo(404);
        }
    }

    @Test
    void anOrganisationStillInReviewHasNoCertificate() {
        organisations.list().stream().filter(o -> o.certificateNo() == null).findFirst().ifPresentOrElse(pending -> {
            var none = loggedIn("orgclerk").download("/ledger/organisations/" + pending.id() + "/certificate.pdf");
            assertThat(none.statusCode()).isEqualTo(409);
            assertThat(new String(none.body(), StandardCharsets.UTF_8)).contains("尚未登记");
        }, () -> {
            throw new AssertionError("the demo register has an application in review");
        });
    }

    private WebappSession loggedIn(String user) {
        WebappSession session = new WebappSession(port);
        assertThat(session.login(user, "demo").statusCode()).isEqualTo(200);
        return session;
    }
}

package cn.minzheng.bureau.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.WebappSession;

/**
 * 登记材料: documents uploaded for an organisation on the section's register page and through {@code /api}, by the same
 * rules — PDF, JPEG or PNG by content and name, at most 10 MB, not empty, a known kind and organisation, only the
 * 民间组织管理科 and the administrator — each refusal in Chinese with nothing written; the SHA-256 listed is the file's;
 * a download whose stored bytes no longer match it is refused and logged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class OrganisationDocumentTest {

    /** A PDF as far as its first bytes go (the service reads no further). */
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;
    @Autowired
    OrganisationRepository register;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSectionUploadsADocumentOnTheRegisterPageSeesItsChecksumAndDownloadsTheSameBytes() throws Exception {
        long id = registered();
        String documentsPage = "/ledger/organisations/" + id + "/documents";
        WebappSession clerk = loggedIn("orgclerk");
        assertThat(clerk.get("/ledger/organisations").body()).contains(documentsPage);
        assertThat(clerk.get(documentsPage).body()).contains("登记材料", "暂无材料");

        HttpResponse<String> uploaded = clerk.postMultipart(documentsPage, Map.of("kind", "CHARTER",
                "_csrf", clerk.pageToken(documentsPage)), "file", "章程（2024年修订）.pdf", PDF);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        String sha256 = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(PDF));
        String page = clerk.get(documentsPage).body();
        assertThat(page).contains("已上传“章程（2024年修订）.pdf”", "章程", "章程（2024年修订）.pdf", sha256,
                "谢婷", PDF.length + " 字节");

        long documentId = documents(id);
        var download = clerk.download(documentsPage + "/" + documentId);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(download.headers().firstValue("X-Content-SHA256").orElseThrow()).isEqualTo(sha256);

        // the same document through the API, listed with its checksum and served to the head and the administrator
        Http http = new Http(port);
        JsonNode listed = http.get("orghead", "/api/organisations/" + id + "/documents").json();
        assertThat(listed.findValuesAsText("sha256")).containsExactly(sha256);
        assertThat(listed.get(0).get("kind").asText()).isEqualTo("CHARTER");
        assertThat(listed.get(0).get("sizeBytes").asLong()).isEqualTo(PDF.length);
        assertThat(listed.get(0).has("content")).isFalse();
        assertThat(http.download("orghead", "/api/organisations/" + id + "/documents/" + documentId + "/content").body())
                .isEqualTo(PDF);
        assertThat(loggedIn("admin").download(documentsPage + "/" + documentId).body()).isEqualTo(PDF);

        Http.Response png = http.postFile("orghead", "/api/organisations/" + id + "/documents",
                Map.of("kind", "业务主管单位批准文件"), "file", "批准文件.PNG", PNG);
        assertThat(png.status()).as(png.body()).isEqualTo(201);
        assertThat(png.json().get("contentType").asText()).isEqualTo("image/png");
        assertThat(png.json().get("uploadedBy").asText()).isEqualTo("orghead");
        assertThat(documentCount(id)).isEqualTo(2);
    }

    @Test
    void badUploadsAreRefusedInChineseWithNothingWritten() {
        long id = registered();
        String api = "/api/organisations/" + id + "/documents";
        Http http = new Http(port);
        byte[] tooLarge = Arrays.copyOf(PDF, (int) OrganisationDocumentService.MAX_BYTES + 1);
        record Bad(String user, String path, String kind, String fileName, byte[] content, int status, String message) {
        }
        for (Bad bad : new Bad[] {
                new Bad("orgclerk", api, "CHARTER", "章程.docx", "PK\u0003\u0004word".getBytes(StandardCharsets.ISO_8859_1), 415,
                        "只能上传PDF、JPEG或PNG文件，“章程.docx”不是这三种格式"),
                new Bad("orgclerk", api, "CHARTER", "章程.pdf", "这不是PDF".getBytes(StandardCharsets.UTF_8), 415,
                        "只能上传PDF、JPEG或PNG文件"),
                new Bad("orgclerk", api, "CHARTER", "章程.pdf", PNG, 415, "文件“章程.pdf”的内容是PNG，文件名的扩展名与内容不符"),
                new Bad("orgclerk", api, "AUDIT_REPORT", "审计报告.pdf", tooLarge, 413, "文件“审计报告.pdf”有10.0 MB，超过10 MB的上限"),
                new Bad("orgclerk", api, "CHARTER", "章程.pdf", new byte[0], 400, "文件“章程.pdf”是空的，请重新选择"),
                new Bad("orgclerk", api, "CHARTER", "", new byte[0], 400, "请选择要上传的文件（PDF、JPEG或PNG）"),
                new Bad("orgclerk", api, "", "章程.pdf", PDF, 400, "请选择材料类型"),
                new Bad("orgclerk", api, "MINUTES", "章程.pdf", PDF, 400, "材料类型“MINUTES”不存在"),
                new Bad("orgclerk", "/api/organisations/999999/documents", "CHARTER", "章程.pdf", PDF, 404, "社会组织999999不存在或无权查看"),
                new Bad("clerk.yuecun", api, "CHARTER", "章程.pdf", PDF, 404, "不存在或无权查看"),
                new Bad("approver", api, "CHARTER", "章程.pdf", PDF, 404, "不存在或无权查看"),
                new Bad(null, api, "CHARTER", "章程.pdf", PDF, 401, "请先登录")}) {
            Http.Response refused = http.postFile(bad.user(), bad.path(), Map.of("kind", bad.kind()), "file", bad.fileName(),
                    bad.content());
            assertThat(refused.status()).as(bad.fileName() + " by " + bad.user()).isEqualTo(bad.status());
            if (bad.status() != 401) {
                assertThat(refused.json().get("detail").asText()).as(bad.fileName()).contains(bad.message());
            }
        }
        assertThat(documentCount(id)).isZero();

        // the page refuses the same way, with its Chinese error page
        String documentsPage = "/ledger/organisations/" + id + "/documents";
        WebappSession clerk = loggedIn("orgclerk");
        HttpResponse<String> wrongType = clerk.postMultipart(documentsPage, Map.of("kind", "CHARTER",
                "_csrf", clerk.pageToken(documentsPage)), "file", "章程.txt", "章程全文".getBytes(StandardCharsets.UTF_8));
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(wrongType.body()).contains("只能上传PDF、JPEG或PNG文件，“章程.txt”不是这三种格式");
        HttpResponse<String> empty = clerk.postMultipart(documentsPage, Map.of("kind", "CHARTER",
                "_csrf", clerk.pageToken(documentsPage)), "file", "", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("请选择要上传的文件（PDF、JPEG或PNG）");
        HttpResponse<String> tooBig = clerk.postMultipart(documentsPage, Map.of("kind", "CHARTER",
                "_csrf", clerk.pageToken(documentsPage)), "file", "章程.pdf", tooLarge);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("超过10 MB的上限");
        WebappSession township = loggedIn("clerk.yuecun");
        HttpResponse<String> outsider = township.postMultipart(documentsPage, Map.of("kind", "CHARTER",
                "_csrf", township.pageToken()), "file", "章程.pdf", PDF);
        assertThat(outsider.statusCode()).isEqualTo(404);
        assertThat(township.get(documentsPage).statusCode()).isEqualTo(404);
        assertThat(documentCount(id)).isZero();
    }

    @Test
    void aDocumentWhoseStoredBytesNoLongerMatchItsChecksumIsNotServed(CapturedOutput log) {
        long id = registered();
        Http http = new Http(port);
        Http.Response uploaded = http.postFile("orgclerk", "/api/organisations/" + id + "/documents",
                Map.of("kind", "LIQUIDATION_REPORT"), "file", "清算报告.pdf", PDF);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        long documentId = uploaded.json().get("id").asLong();
        String api = "/api/organisations/" + id + "/documents/" + documentId + "/content";
        assertThat(http.download("orgclerk", api).status()).isEqualTo(200);

        byte[] altered = PDF.clone();
        altered[altered.length - 2] = 'X';
        assertThat(jdbc.sql("update social_organisation_document set content = ? where id = ?").params(altered, documentId)
                .update()).isEqualTo(1);

        Http.Download refused = http.download("orgclerk", api);
        assertThat(refused.status()).isEqualTo(500);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8))
                .contains("材料“清算报告.pdf”的存储内容与上传时的SHA-256校验值不符，可能已损坏或被改动，已拒绝下载")
                .doesNotContain("%PDF");
        var page = loggedIn("orghead").download("/ledger/organisations/" + id + "/documents/" + documentId);
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("SHA-256校验值不符").doesNotContain("%PDF");
        assertThat(log.getOut()).contains("document " + documentId + " of organisation " + id + " (清算报告.pdf) fails its checksum");
        // a document of another organisation is not found under this one
        assertThat(http.download("orgclerk", "/api/organisations/" + registered() + "/documents/" + documentId + "/content")
                .status()).isEqualTo(404);
    }

    /** A registered, announced 社会团体 of its own. */
    private long registered() {
        LocalDate on = LocalDate.of(2024, 6, 10);
        long id = register.apply(new OrganisationRepository.Application(OrganisationRegistrationProcessTest.uniqueName("集邮协会"),
                OrganisationKind.SOCIAL_GROUP, "周建民", "中原区建设路18号", new BigDecimal("30000.00"), "集邮交流",
                "中原区文化广电和旅游局", "中文旅〔2024〕5号", on.minusDays(20)), null, on, null, "orgclerk");
        register.registered(id, OrganisationRegistrationProcessTest.creditCode('1'), on, "orgclerk");
        register.announced(id, on);
        return id;
    }

    private long documents(long organisationId) {
        return jdbc.sql("select max(id) from social_organisation_document where organisation_id = ?").param(organisationId)
                .query(Long.class).single();
    }

    private int documentCount(long organisationId) {
        return jdbc.sql("select count(*) from social_organisation_document where organisation_id = ?").param(organisationId)
                .query(Integer.class).single();
    }

    private WebappSession loggedIn(String user) {
        WebappSession session = new WebappSession(port);
        assertThat(session.login(user, "demo").statusCode()).isEqualTo(200);
        return session;
    }
}

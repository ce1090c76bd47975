package cn.minzheng.bureau.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.support.WebappSession;

/**
 * Cross-site request forgery: a ledger form posted without the session's token is refused in Chinese and changes
 * nothing; with the token the pages put into their forms it goes through (a url-encoded form and a file upload).
 * The API, logged in with HTTP Basic, refuses a state-changing request a browser sends from another site.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CsrfProtectionTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aLedgerFormWithoutTheSessionsTokenIsRefusedAndWithItGoesThrough() {
        YearMonth month = YearMonth.of(2091, 3);
        WebappSession finance = new WebappSession(port);
        finance.login("finance", "demo");

        HttpResponse<String> forged = finance.postFormWithoutToken("/ledger/payrolls", Map.of("month", month.toString()));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("请求已被拒绝").contains("防伪令牌");
        assertThat(payrolls(month)).isZero();
        HttpResponse<String> wrongToken = finance.postFormWithoutToken("/ledger/payrolls",
                Map.of("month", month.toString(), "_csrf", "guessed"));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        WebappSession other = new WebappSession(port);
        other.login("finance", "demo");
        assertThat(finance.postFormWithoutToken("/ledger/payrolls",
                Map.of("month", month.toString(), "_csrf", other.pageToken())).statusCode())
                .as("another session's token").isEqualTo(403);
        assertThat(payrolls(month)).isZero();

        HttpResponse<String> posted = finance.postForm("/ledger/payrolls", Map.of("month", month.toString()));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        assertThat(payrolls(month)).isOne();
    }

    @Test
    void everyPostFormOfAPageCarriesTheTokenAndAGetFormDoesNot() {
        WebappSession admin = new WebappSession(port);
        admin.login("admin", "demo");
        String page = admin.get("/ledger/import").body();
        String token = admin.pageToken();
        assertThat(page).contains("id=\"upload\"").contains("name=\"_csrf\" value=\"" + token + "\"");
        String search = admin.get("/ledger").body();
        String searchForm = search.substring(search.indexOf("id=\"search-form\""));
        assertThat(searchForm.substring(0, searchForm.indexOf("</form>"))).doesNotContain("_csrf");
    }

    @Test
    void aFileUploadNeedsTheTokenToo() {
        WebappSession admin = new WebappSession(port);
        admin.login("admin", "demo");
        HttpResponse<String> forged = admin.postMultipart("/ledger/import", Map.of("kind", "dibao"), "file", "名册.xlsx", new byte[0]);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("防伪令牌");
        HttpResponse<String> withToken = admin.postMultipart("/ledger/import",
                Map.of("kind", "dibao", "_csrf", admin.pageToken()), "file", "名册.xlsx", new byte[0]);
        assertThat(withToken.body()).doesNotContain("防伪令牌").contains("请选择要上传的 Excel 文件");
    }

    @Test
    void logoutIsAStateChangeToo() {
        WebappSession clerk = new WebappSession(port);
        clerk.login("clerk.yuecun", "demo");
        assertThat(clerk.postFormWithoutToken("/ledger/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(clerk.get("/ledger/calendar").statusCode()).as("still logged in").isEqualTo(200);
        assertThat(clerk.postForm("/ledger/logout", Map.of()).statusCode()).isEqualTo(302);
        assertThat(clerk.get("/ledger/calendar").statusCode()).as("logged out").isEqualTo(302);
    }

    @Test
    void theApiRefusesAStateChangeABrowserSendsFromAnotherSite() throws Exception {
        YearMonth month = YearMonth.of(2092, 4);
        String body = "{\"month\":\"" + month + "\"}";
        HttpResponse<String> forged = apiPost(body, "https://evil.example");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(forged.body()).contains("\"code\":\"CSRF_REFUSED\"").contains("请求已被拒绝");
        assertThat(payrolls(month)).isZero();

        assertThat(apiPost(body, "http://localhost:" + port).statusCode()).as("the same site (Swagger UI)").isEqualTo(201);
        assertThat(apiPost("{\"month\":\"" + month.plusMonths(1) + "\"}", null).statusCode()).as("a script").isEqualTo(201);
        assertThat(payrolls(month)).isOne();
    }

    private HttpResponse<String> apiPost(String json, String origin) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/payrolls"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("finance:demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long payrolls(YearMonth month) {
        return jdbc.sql("select count(*) from payroll where payroll_month = ?").param(month.toString()).query(Long.class).single();
    }
}

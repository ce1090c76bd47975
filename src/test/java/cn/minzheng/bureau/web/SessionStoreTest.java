package cn.minzheng.bureau.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.support.LoginSessions;
import cn.minzheng.bureau.support.WebappSession;

/**
 * The login session lives in the database (SPRING_SESSION, docs/operations.md), not in a node's memory: the cookie
 * keeps its name and flags, everything the webapps and the ledgers put into the session is stored (and so
 * serializable), and a session gone from the table is a logged-out user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionStoreTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSessionCookieKeepsItsNameAndFlags() {
        WebappSession session = new WebappSession(port);
        HttpResponse<String> login = session.login("finance", "demo");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        List<String> sessionCookies = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).toList();
        assertThat(sessionCookies).as("a new session after the login").hasSize(1);
        assertThat(sessionCookies.get(0)).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/")
                .doesNotContain("Secure").doesNotContain("Max-Age");
        assertThat(jdbc.sql("select max_inactive_interval from spring_session where session_id = ?")
                .param(sessionId(session)).query(Integer.class).single()).as("server.servlet.session.timeout").isEqualTo(30 * 60);
    }

    @Test
    void everythingInTheSessionIsStoredAndReadsBack() throws Exception {
        WebappSession finance = new WebappSession(port);
        finance.login("finance", "demo");
        // the webapps' CSRF token (given on their next page after the login's new session)
        assertThat(finance.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        // the ledgers' CSRF token, and a flash message of a form posted with it
        HttpResponse<String> posted = finance.postForm("/ledger/payrolls", Map.of("month", YearMonth.of(2093, 7).toString()));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);

        List<Map<String, Object>> attributes = jdbc.sql("""
                        select a.attribute_name, a.attribute_bytes from spring_session_attributes a
                        join spring_session s on s.primary_id = a.session_primary_id where s.session_id = ?""")
                .param(sessionId(finance)).query().listOfRows();
        List<Object> names = attributes.stream().map(row -> row.get("attribute_name")).toList();
        assertThat(names).contains("authenticatedUser", CsrfTokens.SESSION_ATTRIBUTE,
                "org.springframework.web.servlet.support.SessionFlashMapManager.FLASH_MAPS");
        assertThat(names).as("the webapps' CSRF token").anyMatch(name -> name.toString().endsWith("_CSRF_TOKEN"));
        for (Map<String, Object> attribute : attributes) {
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream((byte[]) attribute.get("attribute_bytes")))) {
                assertThat(in.readObject()).as(attribute.get("attribute_name").toString()).isNotNull();
            }
        }
        assertThat(finance.get("/ledger/payrolls").statusCode()).as("the stored login serves the ledgers").isEqualTo(200);
    }

    @Test
    void aSessionGoneFromTheDatabaseIsALoggedOutUser() {
        WebappSession clerk = new WebappSession(port);
        clerk.login("clerk.yuecun", "demo");
        assertThat(clerk.get("/ledger").statusCode()).isEqualTo(200);
        LoginSessions.end(jdbc, clerk.cookie("JSESSIONID").orElseThrow());
        HttpResponse<String> after = clerk.get("/ledger");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/camunda/app/welcome/default/");
    }

    /** A clerk's form stood open longer than the session lasts: Tasklist's submission is told so in Chinese. */
    @Test
    void aRequestWhoseLoginEndedIsAnswered401InChinese() {
        WebappSession clerk = new WebappSession(port);
        clerk.login("clerk.yuecun", "demo");
        assertThat(clerk.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        LoginSessions.end(jdbc, clerk.cookie("JSESSIONID").orElseThrow());

        HttpResponse<String> refused = clerk.postJson("/camunda/api/engine/engine/default/task/any-task/submit-form",
                "{\"variables\":{}}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(refused.body()).contains(LoginEndedFilter.CODE, LoginEndedFilter.SUBMISSION_MESSAGE).doesNotContain("Unauthorized");
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        HttpResponse<String> read = clerk.get("/camunda/api/engine/engine/default/task/count");
        assertThat(read.statusCode()).isEqualTo(401);
        assertThat(read.body()).contains("\"" + LoginEndedFilter.MESSAGE + "\"");
        HttpResponse<String> wrongPassword = new WebappSession(port).login("clerk.yuecun", "wrong");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).doesNotContain(LoginEndedFilter.CODE);
    }

    private static String sessionId(WebappSession session) {
        return LoginSessions.idOf(session.cookie("JSESSIONID").orElseThrow());
    }
}

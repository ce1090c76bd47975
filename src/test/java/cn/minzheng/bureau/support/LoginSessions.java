package cn.minzheng.bureau.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The webapps' logins as Spring Session stores them (SPRING_SESSION); the cookie carries the session id Base64-encoded. */
public final class LoginSessions {

    private LoginSessions() {
    }

    /** The session id of a {@code JSESSIONID} cookie's value. */
    public static String idOf(String cookie) {
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);
    }

    /** Ends the login of this cookie as the timeout does: its session is gone from the database. */
    public static void end(JdbcClient jdbc, String cookie) {
        jdbc.sql("delete from spring_session where session_id = ?").param(idOf(cookie)).update();
    }
}

package cn.minzheng.bureau.engine;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;

/**
 * The user logged in to the Camunda webapps (Tasklist, Cockpit, Admin), as their session holds it: what the pages
 * outside the webapps read so that one login, and one logout, serves both.
 */
public final class WebappLogin {

    private WebappLogin() {
    }

    /** A logged-in user and their groups (empty when the login carried none). */
    public record User(String id, List<String> groupIds) {
    }

    /** The first user logged in to the session, if any (none without a session). */
    public static Optional<User> of(HttpSession session) {
        if (session == null) {
            return Optional.empty();
        }
        return AuthenticationUtil.getAuthsFromSession(session).getAuthentications().stream()
                .filter(a -> a.getIdentityId() != null)
                .findFirst()
                .map(a -> new User(a.getIdentityId(), a.getGroupIds() == null ? List.of() : List.copyOf(a.getGroupIds())));
    }
}

package cn.minzheng.bureau.ledger;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import cn.minzheng.bureau.web.LedgerUser;

/**
 * One login for the Camunda webapps and the ledgers: the ledgers read the user of the webapps'
 * session (logged in through Tasklist, Cockpit or Admin), so logging out there ends both.
 * Without a session the browser is sent to the webapps' login.
 */
@Component
public class LedgerLogin implements HandlerInterceptor {

    static final String USER_ATTRIBUTE = LedgerUser.ATTRIBUTE;
    static final String LOGIN_PAGE = "/camunda/app/welcome/default/";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        Optional<LedgerUser> user = userOf(request.getSession(false));
        if (user.isEmpty()) {
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE);
            return false;
        }
        request.setAttribute(USER_ATTRIBUTE, user.get());
        return true;
    }

    static Optional<LedgerUser> userOf(HttpSession session) {
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        return authentications.getAuthentications().stream()
                .filter(a -> a.getIdentityId() != null)
                .findFirst()
                .map(a -> new LedgerUser(a.getIdentityId(), groups(a)));
    }

    private static List<String> groups(UserAuthentication authentication) {
        return authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds());
    }
}

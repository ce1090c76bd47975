package cn.minzheng.bureau.ledger;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import cn.minzheng.bureau.web.LedgerUser;
import cn.minzheng.bureau.engine.WebappLogin;

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
        return WebappLogin.of(session).map(user -> new LedgerUser(user.id(), user.groupIds()));
    }
}

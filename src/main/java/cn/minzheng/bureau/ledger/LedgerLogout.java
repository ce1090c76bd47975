package cn.minzheng.bureau.ledger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

import cn.minzheng.bureau.web.LedgerPage;

/**
 * 退出 on the ledgers: ends the webapps' session the ledgers share with Tasklist, Cockpit and Admin (as
 * their own logout does), and sends the browser to the login page.
 */
@Controller
@LedgerPage
public class LedgerLogout {

    @PostMapping("/ledger/logout")
    public String logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:" + LedgerLogin.LOGIN_PAGE;
    }
}

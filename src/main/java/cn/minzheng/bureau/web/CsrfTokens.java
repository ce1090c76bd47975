package cn.minzheng.bureau.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The CSRF token of a session (synchronizer-token pattern): 32 random bytes kept in the HTTP session, put into
 * every form of the project's pages as the hidden field {@value #PARAMETER} ({@link CsrfFormFields}) and required
 * back on every state-changing request ({@link CsrfProtectionFilter}). Script on a page sends it as the header
 * {@value #HEADER}.
 */
public final class CsrfTokens {

    /** The form field carrying the token. */
    public static final String PARAMETER = "_csrf";
    /** The request header carrying the token (for script on the project's pages). */
    public static final String HEADER = "X-CSRF-Token";
    static final String SESSION_ATTRIBUTE = CsrfTokens.class.getName();

    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    /** The session's token, creating the session and the token when there is none (an anonymous page too). */
    public static String of(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        Object token = session.getAttribute(SESSION_ATTRIBUTE);
        if (token instanceof String existing) {
            return existing;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String created = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(SESSION_ATTRIBUTE, created);
        return created;
    }

    /** Whether the request carries its session's token (field or header), compared in constant time. */
    static boolean presentIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        if (!(expected instanceof String token)) {
            return false;
        }
        String sent = request.getHeader(HEADER);
        if (sent == null) {
            sent = request.getParameter(PARAMETER);
        }
        return sent != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII));
    }
}

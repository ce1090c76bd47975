package cn.minzheng.bureau.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request of the webapps' APIs whose login has ended (the session timed out while a clerk's form stood open) is
 * answered 401 in Chinese. The webapps refuse it with a bare 401 error, which Spring Boot wrote as
 * {"timestamp":…,"status":401,"error":"Unauthorized",…} and Tasklist showed as it was, on its login page. Tasklist
 * itself keeps what the form held and puts it back once the user has logged in again and opened the task.
 */
class LoginEndedFilter extends OncePerRequestFilter {

    static final String CODE = "LOGIN_ENDED";
    static final String MESSAGE = "登录已超时（长时间未操作），请重新登录";
    static final String SUBMISSION_MESSAGE = "登录已超时（长时间未操作），您的这次提交未保存。请重新登录：表单中已填写的内容会自动恢复，再提交一次即可";

    private final ObjectMapper json;

    LoginEndedFilter(ObjectMapper json) {
        this.json = json;
    }

    /** The login itself (a wrong password is a 401 too) is answered by the webapps as before. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().contains("/api/admin/auth/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status) throws IOException {
                sendError(status, null);
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                if (status == SC_UNAUTHORIZED && !isCommitted()) {
                    EngineApiRefusals.refuse(response, json, SC_UNAUTHORIZED, CODE,
                            "GET".equals(request.getMethod()) ? MESSAGE : SUBMISSION_MESSAGE);
                } else {
                    super.sendError(status, message);
                }
            }
        });
    }
}

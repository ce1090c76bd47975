package cn.minzheng.bureau.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Puts the session's CSRF token into every form a Thymeleaf page renders with {@code th:action}, as the hidden
 * field {@code _csrf}: Spring MVC offers each form to the bean named {@code requestDataValueProcessor}. A form of
 * method GET gets no token (it would land in the address and the logs).
 */
@Component("requestDataValueProcessor")
public class CsrfFormFields implements RequestDataValueProcessor {

    private static final String FORM_METHOD = CsrfFormFields.class.getName() + ".method";

    @Override
    public String processAction(HttpServletRequest request, String action, String httpMethod) {
        request.setAttribute(FORM_METHOD, httpMethod);
        return action;
    }

    @Override
    public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
        return value;
    }

    @Override
    public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
        Object method = request.getAttribute(FORM_METHOD);
        request.removeAttribute(FORM_METHOD);
        if (method instanceof String m && m.equalsIgnoreCase("get")) {
            return Map.of();
        }
        return Map.of(CsrfTokens.PARAMETER, CsrfTokens.of(request));
    }

    @Override
    public String processUrl(HttpServletRequest request, String url) {
        return url;
    }
}

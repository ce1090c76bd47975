package cn.minzheng.bureau.ledger;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.web.ApiProblems;
import cn.minzheng.bureau.web.LedgerPage;

/**
 * A refused request on a ledger page ({@link LedgerPage}) answers with its status and a Chinese page in the
 * ledgers' style, with the header to go on from: a bad parameter ({@code ?year=abc}) is a 400, a household
 * outside the user's area a 404. The pages' few JSON answers (a job's progress) keep a JSON error.
 * Ordered before the API's handler, which answers JSON for every other controller.
 */
@ControllerAdvice(annotations = LedgerPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class LedgerErrors {

    private static final Logger log = LoggerFactory.getLogger(LedgerErrors.class);

    private static final Map<String, String> PARAMETERS = Map.ofEntries(Map.entry("year", "年份"),
            Map.entry("page", "页码"), Map.entry("n", "页码"), Map.entry("after", "翻页位置"), Map.entry("before", "翻页位置"),
            Map.entry("total", "总户数"), Map.entry("householdId", "家庭编号"), Map.entry("id", "编号"),
            Map.entry("disasterId", "所属灾害"), Map.entry("acceptWarnings", "确认警告"));

    private final ObjectMapper json;

    public LedgerErrors(ObjectMapper json) {
        this.json = json;
    }

    @ExceptionHandler(RuleViolation.class)
    ModelAndView ruleViolation(RuleViolation e, HttpServletRequest request, HttpServletResponse response,
                               HandlerMethod handler) throws IOException {
        return refused(HttpStatus.valueOf(e.getHttpStatus()), e.getErrorCode(), e.getMessage(), request, response, handler);
    }

    /** A rule broken inside the engine arrives wrapped; anything else is a fault, not a refusal. */
    @ExceptionHandler(ProcessEngineException.class)
    ModelAndView engine(ProcessEngineException e, HttpServletRequest request, HttpServletResponse response,
                        HandlerMethod handler) throws IOException {
        RuleViolation violation = RuleViolation.in(e).orElseThrow(() -> e);
        return ruleViolation(violation, request, response, handler);
    }

    @ExceptionHandler(AuthorizationException.class)
    ModelAndView forbidden(AuthorizationException e, HttpServletRequest request, HttpServletResponse response,
                           HandlerMethod handler) throws IOException {
        log.info("refused: {}", e.getMessage());
        return refused(HttpStatus.FORBIDDEN, "FORBIDDEN", "您没有权限查看或办理此项", request, response, handler);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request,
                              HttpServletResponse response, HandlerMethod handler) throws IOException {
        String message = PARAMETERS.getOrDefault(e.getName(), "参数“" + e.getName() + "”") + "“" + e.getValue()
                + "”格式不正确" + (Number.class.isAssignableFrom(boxed(e.getRequiredType())) ? "，应为数字" : "");
        return refused(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", message, request, response, handler);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, HttpServletRequest request,
                         HttpServletResponse response, HandlerMethod handler) throws IOException {
        return refused(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER", "缺少"
                + PARAMETERS.getOrDefault(e.getParameterName(), "参数“" + e.getParameterName() + "”"), request, response, handler);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ModelAndView missingFile(MissingServletRequestPartException e, HttpServletRequest request,
                             HttpServletResponse response, HandlerMethod handler) throws IOException {
        return refused(HttpStatus.BAD_REQUEST, "EMPTY_FILE", "请选择要上传的 Excel 文件", request, response, handler);
    }

    private ModelAndView refused(HttpStatus status, String code, String message, HttpServletRequest request,
                                 HttpServletResponse response, HandlerMethod handler) throws IOException {
        if (answersJson(handler)) {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getWriter(), ApiProblems.of(status, code, message, request.getRequestURI()));
            return null; // the response is written
        }
        ModelAndView page = new ModelAndView("ledger/error");
        page.setStatus(status);
        page.addObject("user", request.getAttribute(LedgerLogin.USER_ATTRIBUTE));
        page.addObject("status", status.value());
        page.addObject("title", status == HttpStatus.NOT_FOUND ? "未找到" : status == HttpStatus.FORBIDDEN ? "无权查看"
                : "请求有误");
        page.addObject("message", message);
        return page;
    }

    private static boolean answersJson(HandlerMethod handler) {
        return handler != null && (handler.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class));
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == null) {
            return Object.class;
        }
        return type == int.class ? Integer.class : type == long.class ? Long.class : type;
    }
}

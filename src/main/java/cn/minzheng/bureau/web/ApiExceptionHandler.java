package cn.minzheng.bureau.web;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import cn.minzheng.bureau.common.RuleViolation;

/**
 * Every refusal of the project's API in one shape ({@link ApiProblems}, RFC 9457): a broken rule with its code,
 * and the framework's own refusals (no such address 404, wrong method 405, wrong content type 415, unreadable
 * body 400, …) with a Chinese detail and a code of their own; an unexpected fault is a 500 without a stack trace.
 * The ledger pages answer with pages instead (ledger.LedgerErrors, ordered first).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation e) {
        return ApiProblems.response(HttpStatus.valueOf(e.getHttpStatus()), e.getErrorCode(), e.getMessage());
    }

    /**
     * A rule broken inside the engine (a listener, a delegate) arrives wrapped; the user reads the rule. A change that
     * lost a race with another on the same process is a 409 the user can send again.
     */
    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<ProblemDetail> engine(ProcessEngineException e, HttpServletRequest request) throws Exception {
        var violation = RuleViolation.in(e).or(() -> SimultaneousChange.in(e));
        if (violation.isPresent()) {
            return ruleViolation(violation.get());
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ProblemDetail> forbidden(AuthorizationException e) {
        log.info("refused: {}", e.getMessage());
        return ApiProblems.response(HttpStatus.FORBIDDEN, "FORBIDDEN", "您没有权限执行此操作");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ApiProblems.response(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "参数“" + e.getName() + "”的格式不正确");
    }

    /**
     * An upload that cannot be read as a form with files (no boundary, cut off, not multipart at all) is the
     * sender's fault, not ours. Too large a file, {@link MaxUploadSizeExceededException}, is the closer match of the
     * framework's own handler (413, below).
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableUpload(MultipartException e, HttpServletRequest request) {
        log.info("unreadable upload on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return ApiProblems.response(HttpStatus.BAD_REQUEST, "MALFORMED_UPLOAD",
                "上传内容无法读取：请以表单文件上传（multipart/form-data）的方式提交文件");
    }

    /** Anything else is a fault of ours: logged with its stack trace, answered without one. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e; // a page's fault: the servlet container's error page
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ApiProblems.response(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "系统内部错误，请稍后重试；如仍出现请联系系统管理员");
    }

    /** The framework's refusals (ResponseEntityExceptionHandler): the same shape, a code and a Chinese detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ApiProblems.of(status, code(ex, status), detail(ex, status));
        HttpHeaders answer = new HttpHeaders();
        answer.addAll(headers);
        answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, answer, status);
    }

    private static String code(Exception ex, HttpStatusCode status) {
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return "NOT_FOUND";
        } else if (ex instanceof HttpRequestMethodNotSupportedException) {
            return "METHOD_NOT_ALLOWED";
        } else if (ex instanceof HttpMediaTypeNotSupportedException) {
            return "UNSUPPORTED_MEDIA_TYPE";
        } else if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return "NOT_ACCEPTABLE";
        } else if (ex instanceof HttpMessageNotReadableException) {
            return "MALFORMED_REQUEST";
        } else if (ex instanceof MissingServletRequestParameterException || ex instanceof MissingServletRequestPartException) {
            return "MISSING_PARAMETER";
        } else if (ex instanceof TypeMismatchException) {
            return "INVALID_PARAMETER";
        } else if (ex instanceof MaxUploadSizeExceededException) {
            return "FILE_TOO_LARGE";
        }
        return status.is5xxServerError() ? "INTERNAL_ERROR" : "BAD_REQUEST";
    }

    private static String detail(Exception ex, HttpStatusCode status) {
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return "请求的地址不存在";
        } else if (ex instanceof HttpRequestMethodNotSupportedException e) {
            return "该地址不支持 " + e.getMethod() + " 请求" + (e.getSupportedMethods() == null ? ""
                    : "，可用：" + String.join("、", e.getSupportedMethods()));
        } else if (ex instanceof HttpMediaTypeNotSupportedException e) {
            return "不支持的请求内容类型" + (e.getContentType() == null ? "" : "“" + e.getContentType() + "”")
                    + (e.getSupportedMediaTypes().isEmpty() ? "" : "，应为 " + MediaType.toString(e.getSupportedMediaTypes()));
        } else if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return "无法以所要求的格式答复";
        } else if (ex instanceof HttpMessageNotReadableException) {
            return "请求内容不是有效的JSON，或字段类型不正确";
        } else if (ex instanceof MissingServletRequestParameterException e) {
            return "缺少参数“" + e.getParameterName() + "”";
        } else if (ex instanceof MissingServletRequestPartException e) {
            return "缺少上传内容“" + e.getRequestPartName() + "”";
        } else if (ex instanceof TypeMismatchException e) {
            return "参数“" + e.getPropertyName() + "”的格式不正确";
        } else if (ex instanceof MaxUploadSizeExceededException) {
            return "上传的文件过大";
        }
        return status.is5xxServerError() ? "系统内部错误，请稍后重试；如仍出现请联系系统管理员" : "请求有误";
    }
}

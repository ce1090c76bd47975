package cn.minzheng.bureau.web;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import cn.minzheng.bureau.common.RuleViolation;

/** Bad input gets a 4xx with a Chinese message, never a stack trace. */
@RestControllerAdvice(basePackages = "cn.minzheng.bureau")
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ApiError> ruleViolation(RuleViolation e) {
        return ResponseEntity.status(e.getHttpStatus()).body(new ApiError(e.getErrorCode(), e.getMessage()));
    }

    /** A rule broken inside the engine (a listener, a delegate) arrives wrapped; the user reads the rule. */
    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<ApiError> engine(ProcessEngineException e) {
        return RuleViolation.in(e).map(this::ruleViolation).orElseThrow(() -> e);
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ApiError> forbidden(AuthorizationException e) {
        log.info("refused: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError("FORBIDDEN", "您没有权限执行此操作"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new ApiError("MALFORMED_REQUEST", "请求内容不是有效的JSON，或字段类型不正确"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(new ApiError("INVALID_PARAMETER", "参数“" + e.getName() + "”的格式不正确"));
    }
}

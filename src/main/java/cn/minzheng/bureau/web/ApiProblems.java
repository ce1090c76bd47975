package cn.minzheng.bureau.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one shape of every refused request of the project's API: RFC 9457 problem details
 * ({@code application/problem+json}) with the Chinese message in {@code detail} and the project's stable
 * {@code code} as an extension member, e.g.
 * {@code {"type":"about:blank","title":"请求有误","status":400,"detail":"发放月份不存在","instance":"/api/payrolls","code":"INVALID_MONTH"}}.
 */
public final class ApiProblems {

    /** The extension member holding the project's error code. */
    public static final String CODE = "code";

    private ApiProblems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title(status));
        problem.setProperty(CODE, code);
        return problem;
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, String instance) {
        ProblemDetail problem = of(status, code, detail);
        problem.setInstance(URI.create(instance));
        return problem;
    }

    static ResponseEntity<ProblemDetail> response(HttpStatusCode status, String code, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(of(status, code, detail));
    }

    /** A short Chinese title per status: what kind of refusal it is. */
    static String title(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "请求有误";
            case 401 -> "需要登录";
            case 403 -> "无权执行";
            case 404 -> "未找到";
            case 405 -> "不支持的请求方法";
            case 406 -> "不支持的响应格式";
            case 409 -> "与当前状态冲突";
            case 413 -> "请求内容过大";
            case 415 -> "不支持的内容类型";
            case 422 -> "无法处理";
            default -> status.is5xxServerError() ? "系统错误" : HttpStatus.valueOf(status.value()).getReasonPhrase();
        };
    }
}

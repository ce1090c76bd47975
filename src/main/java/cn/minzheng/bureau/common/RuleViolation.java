package cn.minzheng.bureau.common;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A request that breaks a business rule: bad input, a duplicate, a step out of order.
 * The message is Chinese and meant for the user; the code is stable and machine-readable.
 * Extends the engine's BadUserRequestException so the engine REST API (Tasklist) answers 400 too.
 */
public class RuleViolation extends BadUserRequestException {

    private final String code;
    private final int httpStatus;

    public RuleViolation(String code, String message) {
        this(code, message, 400);
    }

    public RuleViolation(String code, String message, int httpStatus) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public static RuleViolation notFound(String what) {
        return new RuleViolation("NOT_FOUND", what + "不存在或无权查看", 404);
    }

    public String getErrorCode() {
        return code;
    }

    public int getHttpStatus() {
        return httpStatus;
    }
}

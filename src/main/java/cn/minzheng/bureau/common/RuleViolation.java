package cn.minzheng.bureau.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A request that breaks a business rule: bad input, a duplicate, a step out of order.
 * The message is Chinese and meant for the user; the code is stable and machine-readable.
 * Extends the engine's BadUserRequestException so the engine REST API (Tasklist) answers 400 too.
 */
public class RuleViolation extends BadUserRequestException {

    /** See {@link #recordingIn(Runnable)}. */
    private static final ThreadLocal<List<RuleViolation>> RECORDED = new ThreadLocal<>();

    private final String code;
    private final int httpStatus;

    public RuleViolation(String code, String message) {
        this(code, message, 400);
    }

    public RuleViolation(String code, String message, int httpStatus) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
        List<RuleViolation> recorded = RECORDED.get();
        if (recorded != null) {
            recorded.add(this);
        }
    }

    /**
     * Runs the work and returns the rule violations raised on this thread meanwhile (including any the work
     * caught itself), in order. For callers that only see what another layer has already turned an exception
     * into (the Camunda webapps' engine API, which Tasklist uses, answers a refusal with a wrapped 500).
     */
    public static <E extends Exception> List<RuleViolation> recordingIn(Work<E> work) throws E {
        List<RuleViolation> outer = RECORDED.get();
        List<RuleViolation> recorded = new ArrayList<>();
        RECORDED.set(recorded);
        try {
            work.run();
        } finally {
            RECORDED.set(outer);
        }
        return recorded;
    }

    /** Work that may throw a checked exception (a servlet filter chain). */
    @FunctionalInterface
    public interface Work<E extends Exception> {
        void run() throws E;
    }

    public static RuleViolation notFound(String what) {
        return new RuleViolation("NOT_FOUND", what + "不存在或无权查看", 404);
    }

    /**
     * The engine wraps what a task listener throws ("ENGINE-03051 There was an exception while invoking
     * the TaskListener"); this finds the rule violation inside so the user reads its own message.
     */
    public static Optional<RuleViolation> in(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof RuleViolation violation) {
                return Optional.of(violation);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    public String getErrorCode() {
        return code;
    }

    public int getHttpStatus() {
        return httpStatus;
    }
}

package cn.minzheng.bureau.web;

import java.util.Optional;

import org.camunda.bpm.engine.OptimisticLockingException;

import cn.minzheng.bureau.common.RuleViolation;

/**
 * A submission that lost a race: two users changed the same process at the same moment (two townships' clerks
 * finishing their tasks of one campaign, a clerk's submission as the deadline's timer fires), and the engine kept
 * the first and rolled the second back whole. A task's completion is run again once by the engine
 * (engine/CompletionRetryPlugin); what still loses reaches the APIs as a 500 with the engine's English ("ENGINE-03005
 * … Entity was updated by another transaction concurrently"), and the user is told instead, in Chinese, that nothing
 * of hers was saved and that sending it again will go through.
 */
final class SimultaneousChange {

    static final String CODE = "SIMULTANEOUS_CHANGE";
    static final String MESSAGE = "同一流程中另一项办理与您的提交同时到达，系统先保存了对方的，您的这次提交未保存。请再提交一次";

    /**
     * The engine's error code of an optimistic-locking failure (its built-in code 1), which both engine APIs put into
     * their answer's {@code code}.
     */
    static final int ENGINE_CODE = 1;

    private SimultaneousChange() {
    }

    static RuleViolation violation() {
        return new RuleViolation(CODE, MESSAGE, 409);
    }

    /** The refusal to answer with, when the thrown exception is the engine's optimistic-locking failure. */
    static Optional<RuleViolation> in(Throwable thrown) {
        for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof OptimisticLockingException) {
                return Optional.of(violation());
            }
        }
        return Optional.empty();
    }
}

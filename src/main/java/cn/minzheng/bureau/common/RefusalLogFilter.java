package cn.minzheng.bureau.common;

import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;


/**
 * Keeps the engine from logging a refusal as a fault. A rule that a delegate, listener or expression breaks (a
 * {@link RuleViolation}: an empty ID number, a step out of order) reaches the engine wrapped, and the engine logs it
 * as "ENGINE-16004 Exception while closing command context" at ERROR with two hundred lines of stack, once per
 * refused form or request, although the user has read its Chinese message and nothing is wrong with the system.
 * Those entries are dropped; every other exception the engine logs stays as it was.
 */
public class RefusalLogFilter extends TurboFilter {

    /** The engine's command context logger (ContextLogger). */
    static final String ENGINE_CONTEXT = org.camunda.bpm.engine.ProcessEngine.class.getPackageName() + ".context";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger == null || !ENGINE_CONTEXT.equals(logger.getName()) || !level.isGreaterOrEqual(Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t != null ? t : lastThrowable(params);
        return thrown != null && RuleViolation.in(thrown).isPresent() ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    /** SLF4J takes a throwable given as the last parameter for the entry's exception, as the engine gives it. */
    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable thrown ? thrown : null;
    }

    /** Adds the filter to Logback once (Spring Boot has set Logback up before any bean is made). */
    @Component
    static class Installer {
        Installer() {
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
                    && logback.getTurboFilterList().stream().noneMatch(RefusalLogFilter.class::isInstance)) {
                RefusalLogFilter filter = new RefusalLogFilter();
                filter.setName("refusals");
                filter.start();
                logback.addTurboFilter(filter);
            }
        }
    }
}

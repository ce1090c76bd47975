package cn.minzheng.bureau.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;


/** Which of the engine's log entries the filter drops: refusals in its command context, nothing else. */
class RefusalLogFilterTest {

    static final LoggerContext LOGBACK = new LoggerContext();

    static Stream<Arguments> entries() {
        var refusal = new RuleViolation("REQUIRED", "身份证号不能为空");
        var wrappedRefusal = new ProcessEngineException(refusal.toString(), refusal); // as an expression wraps it
        var fault = new ProcessEngineException("ENGINE-03051", new IllegalStateException("a bug"));
        return Stream.of(
                Arguments.of("a refusal wrapped by the engine, passed as the last parameter", RefusalLogFilter.ENGINE_CONTEXT,
                        Level.ERROR, new Object[] {"x", wrappedRefusal}, null, FilterReply.DENY),
                Arguments.of("a refusal given as the entry's throwable", RefusalLogFilter.ENGINE_CONTEXT,
                        Level.ERROR, null, refusal, FilterReply.DENY),
                Arguments.of("a fault of ours", RefusalLogFilter.ENGINE_CONTEXT,
                        Level.ERROR, new Object[] {"x", fault}, null, FilterReply.NEUTRAL),
                Arguments.of("no exception", RefusalLogFilter.ENGINE_CONTEXT,
                        Level.ERROR, new Object[] {"x"}, null, FilterReply.NEUTRAL),
                Arguments.of("a refusal at debug, for whoever turns it on", RefusalLogFilter.ENGINE_CONTEXT,
                        Level.DEBUG, new Object[] {wrappedRefusal}, null, FilterReply.NEUTRAL),
                Arguments.of("a refusal in another logger (the project's own)", "cn.minzheng.bureau.web.ApiExceptionHandler",
                        Level.ERROR, new Object[] {wrappedRefusal}, null, FilterReply.NEUTRAL));
    }

    @ParameterizedTest(name = "{0}: {5}")
    @MethodSource("entries")
    void dropsOnlyRefusalsInTheEngineContext(String name, String loggerName, Level level, Object[] params,
                                             Throwable throwable, FilterReply expected) {
        Logger logger = LOGBACK.getLogger(loggerName);
        assertThat(new RefusalLogFilter().decide(null, logger, level, "ENGINE-16004 {}", params, throwable))
                .isEqualTo(expected);
    }
}

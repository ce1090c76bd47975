package cn.minzheng.bureau.engine;

import java.util.Map;
import java.util.Set;

/**
 * Process variables that only copy what is recorded elsewhere: what the application's tables hold (names,
 * summaries, amounts), set so that Tasklist can show them in forms and task lists, or a decision table's
 * result, which the decision history keeps. {@link CopiedVariablesHistoryPlugin} keeps these copies out of
 * the engine's history.
 */
public interface CopiedVariables {

    /** Process definition key → names of the variables of that process that are copies. */
    Map<String, Set<String>> byProcess();
}

package cn.minzheng.bureau.engine;

import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A listener the engine adds to every user task of every process version as it reads it
 * ({@link EveryUserTaskListenersPlugin}): a rule that holds for all tasks, so no model has to name it and none can
 * leave it out. It runs as one of the engine's own listeners: before the task's modelled listeners, and also where
 * those are skipped.
 */
public interface EveryUserTaskListener extends TaskListener {

    /** The task event it listens to, such as {@link TaskListener#EVENTNAME_COMPLETE}. */
    String event();
}

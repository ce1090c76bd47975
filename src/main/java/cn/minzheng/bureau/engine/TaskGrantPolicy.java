package cn.minzheng.bureau.engine;

/**
 * Which groups read every task through one global grant, as a bean: {@link TaskAuthorizationProvider} gives a task
 * offered to such a group no per-task READ (and no READ on its process instance).
 */
@FunctionalInterface
public interface TaskGrantPolicy {

    boolean readsEveryTask(String groupId);
}

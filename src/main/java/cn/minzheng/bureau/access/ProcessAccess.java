package cn.minzheng.bureau.access;

import java.util.List;

/**
 * What a process contributes to access: who may start it, and under which Tasklist filter its tasks are
 * listed. Each process declares this next to its own code, as a {@code @Component} in its feature package
 * ({@code XAccess}); {@link AccessSetup} grants the start rights to the roles' groups and {@link TasklistFilters}
 * lists the process's tasks in the filter of its line of work. Who may work on a task is the BPMN's candidate
 * groups, not this.
 */
public interface ProcessAccess {

    /** The process definition key. */
    String processKey();

    /** The roles whose groups may start the process; empty when only the engine or another process starts it. */
    List<Role> starters();

    /** The Tasklist filter its tasks are listed under. */
    LineOfWork lineOfWork();
}

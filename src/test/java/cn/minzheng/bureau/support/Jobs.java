package cn.minzheng.bureau.support;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs a process instance's due jobs in the test's own thread, for test classes whose engine has its job executor
 * off: the coverage library's collector is not thread-safe, and an executor thread adding coverage events while the
 * listener computed the class's coverage failed CI runs with a ConcurrentModificationException.
 */
public final class Jobs {

    private static final int MOST = 1000;

    private Jobs() {
    }

    /** Executes the instance's executable jobs, and the jobs they create, until none is due; a failing job throws. */
    public static void runDue(ManagementService managementService, String processInstanceId) {
        for (int executed = 0; executed < MOST; executed++) {
            Job job = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list()
                    .stream().findFirst().orElse(null);
            if (job == null) {
                return;
            }
            managementService.executeJob(job.getId());
        }
        throw new IllegalStateException("the jobs of " + processInstanceId + " did not come to an end after " + MOST);
    }
}

package cn.minzheng.bureau.support;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * A process instance's asynchronous steps, done: run in the test's own thread ({@link #runDue}), or waited for where the
 * job executor runs them ({@link #awaitExecuted}).
 */
public final class Jobs {

    private static final int MOST = 1000;

    private Jobs() {
    }

    /**
     * Executes the instance's executable jobs, and the jobs they create, until none is due; a failing job throws. For
     * test classes whose engine has its job executor off: the coverage library's collector is not thread-safe, and an
     * executor thread adding coverage events while the listener computed the class's coverage failed CI runs with a
     * ConcurrentModificationException.
     */
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

    /**
     * Waits up to a minute for the job executor to run the instance's executable jobs. A job that failed is waited for
     * no longer, and throws with its stack trace: with a retry cycle (the payrolls' R3/PT5M) its next try is minutes
     * away, so it is not executable meanwhile and would otherwise pass for done.
     */
    public static void awaitExecuted(ManagementService managementService, String processInstanceId) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            Job failed = managementService.createJobQuery().processInstanceId(processInstanceId).withException().list()
                    .stream().findFirst().orElse(null);
            if (failed != null) {
                throw new IllegalStateException("job " + failed.getId() + " failed: " + failed.getExceptionMessage()
                        + "\n" + managementService.getJobExceptionStacktrace(failed.getId()));
            }
            Job job = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list()
                    .stream().findFirst().orElse(null);
            if (job == null) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("job " + job.getId() + " did not run within a minute");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

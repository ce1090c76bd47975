package cn.minzheng.bureau.dibao.verification;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.minzheng.bureau.common.RuleViolation;
import jakarta.annotation.PreDestroy;

/**
 * The in-application worker of the external task 居民家庭经济状况核对 (topic {@link #TOPIC}): fetches and locks
 * the checks waiting in the engine, asks the {@link EconomicStatusProvider} within the time limit, and stores the
 * report and completes the task in one transaction. A provider that fails or does not answer in time leaves the
 * task with no retries: an incident in Cockpit with the reason in Chinese, and the case waits at the check until an
 * operator retries it there. Polls on its own ({@link VerificationScheduling}) unless switched off.
 */
@Component
public class EconomicStatusWorker {

    public static final String TOPIC = "dibao-economic-status-check";
    public static final String WORKER_ID = "bureau-economic-status-worker";
    private static final Logger log = LoggerFactory.getLogger(EconomicStatusWorker.class);

    private final ExternalTaskService externalTasks;
    private final EconomicCheckService checks;
    private final EconomicStatusProvider provider;
    private final VerificationSettings settings;
    private final TransactionTemplate transaction;
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "economic-status-provider");
        thread.setDaemon(true);
        return thread;
    });

    public EconomicStatusWorker(ExternalTaskService externalTasks, EconomicCheckService checks,
                                EconomicStatusProvider provider, VerificationSettings settings,
                                TransactionTemplate transaction) {
        this.externalTasks = externalTasks;
        this.checks = checks;
        this.provider = provider;
        this.settings = settings;
        this.transaction = transaction;
    }

    /** One round: every check waiting (up to 20); returns how many were handled. */
    public int runOnce() {
        List<LockedExternalTask> locked = externalTasks.fetchAndLock(20, WORKER_ID)
                .topic(TOPIC, settings.lockDuration().toMillis()).variables("caseId", "caseNumber").execute();
        locked.forEach(this::handle);
        return locked.size();
    }

    /** The check of one case, if it is waiting: what the walkers and tests call. Returns whether there was one. */
    public boolean runFor(long caseId) {
        List<LockedExternalTask> locked = externalTasks.fetchAndLock(1, WORKER_ID)
                .topic(TOPIC, settings.lockDuration().toMillis()).variables("caseId", "caseNumber")
                .processInstanceVariableEquals("caseId", caseId).execute();
        locked.forEach(this::handle);
        return !locked.isEmpty();
    }

    /** Runs one locked check: the report stored and the task completed, or an incident. */
    public void handle(LockedExternalTask task) {
        long caseId = ((Number) task.getVariables().get("caseId")).longValue();
        String caseNumber = String.valueOf(task.getVariables().get("caseNumber"));
        Duration limit = settings.timeLimit();
        CompletableFuture<List<AgencyRecord>> answer = null;
        try {
            EconomicStatusRequest request = checks.request(caseId, caseNumber);
            answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return provider.check(request);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }, calls);
            List<AgencyRecord> records = answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            EconomicStatusReport report = new EconomicStatusReport(provider.name(), EconomicCheckService.now(), records);
            transaction.executeWithoutResult(status -> {
                checks.record(caseId, report);
                externalTasks.complete(task.getId(), WORKER_ID);
            });
        } catch (TimeoutException e) {
            answer.cancel(true);
            fail(task, "居民家庭经济状况核对超时：" + provider.name() + "在" + seconds(limit) + "内未答复（案件" + caseNumber
                    + "），案件等待核对结果，不得未经核对继续办理；请核实核对渠道后在 Cockpit 中重试",
                    "time limit " + limit + " exceeded by provider " + provider.getClass().getName());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            fail(task, "居民家庭经济状况核对失败：" + provider.name() + "返回错误（案件" + caseNumber + "）：" + cause.getMessage()
                    + "；案件等待核对结果，请排除故障后在 Cockpit 中重试", stackTrace(cause));
        } catch (RuleViolation e) {
            fail(task, "居民家庭经济状况核对未能发出（案件" + caseNumber + "）：" + e.getMessage(), stackTrace(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fail(LockedExternalTask task, String message, String details) {
        log.warn("economic-status check {} failed: {}", task.getId(), message);
        // retries 0: an incident at once, visible in Cockpit; the process stays at the check
        externalTasks.handleFailure(task.getId(), WORKER_ID, message.length() > 600 ? message.substring(0, 600) : message,
                details, 0, 0);
    }

    private static String seconds(Duration limit) {
        return limit.toSeconds() >= 60 ? limit.toMinutes() + "分钟" : Math.max(1, limit.toSeconds()) + "秒";
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    @PreDestroy
    void stop() {
        calls.shutdownNow();
    }
}

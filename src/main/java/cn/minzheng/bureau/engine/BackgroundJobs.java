package cn.minzheng.bureau.engine;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Long-running work of a feature (a roster import's validation or commit) as a job of the engine's job executor:
 * the job is a row of ACT_RU_JOB that any node's job executor locks and runs, so the work is not tied to the node
 * that asked for it; when that node dies, the job's lock expires and another node's job executor runs it again.
 * A feature implements {@link Work} (one bean per kind of work) and {@link #submit}s a job naming it and an
 * argument. The work runs outside the job's own transaction (suspended): it commits its own steps, so they are
 * visible while it runs, and it must be safe to run again after a node died in the middle of it.
 * <p>
 * While the work runs, the node holds the job by a <b>lease</b> ({@code bureau.background-jobs.lease-seconds},
 * 60 s): the job's lock is set to end a lease from now and renewed every third of it. A long import therefore
 * never outlives its lock while its node is alive (no second node starts it meanwhile, whatever the job
 * executor's lock time), and when the node dies the job is taken up by another node a lease later, not after the
 * job executor's lock time (5 minutes). The job executor's lock owner names the node (its engine host name), so
 * {@code ACT_RU_JOB.LOCK_OWNER_} tells which node runs a job.
 */
@Component
public class BackgroundJobs extends AbstractProcessEnginePlugin {

    /** ACT_RU_JOB.HANDLER_TYPE_ of these jobs; HANDLER_CFG_ is "work:argument". */
    public static final String HANDLER_TYPE = "bureau-background-work";

    /** One kind of background work, found by its {@link #name()}. */
    public interface Work {

        /** What the job records of the work (letters, digits and dashes). */
        String name();

        /** Does the work; an exception it throws leaves the job to the engine's retries (and then an incident). */
        void run(String argument);
    }

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

    private final ObjectProvider<Work> works;
    private final TransactionTemplate outsideTransaction;
    private final JdbcTemplate jdbc;
    private final long leaseMillis;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "background-job-lease");
        thread.setDaemon(true);
        return thread;
    });
    private ProcessEngineConfigurationImpl configuration;

    public BackgroundJobs(ObjectProvider<Work> works, PlatformTransactionManager transactions, JdbcTemplate jdbc,
                          @Value("${bureau.background-jobs.lease-seconds:60}") int leaseSeconds) {
        this.works = works;
        this.outsideTransaction = new TransactionTemplate(transactions);
        this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.jdbc = jdbc;
        if (leaseSeconds < 3) {
            throw new IllegalArgumentException("bureau.background-jobs.lease-seconds must be at least 3, not " + leaseSeconds);
        }
        this.leaseMillis = leaseSeconds * 1000L;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        // a new list: the engine's own may be unmodifiable (Operaton's is)
        List<JobHandler> handlers = new ArrayList<>();
        if (configuration.getCustomJobHandlers() != null) {
            handlers.addAll(configuration.getCustomJobHandlers());
        }
        handlers.add(new Handler());
        configuration.setCustomJobHandlers(handlers);
    }

    /** The job executor's lock owner: the node's host name (the engine's) and a random part, unique per start. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        JobExecutor executor = configuration.getJobExecutor();
        if (executor != null && configuration.getHostname() != null) {
            executor.setLockOwner(configuration.getHostname() + "/" + UUID.randomUUID().toString().substring(0, 8));
        }
    }

    @PreDestroy
    void stopRenewals() {
        renewals.shutdownNow();
    }

    /** Creates the job (in the caller's transaction if there is one); a job executor runs it soon after. */
    public void submit(String work, String argument) {
        configuration.getCommandExecutorTxRequired().execute(context -> {
            MessageEntity job = new MessageEntity();
            job.setJobHandlerType(HANDLER_TYPE);
            job.setJobHandlerConfigurationRaw(work + ":" + argument);
            context.getJobManager().send(job);
            return null;
        });
        wakeJobExecutorAfterCommit();
    }

    /**
     * The engine hints its job executor when its own command ends, which inside a caller's transaction is before
     * that transaction commits: the acquisition finds no job yet and waits its idle time (seconds) before it looks
     * again. Hinted once more after the caller's commit, the job starts at once.
     */
    private void wakeJobExecutorAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                JobExecutor executor = configuration.getJobExecutor();
                if (executor != null && executor.isActive()) {
                    executor.jobWasAdded();
                }
            }
        });
    }

    /** Whether a job for this work and argument is waiting or running (on any node). */
    public boolean pending(String work, String argument) {
        return configuration.getCommandExecutorTxRequired().execute(context -> !context.getJobManager()
                .findJobsByConfiguration(HANDLER_TYPE, work + ":" + argument, null).isEmpty());
    }

    /**
     * Runs the waiting jobs of this work and argument in the calling thread, through the engine as its job executor
     * would (the job is removed when done; a failure is thrown to the caller). For a caller that waits for its work
     * while no job executor runs yet: demo data built as the application starts, before the engine starts its job
     * executor. Jobs another node has locked are left to it.
     */
    public void runWaitingHere(String work, String argument) {
        List<String> waiting = configuration.getCommandExecutorTxRequired().execute(context -> context.getJobManager()
                .findJobsByConfiguration(HANDLER_TYPE, work + ":" + argument, null).stream()
                .filter(job -> job.getLockOwner() == null).map(JobEntity::getId).toList());
        waiting.forEach(id -> configuration.getManagementService().executeJob(id));
    }

    private void run(String raw, JobEntity job) {
        int colon = raw.indexOf(':');
        String name = colon < 0 ? raw : raw.substring(0, colon);
        String argument = colon < 0 ? "" : raw.substring(colon + 1);
        Work work = works.orderedStream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no background work named " + name));
        // the lease too outside the job's transaction: its statements commit at once, and hold no lock on the job's row
        outsideTransaction.executeWithoutResult(status -> {
            Lease lease = holdLease(job);
            try {
                work.run(argument);
            } finally {
                if (lease != null) {
                    lease.end();
                }
            }
        });
    }

    record Configuration(String raw) implements JobHandlerConfiguration {

        @Override
        public String toCanonicalString() {
            return raw;
        }
    }

    private final class Handler implements JobHandler<Configuration> {

        @Override
        public String getType() {
            return HANDLER_TYPE;
        }

        @Override
        public void execute(Configuration configuration, ExecutionEntity execution, CommandContext commandContext,
                            String tenantId) {
            run(configuration.raw(), commandContext.getCurrentJob());
        }

        @Override
        public Configuration newConfiguration(String canonicalString) {
            return new Configuration(canonicalString);
        }

        @Override
        public void onDelete(Configuration configuration, JobEntity jobEntity) {
            // nothing kept beside the job
        }
    }

    /**
     * The lock of the job this node's job executor took, kept a lease ahead while the work runs: only while the job
     * is still this executor's (same owner, same revision; another node that took it over after a lapse changed
     * both). Renewed on a thread of its own, in statements of their own, never waited for by the work. Jobs run in
     * the caller's thread ({@link #runWaitingHere}) have no lock and no lease.
     */
    private Lease holdLease(JobEntity job) {
        if (job == null || job.getLockOwner() == null) {
            return null;
        }
        Lease lease = new Lease(job.getId(), job.getLockOwner(), job.getRevision());
        if (lease.renew()) {
            long every = leaseMillis / 3;
            lease.renewing = renewals.scheduleWithFixedDelay(() -> {
                if (!lease.renew()) {
                    lease.end();
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
        return lease;
    }

    private final class Lease {

        private final String jobId;
        private final String owner;
        private final int revision;
        private volatile ScheduledFuture<?> renewing;

        private Lease(String jobId, String owner, int revision) {
            this.jobId = jobId;
            this.owner = owner;
            this.revision = revision;
        }

        /** False when the job is no longer this node's (taken over, or done). */
        private boolean renew() {
            try {
                Timestamp until = new Timestamp(ClockUtil.getCurrentTime().getTime() + leaseMillis);
                if (jdbc.update("update ACT_RU_JOB set LOCK_EXP_TIME_ = ? where ID_ = ? and LOCK_OWNER_ = ? and REV_ = ?",
                        until, jobId, owner, revision) == 1) {
                    return true;
                }
                log.info("background job {}: no longer held by {}, lease not renewed", jobId, owner);
                return false;
            } catch (RuntimeException e) {
                // the database is away: the lease lapses if it stays away, and another node may take the job then
                log.warn("background job {}: lease not renewed ({})", jobId, e.toString());
                return true;
            }
        }

        void end() {
            ScheduledFuture<?> future = renewing;
            if (future != null) {
                future.cancel(false);
            }
        }
    }
}

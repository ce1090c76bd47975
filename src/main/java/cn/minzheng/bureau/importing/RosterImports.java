package cn.minzheng.bureau.importing;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.BackgroundJobs;
import cn.minzheng.bureau.importing.kind.ChangedSinceValidation;
import cn.minzheng.bureau.importing.kind.RosterKind;
import cn.minzheng.bureau.importing.kind.StagedRow;

/**
 * Upload, background validation and commit of a roster workbook. The workbook is kept under
 * {@code bureau.import.directory}; validation and commit are jobs of the engine's job executor
 * ({@link BackgroundJobs}, work {@value #WORK}), so whichever node's job executor takes the job runs it, and when
 * that node dies the job's lock expires and another node runs it again. Their state is in the database:
 * a validation run owns the batch's staged rows by its token (a run that was taken over stops at its next chunk),
 * a commit locks the batch row for its one transaction and does nothing when the batch is no longer being
 * committed, so a batch is never committed twice.
 */
@Service
public class RosterImports implements BackgroundJobs.Work {

    static final int CHUNK_ROWS = 1000;
    /** The job executor's name for this work; the argument is "validate:id" or "commit:id". */
    static final String WORK = "roster-import";
    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);

    private final ImportRepository batches;
    private final ImportCommitter committer;
    private final RosterKinds kinds;
    private final ImportFiles files;
    private final BackgroundJobs jobs;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separately;

    public RosterImports(ImportRepository batches, ImportCommitter committer, RosterKinds kinds,
                         ImportFiles files, BackgroundJobs jobs, TransactionTemplate transaction) {
        this.batches = batches;
        this.committer = committer;
        this.kinds = kinds;
        this.files = files;
        this.jobs = jobs;
        this.transaction = transaction;
        this.separately = new TransactionTemplate(transaction.getTransactionManager());
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public String name() {
        return WORK;
    }

    /** Stores the workbook and starts its validation in the background. */
    public ImportBatch upload(String fileName, InputStream content, String user) {
        return upload(kinds.of(RosterKinds.DEFAULT), null, fileName, content, user);
    }

    /** Stores the workbook of the given kind (a scoped kind's: of {@code scopeId}, the disaster) and validates it. */
    public ImportBatch upload(RosterKind kind, Long scopeId, String fileName, InputStream content, String user) {
        Long scope = kind.checkScope(scopeId);
        String name = fileName == null || fileName.isBlank() ? "名册.xlsx" : Path.of(fileName).getFileName().toString();
        if (!name.toLowerCase().endsWith(".xlsx")) {
            throw new RuleViolation("NOT_XLSX", "请上传 .xlsx 格式的 Excel 工作簿（可先下载导入模板）", 400);
        }
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        String stored = files.store(content);
        String batchName = name;
        long id = transaction.execute(status -> {
            long batchId = batches.create(kind.code(), scope, batchName, stored, user);
            jobs.submit(WORK, "validate:" + batchId); // the batch and its job together, or neither
            return batchId;
        });
        return batches.find(id).orElseThrow();
    }

    public ImportBatch batch(long id) {
        return batches.find(id).orElseThrow(() -> new RuleViolation("IMPORT_NOT_FOUND", "导入批次" + id + "不存在", 404));
    }

    /** Commits the batch in the background; warnings must be accepted explicitly. */
    public ImportBatch commit(long id, String user, boolean acceptWarnings) {
        ImportBatch batch = batch(id);
        if (batch.status() != ImportBatch.Status.VALIDATED) {
            throw new RuleViolation("IMPORT_NOT_READY", "该批次当前状态为“" + batch.status().label() + "”，不能提交导入", 409);
        }
        if (batch.rejectedCount() > 0) {
            throw new RuleViolation("IMPORT_HAS_REJECTED_ROWS", "该文件有" + batch.rejectedCount()
                    + "行被拒绝，不能导入：请按校验报告改正后重新上传", 409);
        }
        if (batch.warningCount() > 0 && !acceptWarnings) {
            throw new RuleViolation("IMPORT_WARNINGS_NOT_ACCEPTED", "该文件有" + batch.warningCount()
                    + "行警告（如保障金额与现行标准不一致），请核实并确认接受警告后再导入", 409);
        }
        boolean started = transaction.execute(status -> {
            if (!batches.startCommit(id, user, acceptWarnings)) {
                return false;
            }
            jobs.submit(WORK, "commit:" + id);
            return true;
        });
        if (!started) {
            throw new RuleViolation("IMPORT_NOT_READY", "该批次正在导入或已导入", 409);
        }
        return batch(id);
    }

    public Progress progress(long id) {
        ImportBatch batch = batch(id);
        int total = batch.totalRows() == null ? 0 : batch.totalRows();
        return switch (batch.status()) {
            case VALIDATING -> new Progress(batch, "校验", batch.validatedRows(), total,
                    secondsLeft(batch.uploadedAt().toInstant(), batch.validatedRows(), total));
            case COMMITTING -> {
                int done = batches.commitProgress(id);
                Instant started = batch.commitStartedAt() == null ? Instant.now() : batch.commitStartedAt().toInstant();
                yield new Progress(batch, "导入", done, batch.validatedRows(), secondsLeft(started, done, batch.validatedRows()));
            }
            case COMMITTED -> new Progress(batch, "导入", batch.committedRows(), batch.committedRows(), 0L);
            default -> new Progress(batch, "校验", batch.validatedRows(), batch.validatedRows(), 0L);
        };
    }

    private static Long secondsLeft(Instant started, int done, int total) {
        if (done <= 0 || total <= 0) {
            return null;
        }
        double elapsed = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
        return Math.max(0L, Math.round((total - done) * elapsed / done));
    }

    public record Progress(ImportBatch batch, String phase, int done, int total, Long secondsLeft) {

        public boolean finished() {
            return batch.status() != ImportBatch.Status.VALIDATING && batch.status() != ImportBatch.Status.COMMITTING;
        }
    }

    Path fileOf(ImportBatch batch) {
        return files.of(batch);
    }

    /** The job: "validate:id" or "commit:id", on whichever node's job executor took it. */
    @Override
    public void run(String argument) {
        int colon = argument.indexOf(':');
        long id = Long.parseLong(argument.substring(colon + 1));
        switch (argument.substring(0, colon)) {
            case "validate" -> validate(id);
            case "commit" -> runCommit(id);
            default -> throw new IllegalArgumentException("unknown roster import step " + argument);
        }
    }

    /** Another run took the batch over (this node's job lock had expired): it owns the staged rows now. */
    private static final class Superseded extends RuleViolation {
        Superseded() {
            super("IMPORT_TAKEN_OVER", "该批次的校验已由另一节点接手");
        }
    }

    void validate(long id) {
        ImportBatch batch = batches.find(id).orElse(null);
        if (batch == null || batch.status() != ImportBatch.Status.VALIDATING) {
            return; // finished meanwhile by another run
        }
        String token = UUID.randomUUID().toString();
        try {
            Path file = fileOf(batch);
            int declared = XlsxRows.declaredRows(file);
            if (!transaction.execute(status -> batches.startValidation(id, token, declared > 0 ? declared - 1 : null))) {
                return;
            }
            RosterKind kind = kinds.of(batch.kind());
            stageRows(id, token, kind, kind.checker(batch.rosterBatch()), file);
            if (!batches.finishValidation(id, token)) {
                throw new Superseded();
            }
            log.info("import batch {} ({}) validated", id, kind.code());
        } catch (Superseded e) {
            log.info("import batch {}: validation taken over by another run", id);
        } catch (RuleViolation e) {
            batches.fail(id, token, e.getMessage());
        } catch (RuntimeException e) {
            log.error("import batch {}: validation failed", id, e);
            batches.fail(id, token, "校验中断：" + e.getClass().getSimpleName() + "，请重新上传；如反复出现请联系系统管理员");
        }
    }

    /**
     * Reads the file row by row through the kind's checker and stages the rows a chunk at a time; a chunk's database
     * work runs while the next chunk is read and checked ({@link ChunkStaging}).
     */
    private void stageRows(long id, String token, RosterKind kind, RosterKind.RowChecker checker, Path file) {
        List<StagedRow> pending = new ArrayList<>();
        boolean[] header = {false};
        try (ChunkStaging staging = new ChunkStaging("roster-import-staging-" + id)) {
            XlsxRows.read(file, kind.headers().size(), (rowNumber, cells) -> {
                if (!header[0]) {
                    checkHeader(kind, cells);
                    header[0] = true;
                    return;
                }
                pending.addAll(checker.row(rowNumber, cells));
                if (pending.size() >= CHUNK_ROWS) {
                    handOver(id, token, checker, pending, staging);
                }
            });
            if (!header[0]) {
                throw new RuleViolation("EMPTY_WORKBOOK", "文件是空的：没有表头，也没有数据行");
            }
            pending.addAll(checker.finish());
            handOver(id, token, checker, pending, staging);
        }
    }

    private void handOver(long id, String token, RosterKind.RowChecker checker, List<StagedRow> pending,
                          ChunkStaging staging) {
        if (pending.isEmpty()) {
            return;
        }
        List<StagedRow> chunk = new ArrayList<>(pending);
        pending.clear();
        staging.submit(() -> flush(id, token, checker, chunk));
    }

    private static void checkHeader(RosterKind kind, String[] cells) {
        List<String> missing = new ArrayList<>();
        List<String> headers = kind.headers();
        for (int i = 0; i < headers.size(); i++) {
            if (!headers.get(i).equals(cells[i])) {
                missing.add("第" + (i + 1) + "列应为“" + headers.get(i) + "”");
            }
        }
        if (!missing.isEmpty()) {
            throw new RuleViolation("WRONG_TEMPLATE", "表头与导入模板不一致（" + kind.label() + "）：" + String.join("，", missing)
                    + "。请下载导入模板，按模板填写");
        }
    }

    /** Checks the chunk against the records (one query per chunk, by the kind), then stages the rows in one transaction. */
    private void flush(long id, String token, RosterKind.RowChecker checker, List<StagedRow> chunk) {
        checker.checkAgainstRecords(chunk);
        transaction.executeWithoutResult(status -> {
            if (!batches.insertRows(id, token, chunk)) {
                throw new Superseded(); // rolls this chunk back
            }
        });
    }

    private void runCommit(long id) {
        ImportBatch batch = batches.find(id).orElse(null);
        if (batch == null || batch.status() != ImportBatch.Status.COMMITTING) {
            return; // committed, or failed and offered again, by another run
        }
        String user = batch.committedBy();
        try {
            // the progress of each chunk in a transaction of its own, visible while the commit's runs
            if (committer.commit(batch, user, done -> separately.executeWithoutResult(s -> batches.commitProgress(id, done)))) {
                log.info("import batch {} committed by {}", id, user);
            }
        } catch (RuntimeException e) {
            log.warn("import batch {}: commit failed and was rolled back", id, e);
            String reason = e instanceof RuleViolation v ? v.getMessage()
                    : e instanceof org.springframework.dao.DuplicateKeyException
                            ? kinds.of(batch.kind()).claimedMeanwhile()
                            : e.getClass().getSimpleName();
            // a changed record says itself what the administrator can do next
            String next = e instanceof ChangedSinceValidation ? "" : "。可重新提交";
            batches.commitFailed(id, "导入失败，已全部回滚，未写入任何数据（" + reason + "）" + next);
        }
    }

    /**
     * Validates or commits the batch in the calling thread, for a caller that waits for it while the engine's job
     * executor has not started yet (the demo year, built as the application starts). The same work as the job's.
     */
    public void runWaitingJobsHere(long id) {
        jobs.runWaitingHere(WORK, "validate:" + id);
        jobs.runWaitingHere(WORK, "commit:" + id);
    }

    /**
     * At start-up: a batch still validating or committing whose job is gone (left by a version that ran imports on a
     * thread of its own) gets a job again. A batch whose job exists is left to it, on whichever node takes it.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeAfterRestart() {
        for (long id : batches.inStatus(ImportBatch.Status.COMMITTING)) {
            if (!jobs.pending(WORK, "commit:" + id)) {
                jobs.submit(WORK, "commit:" + id);
            }
        }
        for (long id : batches.inStatus(ImportBatch.Status.VALIDATING)) {
            if (!jobs.pending(WORK, "validate:" + id)) {
                jobs.submit(WORK, "validate:" + id);
            }
        }
    }
}

package cn.minzheng.bureau.importing;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.importing.kind.RosterKind;
import cn.minzheng.bureau.importing.kind.StagedRow;

/**
 * Upload, background validation and commit of a roster workbook. The workbook is kept under
 * {@code bureau.import.directory}; validation and commit run on a background thread of their own, so
 * the page can be reloaded or left; their state is in the database. After a restart a validation that
 * was running starts again from the stored file, and a commit that was running (rolled back by the
 * database) is offered again.
 */
@Service
public class RosterImports {

    static final int CHUNK_ROWS = 1000;
    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);

    private final ImportRepository batches;
    private final ImportCommitter committer;
    private final RosterKinds kinds;
    private final ImportFiles files;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "roster-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Integer> committing = new ConcurrentHashMap<>();
    private final Map<Long, Instant> validationStarted = new ConcurrentHashMap<>();

    public RosterImports(ImportRepository batches, ImportCommitter committer, RosterKinds kinds,
                         ImportFiles files) {
        this.batches = batches;
        this.committer = committer;
        this.kinds = kinds;
        this.files = files;
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
        long id = batches.create(kind.code(), scope, name, files.store(content), user);
        worker.submit(() -> validate(id));
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
                    + "行警告（如月保障金与现行标准不一致），请核实并确认接受警告后再导入", 409);
        }
        if (!batches.startCommit(id, user, acceptWarnings)) {
            throw new RuleViolation("IMPORT_NOT_READY", "该批次正在导入或已导入", 409);
        }
        committing.put(id, 0);
        worker.submit(() -> runCommit(id, user));
        return batch(id);
    }

    public Progress progress(long id) {
        ImportBatch batch = batch(id);
        int total = batch.totalRows() == null ? 0 : batch.totalRows();
        return switch (batch.status()) {
            case VALIDATING -> {
                Instant started = validationStarted.getOrDefault(id, batch.uploadedAt().toInstant());
                yield new Progress(batch, "校验", batch.validatedRows(), total, secondsLeft(started, batch.validatedRows(), total));
            }
            case COMMITTING -> {
                int done = committing.getOrDefault(id, 0);
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

    void validate(long id) {
        ImportBatch batch = batches.find(id).orElseThrow();
        Path file = fileOf(batch);
        validationStarted.put(id, Instant.now());
        try {
            int declared = XlsxRows.declaredRows(file);
            batches.startValidation(id, declared > 0 ? declared - 1 : null);
            RosterKind kind = kinds.of(batch.kind());
            stageRows(id, kind, kind.checker(batch.rosterBatch()), file);
            batches.finishValidation(id);
            log.info("import batch {} ({}) validated", id, kind.code());
        } catch (RuleViolation e) {
            batches.fail(id, e.getMessage());
        } catch (RuntimeException e) {
            log.error("import batch {}: validation failed", id, e);
            batches.fail(id, "校验中断：" + e.getClass().getSimpleName() + "，请重新上传；如反复出现请联系系统管理员");
        } finally {
            validationStarted.remove(id);
        }
    }

    /** Reads the file row by row through the kind's checker and stages the rows a chunk at a time. */
    private void stageRows(long id, RosterKind kind, RosterKind.RowChecker checker, Path file) {
        List<StagedRow> pending = new ArrayList<>();
        boolean[] header = {false};
        XlsxRows.read(file, kind.headers().size(), (rowNumber, cells) -> {
            if (!header[0]) {
                checkHeader(kind, cells);
                header[0] = true;
                return;
            }
            pending.addAll(checker.row(rowNumber, cells));
            if (pending.size() >= CHUNK_ROWS) {
                flush(id, checker, pending);
            }
        });
        if (!header[0]) {
            throw new RuleViolation("EMPTY_WORKBOOK", "文件是空的：没有表头，也没有数据行");
        }
        pending.addAll(checker.finish());
        flush(id, checker, pending);
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

    /** Checks the chunk against the records (one query per chunk, by the kind), then stages the rows. */
    private void flush(long id, RosterKind.RowChecker checker, List<StagedRow> pending) {
        if (pending.isEmpty()) {
            return;
        }
        checker.checkAgainstRecords(pending);
        batches.insertRows(id, pending);
        pending.clear();
    }

    private void runCommit(long id, String user) {
        try {
            committer.commit(batches.find(id).orElseThrow(), user, done -> committing.put(id, done));
            log.info("import batch {} committed by {}", id, user);
        } catch (RuntimeException e) {
            log.warn("import batch {}: commit failed and was rolled back", id, e);
            String reason = e instanceof RuleViolation v ? v.getMessage()
                    : e instanceof org.springframework.dao.DuplicateKeyException
                            ? kinds.of(batches.find(id).map(ImportBatch::kind).orElse(null)).claimedMeanwhile()
                            : e.getClass().getSimpleName();
            batches.commitFailed(id, "导入失败，已全部回滚，未写入任何数据（" + reason + "）。可重新提交");
        } finally {
            committing.remove(id);
        }
    }

    /** After a restart: validations start again, interrupted commits (rolled back) are offered again. */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeAfterRestart() {
        for (long id : batches.inStatus(ImportBatch.Status.COMMITTING)) {
            if (!committing.containsKey(id)) {
                batches.commitFailed(id, "服务重启，导入未完成，已全部回滚。可重新提交");
            }
        }
        for (long id : batches.inStatus(ImportBatch.Status.VALIDATING)) {
            if (!validationStarted.containsKey(id)) {
                worker.submit(() -> validate(id));
            }
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}

package cn.minzheng.bureau.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.StandardService;
import cn.minzheng.bureau.dibao.StandardService.Standard;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.relief.Disaster;
import cn.minzheng.bureau.relief.DisasterRepository;
import cn.minzheng.bureau.relief.DisasterStatus;

/**
 * Upload, background validation and commit of a roster workbook. The workbook is kept under
 * {@code bureau.import.directory}; validation and commit run on a background thread of their own, so
 * the page can be reloaded or left; their state is in the database. After a restart a validation that
 * was running starts again from the stored file, and a commit that was running (rolled back by the
 * database) is offered again.
 */
@Service
public class RosterImports {

    public static final String KIND_DIBAO = "DIBAO";
    static final int CHUNK_ROWS = 1000;
    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);

    private final ImportRepository batches;
    private final ImportCommitter committer;
    private final StandardService standards;
    private final JdbcClient jdbc;
    private final RegionRepository regionRepository;
    private final DisasterRepository disasters;
    private final Path directory;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "roster-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Integer> committing = new ConcurrentHashMap<>();
    private final Map<Long, Instant> validationStarted = new ConcurrentHashMap<>();

    public RosterImports(ImportRepository batches, ImportCommitter committer, StandardService standards, JdbcClient jdbc,
                         RegionRepository regionRepository, DisasterRepository disasters,
                         @Value("${bureau.import.directory:./data/imports}") Path directory) {
        this.batches = batches;
        this.committer = committer;
        this.standards = standards;
        this.jdbc = jdbc;
        this.regionRepository = regionRepository;
        this.disasters = disasters;
        this.directory = directory;
    }

    /** Only the administrator imports: an import takes cases in without the approval procedure. */
    public static void requireImporter(List<String> groups) {
        if (groups == null || !groups.contains(Groups.ADMIN)) {
            throw new RuleViolation("IMPORT_ADMIN_ONLY", "只有系统管理员可以导入名册", 403);
        }
    }

    /** The kind's importers: the administrator; for the disaster roster also the head of disaster relief. */
    public static void requireImporter(List<String> groups, ImportKind kind) {
        if (!kind.importableBy(groups)) {
            throw new RuleViolation("IMPORT_ADMIN_ONLY", kind == ImportKind.DISASTER
                    ? "只有系统管理员或区救灾科负责人可以导入受灾户名册" : "只有系统管理员可以导入名册", 403);
        }
    }

    /** The kinds a user may import (at least one, or 403). */
    public static List<ImportKind> kindsFor(List<String> groups) {
        List<ImportKind> kinds = java.util.Arrays.stream(ImportKind.values()).filter(k -> k.importableBy(groups)).toList();
        if (kinds.isEmpty()) {
            requireImporter(groups);
        }
        return kinds;
    }

    public record OpenDisaster(long id, String disasterNumber, String name) {

        public String label() {
            return disasterNumber + " " + name;
        }
    }

    /** The disasters whose rosters are being registered (灾情核查中), newest first: what a roster import may name. */
    public List<OpenDisaster> openDisasters() {
        return jdbc.sql("select id, disaster_number, name from relief_disaster where status = ? order by id desc")
                .param(DisasterStatus.REGISTERED.name()).query(RecordRows.of(OpenDisaster.class)).list();
    }

    /** A disaster whose roster is still being registered (灾情核查中): the only ones an import may add to. */
    public Disaster openDisaster(Long disasterId) {
        if (disasterId == null) {
            throw new RuleViolation("DISASTER_REQUIRED", "导入受灾户名册须选择所属的灾害事件", 400);
        }
        Disaster disaster = disasters.find(disasterId)
                .orElseThrow(() -> new RuleViolation("DISASTER_NOT_FOUND", "灾害事件" + disasterId + "不存在", 404));
        if (disaster.status() != DisasterStatus.REGISTERED) {
            throw new RuleViolation("DISASTER_ROSTER_CLOSED", disaster.disasterNumber() + " " + disaster.name() + "当前为“"
                    + disaster.status().label() + "”，登记造册已结束，不能再导入受灾户", 409);
        }
        return disaster;
    }

    /** Stores the workbook and starts its validation in the background. */
    public ImportBatch upload(String fileName, InputStream content, String user) {
        return upload(ImportKind.DIBAO, null, fileName, content, user);
    }

    /** Stores the workbook of the given kind (the disaster roster: of {@code disasterId}) and validates it. */
    public ImportBatch upload(ImportKind kind, Long disasterId, String fileName, InputStream content, String user) {
        if (kind == ImportKind.DISASTER) {
            openDisaster(disasterId);
        } else {
            disasterId = null;
        }
        String name = fileName == null || fileName.isBlank() ? "名册.xlsx" : Path.of(fileName).getFileName().toString();
        if (!name.toLowerCase().endsWith(".xlsx")) {
            throw new RuleViolation("NOT_XLSX", "请上传 .xlsx 格式的 Excel 工作簿（可先下载导入模板）", 400);
        }
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        Path stored;
        try {
            Files.createDirectories(directory);
            stored = directory.resolve(UUID.randomUUID() + ".xlsx");
            Files.copy(content, stored, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store the uploaded workbook", e);
        }
        long id = batches.create(kind.name(), disasterId, name, stored.toAbsolutePath().toString(), user);
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
        return Path.of(batch.storedFile());
    }

    void validate(long id) {
        ImportBatch batch = batches.find(id).orElseThrow();
        Path file = fileOf(batch);
        validationStarted.put(id, Instant.now());
        try {
            int declared = XlsxRows.declaredRows(file);
            batches.startValidation(id, declared > 0 ? declared - 1 : null);
            if (batch.importKind() == ImportKind.DISASTER) {
                validateDisasterRoster(batch, file);
                return;
            }
            // only current regions: a community merged away by a reorganisation takes no new households
            List<Region> regions = regionRepository.current();
            Map<AreaType, Map<CaseCategory, Standard>> cache = new EnumMap<>(AreaType.class);
            RosterValidator validator = new RosterValidator(regions, (area, category) -> cache
                    .computeIfAbsent(area, a -> new EnumMap<>(CaseCategory.class))
                    .computeIfAbsent(category, c -> standards.standardFor(area, c)), YearMonth.now());
            List<StagedRow> pending = new ArrayList<>();
            boolean[] header = {false};
            XlsxRows.read(file, RosterColumns.COUNT, (rowNumber, cells) -> {
                if (!header[0]) {
                    checkHeader(cells);
                    header[0] = true;
                    return;
                }
                pending.addAll(validator.row(rowNumber, cells));
                if (pending.size() >= CHUNK_ROWS) {
                    flush(id, pending);
                }
            });
            if (!header[0]) {
                throw new RuleViolation("EMPTY_WORKBOOK", "文件是空的：没有表头，也没有数据行");
            }
            pending.addAll(validator.finish());
            flush(id, pending);
            batches.finishValidation(id);
            log.info("import batch {} validated", id);
        } catch (RuleViolation e) {
            batches.fail(id, e.getMessage());
        } catch (RuntimeException e) {
            log.error("import batch {}: validation failed", id, e);
            batches.fail(id, "校验中断：" + e.getClass().getSimpleName() + "，请重新上传；如反复出现请联系系统管理员");
        } finally {
            validationStarted.remove(id);
        }
    }

    private void validateDisasterRoster(ImportBatch batch, Path file) {
        long id = batch.id();
        Disaster disaster = openDisaster(batch.disasterId());
        DisasterRosterValidator validator = new DisasterRosterValidator(regionRepository.current(),
                new HashSet<>(disasters.townships(disaster.id())), new HashSet<>(disasters.villages(disaster.id())));
        List<StagedRow> pending = new ArrayList<>();
        boolean[] header = {false};
        XlsxRows.read(file, DisasterRosterColumns.COUNT, (rowNumber, cells) -> {
            if (!header[0]) {
                checkHeader(ImportKind.DISASTER, cells);
                header[0] = true;
                return;
            }
            pending.add(validator.row(rowNumber, cells));
            if (pending.size() >= CHUNK_ROWS) {
                flushDisasterRows(id, disaster.id(), pending);
            }
        });
        if (!header[0]) {
            throw new RuleViolation("EMPTY_WORKBOOK", "文件是空的：没有表头，也没有数据行");
        }
        flushDisasterRows(id, disaster.id(), pending);
        batches.finishValidation(id);
        log.info("import batch {} (disaster roster of disaster {}) validated", id, disaster.id());
    }

    /** Checks the chunk's persons against the disaster's roster in one query, then stages the rows. */
    private void flushDisasterRows(long id, long disasterId, List<StagedRow> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<String> ids = pending.stream().map(r -> r.idNumber).filter(java.util.Objects::nonNull).toList();
        Set<String> known = new HashSet<>();
        for (int from = 0; from < ids.size(); from += 500) {
            known.addAll(jdbc.sql("select id_number from relief_household where disaster_id = :disaster and id_number in (:ids)")
                    .param("disaster", disasterId).param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query(String.class).list());
        }
        for (StagedRow row : pending) {
            if (row.idNumber != null && known.contains(row.idNumber)) {
                DisasterRosterValidator.alreadyOnRoster(row);
                row.payload = null;
            }
        }
        batches.insertRows(id, pending);
        pending.clear();
    }

    private static void checkHeader(String[] cells) {
        checkHeader(ImportKind.DIBAO, cells);
    }

    private static void checkHeader(ImportKind kind, String[] cells) {
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

    /** Checks the chunk's persons against the database in one query, then stages the rows. */
    private void flush(long id, List<StagedRow> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<String> ids = pending.stream().map(r -> r.idNumber).filter(java.util.Objects::nonNull).toList();
        Set<String> known = new HashSet<>();
        for (int from = 0; from < ids.size(); from += 500) {
            known.addAll(jdbc.sql("select distinct id_number from household_member where id_number in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query(String.class).list());
        }
        for (StagedRow row : pending) {
            if (row.idNumber != null && known.contains(row.idNumber)) {
                RosterValidator.alreadyInSystem(row);
            }
        }
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
                            ? (ImportKind.DISASTER.name().equals(batches.find(id).map(ImportBatch::kind).orElse(null))
                                    ? "文件中有人员在导入期间已被登记到本次灾害的登记册"
                                    : "文件中有人员在导入期间已被登记到其他在办或在保案件")
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

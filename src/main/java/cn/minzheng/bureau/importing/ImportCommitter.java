package cn.minzheng.bureau.importing;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.importing.kind.RosterKind;
import cn.minzheng.bureau.importing.kind.StagedRow;

/**
 * Writes a validated batch in ONE transaction, in chunks of whole households read back from the staging table:
 * a failure anywhere (the last chunk included) rolls back all of it. What a chunk becomes is the roster kind's
 * ({@link RosterKind.Writer}); the batch is marked committed and its audit entry written here.
 */
@Component
public class ImportCommitter {

    static final int CHUNK_ROWS = 2000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TransactionTemplate transaction;
    private final ImportRepository batches;
    private final RosterKinds kinds;
    private final AuditTrail audit;
    private final PlannerStatistics statistics;
    /** Called after each chunk is written, inside the transaction (tests inject a failure here). */
    volatile ChunkListener afterChunk = (chunk, last) -> { };

    interface ChunkListener {
        void written(int chunk, boolean last);
    }

    public ImportCommitter(TransactionTemplate transaction, ImportRepository batches, RosterKinds kinds,
                           AuditTrail audit, PlannerStatistics statistics) {
        this.transaction = transaction;
        this.batches = batches;
        this.kinds = kinds;
        this.audit = audit;
        this.statistics = statistics;
    }

    /**
     * Commits the batch (already COMMITTING); reports the rows written so far to {@code progress}. The transaction
     * first locks the batch row: a second run of the same commit (another node's, after this one's job lock
     * expired) waits for this one and then finds nothing to do. False when the batch was no longer COMMITTING.
     */
    boolean commit(ImportBatch batch, String actor, IntConsumer progress) {
        RosterKind kind = kinds.of(batch.kind());
        String reason = "导入：批次#" + batch.id() + "《" + batch.fileName() + "》，导入人 " + actor + "，"
                + LocalDateTime.now(ZoneId.systemDefault()).format(WHEN);
        return transaction.execute(status -> {
            if (!batches.lockForCommit(batch.id())) {
                return false;
            }
            RosterKind.Writer writer = kind.writer(batch.rosterBatch(), actor, reason);
            Totals totals = writeChunks(batch.id(), writer, progress);
            batches.committed(batch.id(), totals.rows, totals.households, totals.cases);
            audit.record("IMPORT_BATCH", batch.id(), null, null, "COMMITTED", actor, reason, null,
                    writer.finish(totals.rows, totals.households));
            return true;
        });
    }

    private static final class Totals {
        int rows;
        int households;
        int cases;
    }

    /** Pages through the staged rows; a household cut by a page's end waits for the next page. */
    private Totals writeChunks(long batchId, RosterKind.Writer writer, IntConsumer progress) {
        Totals totals = new Totals();
        List<StagedRow> carry = new ArrayList<>();
        int from = 0;
        int chunk = 0;
        boolean last = false;
        while (!last) {
            List<StagedRow> page = batches.stagedRows(batchId, from, CHUNK_ROWS);
            last = page.size() < CHUNK_ROWS;
            if (!page.isEmpty()) {
                from = page.get(page.size() - 1).rowNumber;
            }
            List<StagedRow> rows = new ArrayList<>(carry);
            rows.addAll(page);
            carry.clear();
            List<List<StagedRow>> households = households(rows);
            if (!last && !households.isEmpty()) {
                carry.addAll(households.remove(households.size() - 1)); // may continue on the next page
            }
            if (!households.isEmpty()) {
                totals.cases += writer.write(households);
                totals.households += households.size();
                totals.rows += households.stream().mapToInt(List::size).sum();
            }
            afterChunk.written(++chunk, last);
            progress.accept(totals.rows);
            if (!last) {
                statistics.keepUpWith(totals.rows);
            }
        }
        return totals;
    }

    private static List<List<StagedRow>> households(List<StagedRow> rows) {
        List<List<StagedRow>> groups = new ArrayList<>();
        String key = null;
        for (StagedRow row : rows) {
            if (groups.isEmpty() || !row.householdKey.equals(key)) {
                groups.add(new ArrayList<>());
                key = row.householdKey;
            }
            groups.get(groups.size() - 1).add(row);
        }
        return groups;
    }
}

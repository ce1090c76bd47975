package cn.minzheng.bureau.importing;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.BatchInserts;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.importing.kind.RosterKind;
import cn.minzheng.bureau.importing.kind.StagedRow;
import cn.minzheng.bureau.engine.EngineClock;

/** Import batches and their staged rows. */
@Repository
public class ImportRepository {

    private static final String COLUMNS = """
            id, kind, file_name, stored_file, status, total_rows, validated_rows, committed_rows, accepted_count,
            warning_count, rejected_count, household_count, case_count, failure, uploaded_by, uploaded_at, validated_at,
            warnings_accepted_by, committed_by, commit_started_at, committed_at, disaster_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ImportRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long create(String kind, String fileName, String storedFile, String user) {
        return create(kind, null, fileName, storedFile, user);
    }

    long create(String kind, Long disasterId, String fileName, String storedFile, String user) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into import_batch (kind, disaster_id, file_name, stored_file, status, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(kind, disasterId, fileName, storedFile, ImportBatch.Status.VALIDATING.name(), user, Timestamp.from(EngineClock.instant()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<ImportBatch> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from import_batch where id = ?").param(id).query(RecordRows.of(ImportBatch.class)).optional();
    }

    public List<ImportBatch> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from import_batch order by id desc limit ?").param(limit)
                .query(RecordRows.of(ImportBatch.class)).list();
    }

    /** The recent batches of the given kinds (what a user may import). */
    public List<ImportBatch> recent(int limit, List<RosterKind> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from import_batch where kind in (:kinds) order by id desc limit :limit")
                .param("kinds", kinds.stream().map(RosterKind::code).toList()).param("limit", limit)
                .query(RecordRows.of(ImportBatch.class)).list();
    }

    List<Long> inStatus(ImportBatch.Status status) {
        return jdbc.sql("select id from import_batch where status = ? order by id").param(status.name()).query(Long.class).list();
    }

    /**
     * Claims a validating batch for the run {@code token} and clears what an earlier run staged (call in a
     * transaction); false when the batch is no longer being validated.
     */
    boolean startValidation(long id, String token, Integer totalRows) {
        if (jdbc.sql("""
                update import_batch set worker_token = ?, total_rows = ?, validated_rows = 0, accepted_count = 0,
                    warning_count = 0, rejected_count = 0, failure = null where id = ? and status = ?""")
                .params(token, totalRows, id, ImportBatch.Status.VALIDATING.name()).update() != 1) {
            return false;
        }
        jdbc.sql("delete from import_row where batch_id = ?").param(id).update();
        return true;
    }

    /** Stages rows of the run {@code token} (call in a transaction); false when another run owns the batch now. */
    boolean insertRows(long batchId, String token, List<StagedRow> rows) {
        long warnings = rows.stream().filter(r -> r.status() == StagedRow.Status.WARNING).count();
        long rejected = rows.stream().filter(r -> r.status() == StagedRow.Status.REJECTED).count();
        if (jdbc.sql("""
                update import_batch set validated_rows = validated_rows + ?, accepted_count = accepted_count + ?,
                    warning_count = warning_count + ?, rejected_count = rejected_count + ?
                where id = ? and worker_token = ? and status = ?""")
                .params(rows.size(), rows.size() - warnings - rejected, warnings, rejected, batchId, token,
                        ImportBatch.Status.VALIDATING.name()).update() != 1) {
            return false;
        }
        BatchInserts.insert(template, """
                insert into import_row (batch_id, row_number, household_key, status, messages, bad_columns, township_code,
                    community_code, address, bank_name, bank_account, name, id_number, relation, employment_status,
                    disability_level, wage_income, other_income, category, monthly_amount, start_month, payload)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows.stream().map(r -> new Object[] {batchId, r.rowNumber, r.householdKey, r.status().name(),
                        r.messages().isEmpty() ? null : r.messages(), r.badColumnList(), r.townshipCode, r.communityCode,
                        r.address, r.bankName, r.bankAccount, r.name, r.idNumber, r.relation, r.employmentStatus,
                        r.disabilityLevel, r.wageIncome, r.otherIncome, r.category, r.monthlyAmount, r.startMonth, r.payload}).toList());
        return true;
    }

    boolean finishValidation(long id, String token) {
        return jdbc.sql("""
                update import_batch set status = ?, validated_at = ?, total_rows = validated_rows,
                    household_count = (select count(distinct household_key) from import_row where batch_id = ?)
                where id = ? and worker_token = ? and status = ?""")
                .params(ImportBatch.Status.VALIDATED.name(), Timestamp.from(EngineClock.instant()), id, id, token,
                        ImportBatch.Status.VALIDATING.name()).update() == 1;
    }

    /** The run {@code token} failed: unless another run owns the batch now. */
    void fail(long id, String token, String message) {
        jdbc.sql("update import_batch set status = ?, failure = ? where id = ? and status = ? and (worker_token = ? or worker_token is null)")
                .params(ImportBatch.Status.FAILED.name(), truncate(message), id, ImportBatch.Status.VALIDATING.name(), token)
                .update();
    }

    /** VALIDATED (no rejected rows, warnings accepted where there are any) → COMMITTING, once. */
    boolean startCommit(long id, String user, boolean warningsAccepted) {
        boolean started = jdbc.sql("""
                update import_batch set status = ?, committed_by = ?, commit_started_at = ?, failure = null,
                    warnings_accepted_by = case when warning_count > 0 then ? else null end
                where id = ? and status = ? and rejected_count = 0 and validated_rows > 0
                  and (warning_count = 0 or ?)""")
                .params(ImportBatch.Status.COMMITTING.name(), user, Timestamp.from(EngineClock.instant()), user, id,
                        ImportBatch.Status.VALIDATED.name(), warningsAccepted).update() == 1;
        if (started) {
            jdbc.sql("delete from import_progress where batch_id = ?").param(id).update();
            jdbc.sql("insert into import_progress (batch_id, done, updated_at) values (?, 0, ?)")
                    .params(id, Timestamp.from(EngineClock.instant())).update();
        }
        return started;
    }

    /**
     * Inside the commit's transaction, first: locks the batch row until the transaction ends and tells whether the
     * batch is still to be committed. A second run of the same commit waits here, then finds it committed.
     */
    boolean lockForCommit(long id) {
        return jdbc.sql("select status from import_batch where id = ? for update").param(id).query(String.class)
                .optional().filter(ImportBatch.Status.COMMITTING.name()::equals).isPresent();
    }

    /** Rows written so far by the running commit (its own transaction's, not yet visible otherwise). */
    void commitProgress(long id, int done) {
        jdbc.sql("update import_progress set done = ?, updated_at = ? where batch_id = ?")
                .params(done, Timestamp.from(EngineClock.instant()), id).update();
    }

    int commitProgress(long id) {
        return jdbc.sql("select done from import_progress where batch_id = ?").param(id).query(Integer.class)
                .optional().orElse(0);
    }

    /** A commit that failed left nothing behind: back to VALIDATED, with the reason, to try again. */
    void commitFailed(long id, String message) {
        jdbc.sql("""
                update import_batch set status = ?, failure = ?, committed_by = null, commit_started_at = null
                where id = ? and status = ?""")
                .params(ImportBatch.Status.VALIDATED.name(), truncate(message), id, ImportBatch.Status.COMMITTING.name()).update();
    }

    void committed(long id, int rows, int households, int cases) {
        jdbc.sql("""
                update import_batch set status = ?, committed_rows = ?, household_count = ?, case_count = ?,
                    committed_at = ? where id = ?""")
                .params(ImportBatch.Status.COMMITTED.name(), rows, households, cases, Timestamp.from(EngineClock.instant()), id).update();
    }

    /** The staged rows after {@code afterRow}, in file order, at most {@code limit}: what a commit writes. */
    List<StagedRow> stagedRows(long batchId, int afterRow, int limit) {
        return jdbc.sql("""
                select row_number, household_key, township_code, community_code, address, bank_name, bank_account,
                       name, id_number, relation, employment_status, disability_level, wage_income, other_income,
                       category, monthly_amount, start_month, payload
                from import_row where batch_id = ? and row_number > ? order by row_number limit ?""")
                .params(batchId, afterRow, limit)
                .query((rs, n) -> {
                    StagedRow row = new StagedRow(rs.getInt(1), rs.getString(2));
                    row.townshipCode = rs.getString(3);
                    row.communityCode = rs.getString(4);
                    row.address = rs.getString(5);
                    row.bankName = rs.getString(6);
                    row.bankAccount = rs.getString(7);
                    row.name = rs.getString(8);
                    row.idNumber = rs.getString(9);
                    row.relation = rs.getString(10);
                    row.employmentStatus = rs.getString(11);
                    row.disabilityLevel = rs.getString(12);
                    row.wageIncome = rs.getBigDecimal(13);
                    row.otherIncome = rs.getBigDecimal(14);
                    row.category = rs.getString(15);
                    row.monthlyAmount = rs.getBigDecimal(16);
                    row.startMonth = rs.getString(17);
                    row.payload = rs.getString(18);
                    return row;
                }).list();
    }

    /** Rows of the report, in file order, from a row number on: at most {@code limit}. */
    public List<ReportRow> reportRows(long batchId, int fromRow, int limit, boolean problemsOnly) {
        return jdbc.sql("select row_number, household_key, name, id_number, status, messages, bad_columns from import_row "
                        + "where batch_id = ? and row_number >= ?" + (problemsOnly ? " and status <> 'ACCEPTED'" : "")
                        + " order by row_number limit ?")
                .params(batchId, fromRow, limit)
                .query(RecordRows.of(ReportRow.class)).list();
    }

    public record ReportRow(int rowNumber, String householdKey, String name, String idNumber, String status,
                            String messages, String badColumns) {

        public ReportRow withoutHouseholdKey() {
            return new ReportRow(rowNumber, null, name, idNumber, status, messages, badColumns);
        }

        public String statusLabel() {
            return switch (status) {
                case "ACCEPTED" -> "通过";
                case "WARNING" -> "警告";
                default -> "拒绝";
            };
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "……";
    }
}

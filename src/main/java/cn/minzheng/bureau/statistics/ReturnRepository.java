package cn.minzheng.bureau.statistics;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;

/** The one writer of {@code statistical_return}: versions of the monthly return, never changed once submitted. */
@Repository
public class ReturnRepository {

    private final JdbcClient jdbc;

    public ReturnRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One version of a month's return. */
    public record StatisticalReturn(long id, String returnMonth, int versionNo, ReturnStatus status,
                                    String processInstanceId, String correctionReason, String figures, String checksum,
                                    String findings, String preparedBy, LocalDateTime preparedAt, String checkedBy,
                                    LocalDateTime checkedAt, String checkNote, String decidedBy, LocalDateTime decidedAt,
                                    String returnReason, Integer submissionNo, String returnNumber,
                                    LocalDateTime submittedAt) {
    }

    public Optional<StatisticalReturn> find(long id) {
        return jdbc.sql("select * from statistical_return where id = ?").param(id)
                .query(RecordRows.of(StatisticalReturn.class)).optional();
    }

    /** Every version, newest month and version first. */
    public List<StatisticalReturn> all() {
        return jdbc.sql("select * from statistical_return order by return_month desc, version_no desc")
                .query(RecordRows.of(StatisticalReturn.class)).list();
    }

    public List<StatisticalReturn> ofMonth(String month) {
        return jdbc.sql("select * from statistical_return where return_month = ? order by version_no")
                .param(month).query(RecordRows.of(StatisticalReturn.class)).list();
    }

    public long insert(String month, int version, String processInstanceId, String correctionReason, String figures,
                       String checksum, String findings, String preparedBy, LocalDateTime at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into statistical_return (return_month, version_no, status, process_instance_id, correction_reason,
                    figures, checksum, findings, prepared_by, prepared_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(month, version, ReturnStatus.PREPARED.name(), processInstanceId, correctionReason, figures,
                        checksum, findings, preparedBy, Timestamp.valueOf(at))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void markChecked(long id, String checkedBy, String note, LocalDateTime at) {
        change(jdbc.sql("update statistical_return set status = ?, checked_by = ?, check_note = ?, checked_at = ? "
                + "where id = ? and status = ?")
                .params(ReturnStatus.CHECKED.name(), checkedBy, note, Timestamp.valueOf(at), id, ReturnStatus.PREPARED.name())
                .update(), id);
    }

    public void markSuperseded(long id, String checkedBy, String note, LocalDateTime at) {
        change(jdbc.sql("update statistical_return set status = ?, checked_by = ?, check_note = ?, checked_at = ? "
                + "where id = ? and status = ?")
                .params(ReturnStatus.SUPERSEDED.name(), checkedBy, note, Timestamp.valueOf(at), id,
                        ReturnStatus.PREPARED.name())
                .update(), id);
    }

    public void markReturned(long id, String decidedBy, String reason, LocalDateTime at) {
        change(jdbc.sql("update statistical_return set status = ?, decided_by = ?, return_reason = ?, decided_at = ? "
                + "where id = ? and status = ?")
                .params(ReturnStatus.RETURNED.name(), decidedBy, reason, Timestamp.valueOf(at), id,
                        ReturnStatus.CHECKED.name())
                .update(), id);
    }

    public void markSubmitted(long id, String decidedBy, int submissionNo, String returnNumber, LocalDateTime at) {
        change(jdbc.sql("update statistical_return set status = ?, decided_by = ?, decided_at = ?, submission_no = ?, "
                + "return_number = ?, submitted_at = ? where id = ? and status = ?")
                .params(ReturnStatus.SUBMITTED.name(), decidedBy, Timestamp.valueOf(at), submissionNo, returnNumber,
                        Timestamp.valueOf(at), id, ReturnStatus.CHECKED.name())
                .update(), id);
    }

    private static void change(int rows, long id) {
        if (rows != 1) {
            throw new IllegalStateException("statistical return " + id + " is not in the expected status");
        }
    }
}

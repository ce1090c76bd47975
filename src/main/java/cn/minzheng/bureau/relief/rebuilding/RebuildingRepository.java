package cn.minzheng.bureau.relief.rebuilding;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;

@Repository
public class RebuildingRepository {

    private final JdbcClient jdbc;

    public RebuildingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Rebuilding(long id, long householdId, String status, String source, Integer rooms,
                             Boolean appraisalAgreed, String objection, BigDecimal grantAmount, String closingReason,
                             String appliedBy, String reviewedBy, String approvedBy, LocalDate rebuiltOn) {
    }

    public long open(long disasterId, long householdId, String townshipCode, String processInstanceId) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into relief_rebuilding (disaster_id, household_id, township_code, status, process_instance_id, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(disasterId, householdId, townshipCode, RebuildingStatus.OPEN.name(), processInstanceId, Timestamp.from(Instant.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Rebuilding> find(long id) {
        return jdbc.sql("""
                select id, household_id, status, source, rooms, appraisal_agreed, objection, grant_amount, closing_reason,
                       applied_by, reviewed_by, approved_by, rebuilt_on from relief_rebuilding where id = ?""")
                .param(id).query(RecordRows.of(Rebuilding.class)).optional();
    }

    public void apply(long id, String source, int rooms, String actor) {
        jdbc.sql("update relief_rebuilding set status = ?, source = ?, rooms = ?, applied_by = ? where id = ?")
                .params(RebuildingStatus.APPLIED.name(), source, rooms, actor, id).update();
    }

    public void appraise(long id, boolean agreed, int votesFor, int attendees, String minutes) {
        jdbc.sql("""
                update relief_rebuilding set status = ?, appraisal_agreed = ?, appraisal_votes_for = ?, appraisal_attendees = ?,
                    appraisal_minutes = ? where id = ?""")
                .params((agreed ? RebuildingStatus.IN_NOTICE : RebuildingStatus.APPRAISAL_FAILED).name(), agreed, votesFor, attendees, minutes, id).update();
    }

    public void objection(long id, String objection) {
        jdbc.sql("update relief_rebuilding set status = ?, objection = ? where id = ?")
                .params(RebuildingStatus.OBJECTION.name(), objection, id).update();
    }

    public void townshipReviewed(long id, String actor) {
        jdbc.sql("update relief_rebuilding set status = ?, reviewed_by = ? where id = ?")
                .params(RebuildingStatus.TOWNSHIP_APPROVED.name(), actor, id).update();
    }

    public void grant(long id, BigDecimal amount) {
        jdbc.sql("update relief_rebuilding set grant_amount = ? where id = ?").params(amount, id).update();
    }

    public void approved(long id, String actor) {
        jdbc.sql("update relief_rebuilding set status = ?, approved_by = ? where id = ?")
                .params(RebuildingStatus.APPROVED.name(), actor, id).update();
    }

    public void rebuilt(long id, LocalDate rebuiltOn, String note) {
        jdbc.sql("update relief_rebuilding set status = ?, rebuilt_on = ?, inspection_note = ? where id = ?")
                .params(RebuildingStatus.REBUILT.name(), rebuiltOn, note, id).update();
    }

    public void close(long id, String reason) {
        jdbc.sql("update relief_rebuilding set status = ?, closing_reason = ? where id = ?")
                .params(RebuildingStatus.REJECTED.name(), reason, id).update();
    }
}

package cn.minzheng.bureau.community.mediation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RecordRows;

/** Disputes, their parties and mediation sessions; every decision with its audit entry. */
@Repository
public class CivilMediationRepository {

    static final String ENTITY = "CIVIL_DISPUTE";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public CivilMediationRepository(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Party(String partyName, String role, String contact) {
    }

    public record Dispute(long id, String communityCode, String townshipCode, String subject, String status,
                          LocalDate deadline, String outcome, String agreement, String referredTo, String referralReason,
                          Timestamp escalatedAt, String supervisionNote, Timestamp registeredAt, Timestamp closedAt) {
    }

    public record Session(long disputeId, int sessionNo, LocalDate heldOn, String mediator, String summary, String result) {
    }

    @Transactional
    public long register(String communityCode, String townshipCode, String subject, List<Party> parties,
                         LocalDate deadline, String processInstanceId, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into community_dispute (community_code, township_code, subject, status, deadline, process_instance_id,
                    registered_by, registered_at) values (?, ?, ?, 'IN_MEDIATION', ?, ?, ?, ?)""")
                .params(communityCode, townshipCode, subject, deadline, processInstanceId, actor, Timestamp.from(Instant.now()))
                .update(key, "id");
        long id = key.getKey().longValue();
        int position = 1;
        for (Party party : parties) {
            jdbc.sql("insert into community_dispute_party (dispute_id, position, party_name, role, contact) values (?, ?, ?, ?, ?)")
                    .params(id, position++, party.partyName(), party.role(), party.contact()).update();
        }
        audit.record(ENTITY, id, null, null, "REGISTERED", actor, subject, null,
                Map.of("community", communityCode, "parties", parties.size(), "deadline", deadline.toString()));
        return id;
    }

    public Optional<Dispute> find(long id) {
        return jdbc.sql("""
                select id, community_code, township_code, subject, status, deadline, outcome, agreement, referred_to,
                       referral_reason, escalated_at, supervision_note, registered_at, closed_at
                from community_dispute where id = ?""").param(id).query(RecordRows.of(Dispute.class)).optional();
    }

    public List<Dispute> list(String townshipCode, String communityCode) {
        return jdbc.sql("""
                select id, community_code, township_code, subject, status, deadline, outcome, agreement, referred_to,
                       referral_reason, escalated_at, supervision_note, registered_at, closed_at
                from community_dispute
                where (cast(? as varchar(40)) is null or township_code = ?) and (cast(? as varchar(40)) is null or community_code = ?)
                order by id""")
                .params(townshipCode, townshipCode, communityCode, communityCode).query(RecordRows.of(Dispute.class)).list();
    }

    public List<Party> parties(long disputeId) {
        return jdbc.sql("select party_name, role, contact from community_dispute_party where dispute_id = ? order by position")
                .param(disputeId).query(RecordRows.of(Party.class)).list();
    }

    public List<Session> sessions(long disputeId) {
        return jdbc.sql("""
                select dispute_id, session_no, held_on, mediator, summary, result from community_mediation_session
                where dispute_id = ? order by session_no""").param(disputeId).query(RecordRows.of(Session.class)).list();
    }

    @Transactional
    public int recordSession(long disputeId, LocalDate heldOn, String mediator, String summary, String result) {
        int number = jdbc.sql("select count(*) from community_mediation_session where dispute_id = ?").param(disputeId)
                .query(Integer.class).single() + 1;
        jdbc.sql("""
                insert into community_mediation_session (dispute_id, session_no, held_on, mediator, summary, result)
                values (?, ?, ?, ?, ?, ?)""").params(disputeId, number, heldOn, mediator, summary, result).update();
        audit.record(ENTITY, disputeId, null, null, "SESSION_" + result, mediator, summary, null,
                Map.of("session", number, "heldOn", heldOn.toString()));
        return number;
    }

    @Transactional
    public void agreed(long disputeId, String agreement, String actor) {
        jdbc.sql("update community_dispute set status = 'AGREED', outcome = 'AGREEMENT', agreement = ?, closed_at = ? where id = ?")
                .params(agreement, Timestamp.from(Instant.now()), disputeId).update();
        audit.record(ENTITY, disputeId, null, null, "AGREEMENT_REACHED", actor, agreement, null, Map.of("status", "AGREED"));
    }

    @Transactional
    public void referred(long disputeId, String referredTo, String reason, String actor) {
        jdbc.sql("""
                update community_dispute set status = 'REFERRED', outcome = 'NO_AGREEMENT', referred_to = ?, referral_reason = ?,
                    closed_at = ? where id = ?""").params(referredTo, reason, Timestamp.from(Instant.now()), disputeId).update();
        audit.record(ENTITY, disputeId, null, null, "REFERRED", actor, reason, null, Map.of("referredTo", referredTo));
    }

    @Transactional
    public void escalated(long disputeId) {
        jdbc.sql("update community_dispute set escalated_at = ? where id = ?").params(Timestamp.from(Instant.now()), disputeId).update();
        audit.record(ENTITY, disputeId, null, null, "OVERDUE_ESCALATED", "system", "调解期限已过，报街道（乡镇）督办", null,
                Map.of("escalated", true));
    }

    @Transactional
    public void supervised(long disputeId, String note, String actor) {
        jdbc.sql("update community_dispute set supervision_note = ? where id = ?").params(note, disputeId).update();
        audit.record(ENTITY, disputeId, null, null, "SUPERVISED", actor, note, null, null);
    }
}

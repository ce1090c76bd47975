package cn.minzheng.bureau.dibao.review;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.engine.EngineClock;

@Repository
public class ReviewRepository {

    private static final String COLUMNS = """
            id, case_id, kind, change_description, status, previous_amount, per_capita_income, monthly_standard,
            proposed_amount, outcome, outcome_reason, needs_approval, escalated, process_instance_id, decided_by,
            created_at, closed_at""";

    private final JdbcClient jdbc;

    public ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Review(long id, long caseId, String kind, String changeDescription, ReviewStatus status,
                         BigDecimal previousAmount, BigDecimal perCapitaIncome, BigDecimal monthlyStandard,
                         BigDecimal proposedAmount, ReviewOutcome outcome, String outcomeReason, boolean needsApproval,
                         boolean escalated, String processInstanceId, String decidedBy, LocalDateTime createdAt,
                         LocalDateTime closedAt) {
    }

    /** Opens a review; the unique open_case_id refuses a second open review of the case (DuplicateKeyException). */
    public long open(long caseId, String kind, String changeDescription, BigDecimal previousAmount, String processInstanceId) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into dibao_review (case_id, kind, change_description, status, previous_amount, process_instance_id,
                    created_at, open_case_id) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, kind, changeDescription, ReviewStatus.OPEN.name(), previousAmount, processInstanceId,
                        Timestamp.from(EngineClock.instant()), caseId)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Review get(long id) {
        return jdbc.sql("select " + COLUMNS + " from dibao_review where id = ?").param(id).query(RecordRows.of(Review.class))
                .optional().orElseThrow(() -> RuleViolation.notFound("复核记录" + id));
    }

    public List<Review> ofCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from dibao_review where case_id = ? order by id").param(caseId)
                .query(RecordRows.of(Review.class)).list();
    }

    public boolean hasOpenReview(long caseId) {
        return jdbc.sql("select count(*) from dibao_review where open_case_id = ?").param(caseId).query(Long.class).single() > 0;
    }

    public void saveProposal(long id, BigDecimal perCapitaIncome, BigDecimal standard, ReviewDecision decision, String reason) {
        jdbc.sql("""
                update dibao_review set per_capita_income = ?, monthly_standard = ?, proposed_amount = ?, outcome = ?,
                    outcome_reason = ?, needs_approval = ? where id = ?""")
                .params(perCapitaIncome, standard, decision.newAmount(), decision.outcome().name(), reason,
                        decision.needsApproval(), id)
                .update();
    }

    public void markEscalated(long id) {
        jdbc.sql("update dibao_review set escalated = true where id = ?").param(id).update();
    }

    public void close(long id, ReviewStatus status, String decidedBy, String reason) {
        jdbc.sql("""
                update dibao_review set status = ?, decided_by = ?, closed_at = ?, open_case_id = null,
                    outcome_reason = coalesce(?, outcome_reason) where id = ?""")
                .params(status.name(), decidedBy, Timestamp.from(EngineClock.instant()), reason, id).update();
    }

    /**
     * The cases a survey campaign found unchanged (their campaign item's result is {@code keptResult}), recorded
     * as applied reviews that keep the benefit: one statement for the campaign's whole share, of the cases still active.
     */
    public int recordKeptByCampaign(long campaignId, String keptResult, String processInstanceId, Instant at) {
        Timestamp now = Timestamp.from(at);
        return jdbc.sql("""
                insert into dibao_review (case_id, kind, change_description, status, previous_amount, proposed_amount,
                    outcome, outcome_reason, process_instance_id, decided_by, created_at, closed_at)
                select c.id, ?, i.finding, ?, c.monthly_amount, c.monthly_amount, ?,
                    '集中摸底调查：情况无变化，维持原待遇', ?, i.recorded_by, ?, ?
                from survey_campaign_item i join dibao_case c on c.id = i.case_id
                where i.campaign_id = ? and i.result = ? and c.status = ?""")
                .params(ReviewStarter.CAMPAIGN, ReviewStatus.APPLIED.name(), ReviewOutcome.KEEP.name(), processInstanceId,
                        now, now, campaignId, keptResult, CaseStatus.APPROVED.name())
                .update();
    }
}

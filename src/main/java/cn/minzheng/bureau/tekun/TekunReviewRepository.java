package cn.minzheng.bureau.tekun;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineClock;

/** tekun_review, its one writer; each answer and decision is also in the case's audit trail. */
@Repository
public class TekunReviewRepository {

    private static final String COLUMNS = """
            id, review_year, tekun_case_id, township_code, status, outcome, end_reason, self_care_level, care_mode,
            care_institution, carer_name, care_agreement, finding, old_amount, new_amount, effective_month, old_snapshot,
            reviewed_by, reviewed_at, district_decision, district_comment, decided_by, decided_at, campaign_instance_id,
            process_instance_id, created_at""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public TekunReviewRepository(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Lists every 特困供养 case supported now and not yet listed for the year (a year listed again lists nobody, and
     * the unique key refuses a second row); returns the rows this campaign listed, by township and case.
     */
    public List<TekunReview> list(int year, String campaignInstanceId) {
        jdbc.sql("""
                insert into tekun_review (review_year, tekun_case_id, township_code, status, old_amount,
                    campaign_instance_id, created_at)
                select ?, c.id, c.township_code, ?, c.monthly_amount, ?, ? from tekun_case c
                where c.status = 'ACTIVE'
                  and not exists (select 1 from tekun_review r where r.review_year = ? and r.tekun_case_id = c.id)""")
                .params(year, TekunReview.OPEN, campaignInstanceId, now(), year)
                .update();
        return jdbc.sql("select " + COLUMNS + " from tekun_review where campaign_instance_id = ? order by township_code, tekun_case_id")
                .param(campaignInstanceId).query(RecordRows.of(TekunReview.class)).list();
    }

    public List<Long> listedBy(String campaignInstanceId) {
        return jdbc.sql("select id from tekun_review where campaign_instance_id = ? order by township_code, tekun_case_id")
                .param(campaignInstanceId).query(Long.class).list();
    }

    public Optional<TekunReview> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from tekun_review where id = ?").param(id)
                .query(RecordRows.of(TekunReview.class)).optional();
    }

    public TekunReview get(long id) {
        return find(id).orElseThrow(() -> RuleViolation.notFound("特困人员年度复核" + id));
    }

    /** A year's re-assessments, of one township or all. */
    public List<TekunReview> ofYear(int year, String townshipCode) {
        return jdbc.sql("select " + COLUMNS + " from tekun_review where review_year = ?"
                        + " and (cast(? as varchar(40)) is null or township_code = ?) order by township_code, tekun_case_id")
                .params(year, townshipCode, townshipCode).query(RecordRows.of(TekunReview.class)).list();
    }

    public void attachProcess(long id, String processInstanceId) {
        jdbc.sql("update tekun_review set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    /** The township's answer: continue (with the care and level found, the amounts) or propose an end. */
    public TekunReview answer(TekunReview r, String status, String outcome, String endReason, String level,
                              TekunEligibility.CareArrangement care, String finding, BigDecimal oldAmount,
                              BigDecimal newAmount, String effectiveMonth, String oldSnapshot, long householdId,
                              String actor) {
        jdbc.sql("""
                update tekun_review set status = ?, outcome = ?, end_reason = ?, self_care_level = ?, care_mode = ?,
                    care_institution = ?, carer_name = ?, care_agreement = ?, finding = ?, old_amount = ?, new_amount = ?,
                    effective_month = ?, old_snapshot = ?, reviewed_by = ?, reviewed_at = ?,
                    district_decision = null, district_comment = null, decided_by = null, decided_at = null
                where id = ?""")
                .params(status, outcome, endReason, level, care == null ? null : care.mode().name(),
                        care == null ? null : care.institution(), care == null ? null : care.carerName(),
                        care == null ? null : care.careAgreement(), finding, oldAmount, newAmount, effectiveMonth,
                        oldSnapshot, actor, now(), r.id())
                .update();
        audit.record(TekunCaseRepository.ENTITY, r.tekunCaseId(), householdId, null, "ANNUAL_REVIEW_ANSWERED", actor,
                finding, null, Map.of("year", r.reviewYear(), "outcome", outcome));
        return get(r.id());
    }

    /** The district's decision on a proposed end: approved, or returned to the township with its reason. */
    public TekunReview decide(TekunReview r, String decision, String comment, long householdId, String actor) {
        jdbc.sql("""
                update tekun_review set district_decision = ?, district_comment = ?, decided_by = ?, decided_at = ?,
                    status = ? where id = ?""")
                .params(decision, comment, actor, now(), TekunReviewProcess.APPROVE.equals(decision) ? r.status() : TekunReview.OPEN,
                        r.id())
                .update();
        audit.record(TekunCaseRepository.ENTITY, r.tekunCaseId(), householdId, null, "ANNUAL_REVIEW_DISTRICT_DECISION",
                actor, comment, null, Map.of("year", r.reviewYear(), "decision", decision));
        return get(r.id());
    }

    /** Closes the re-assessment: CONTINUED, ENDED or CASE_CLOSED. */
    public TekunReview close(TekunReview r, String status) {
        jdbc.sql("update tekun_review set status = ? where id = ?").params(status, r.id()).update();
        return get(r.id());
    }

    /**
     * The TEKUN cases supported now whose enrolment does not pay the amount in force in {@code month}: a new amount
     * of a re-assessment is paid from its effective month, the amount before it until then.
     */
    public record AmountInForce(long caseId, BigDecimal amount, String snapshot) {
    }

    public List<AmountInForce> amountsToBringInForce(String month) {
        // the earliest re-assessment taking effect after the month: its amount before applies in the month
        Map<Long, AmountInForce> before = new HashMap<>();
        jdbc.sql("""
                select r.tekun_case_id as case_id, r.old_amount as amount, r.old_snapshot as snapshot from tekun_review r
                join tekun_case c on c.id = r.tekun_case_id
                where c.status = 'ACTIVE' and r.new_amount is not null and r.effective_month > ?
                order by r.effective_month desc, r.id desc""")
                .param(month).query(RecordRows.of(AmountInForce.class)).list()
                .forEach(a -> before.put(a.caseId(), a));
        List<AmountInForce> due = new ArrayList<>();
        jdbc.sql("""
                select c.id, c.monthly_amount, c.calculation_snapshot, e.amount from tekun_case c
                join enrolment e on e.program_code = 'TEKUN' and e.program_case_id = c.id
                where c.status = 'ACTIVE'""")
                .query((rs, n) -> {
                    long caseId = rs.getLong(1);
                    AmountInForce inForce = before.getOrDefault(caseId, new AmountInForce(caseId, rs.getBigDecimal(2), rs.getString(3)));
                    BigDecimal paid = rs.getBigDecimal(4);
                    if (paid == null || paid.compareTo(inForce.amount()) != 0) {
                        due.add(inForce);
                    }
                    return caseId;
                }).list();
        return due;
    }

    private static Timestamp now() {
        return Timestamp.from(EngineClock.instant());
    }
}

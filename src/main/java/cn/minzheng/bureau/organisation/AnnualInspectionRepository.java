package cn.minzheng.bureau.organisation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;

/** The only writer of social_organisation_inspection: each 年度检查 from its opening to the published result. */
@Repository
public class AnnualInspectionRepository {

    static final String ENTITY = "SOCIAL_ORGANISATION_INSPECTION";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public AnnualInspectionRepository(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Where an inspection stands: waiting for the report, reported (in review), published. */
    public enum Stage {
        OPEN, REPORTED, PUBLISHED
    }

    /** What the section clerk enters from the organisation's paper report and financial statements. */
    public record Report(BigDecimal income, BigDecimal expenditure, BigDecimal netAssets, int activitiesHeld,
                         boolean charterFollowed, boolean supervisorOpinion) {
    }

    public record Inspection(long id, long organisationId, int inspectionYear, Stage status, LocalDate reportDeadline,
                             BigDecimal income, BigDecimal expenditure, BigDecimal netAssets, Integer activitiesHeld,
                             Boolean charterFollowed, Boolean supervisorOpinion, InspectionResult result, String resultReason,
                             String reviewComment, String reportedBy, String reviewedBy, String decidedBy, LocalDate publishedOn,
                             LocalDate remedyDeadline, String remedyOutcome, String processInstanceId) {
    }

    private static final String COLUMNS = """
            id, organisation_id, inspection_year, status, report_deadline, income, expenditure, net_assets, activities_held,
            charter_followed, supervisor_opinion, result, result_reason, review_comment, reported_by, reviewed_by, decided_by,
            published_on, remedy_deadline, remedy_outcome, process_instance_id""";

    public Optional<Inspection> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from social_organisation_inspection where id = ?").param(id)
                .query(RecordRows.of(Inspection.class)).optional();
    }

    public Optional<Inspection> find(long organisationId, int year) {
        return jdbc.sql("select " + COLUMNS + " from social_organisation_inspection where organisation_id = ? and inspection_year = ?")
                .params(organisationId, year).query(RecordRows.of(Inspection.class)).optional();
    }

    public List<Inspection> ofOrganisation(long organisationId) {
        return jdbc.sql("select " + COLUMNS + " from social_organisation_inspection where organisation_id = ? order by inspection_year")
                .param(organisationId).query(RecordRows.of(Inspection.class)).list();
    }

    /** The inspection of the year opened, its report due by the deadline; refused if the year has one already. */
    @Transactional
    public long open(long organisationId, int year, LocalDate deadline, String processInstanceId, String actor) {
        if (find(organisationId, year).isPresent()) {
            throw alreadyOpened(year);
        }
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into social_organisation_inspection (organisation_id, inspection_year, status, report_deadline,
                        process_instance_id, created_at) values (?, ?, ?, ?, ?, ?)""")
                    .params(organisationId, year, Stage.OPEN.name(), deadline, processInstanceId, Timestamp.from(Instant.now()))
                    .update(key, "id");
        } catch (DuplicateKeyException twice) {
            throw alreadyOpened(year);
        }
        long id = key.getKey().longValue();
        audit.record(ENTITY, id, null, null, "OPENED", actor, year + "年度检查", null,
                Map.of("organisationId", organisationId, "reportDeadline", deadline.toString()));
        return id;
    }

    @Transactional
    public void reported(long id, Report report, String actor) {
        requireStage(id, Stage.OPEN);
        jdbc.sql("""
                update social_organisation_inspection set status = ?, income = ?, expenditure = ?, net_assets = ?,
                    activities_held = ?, charter_followed = ?, supervisor_opinion = ?, reported_by = ? where id = ?""")
                .params(Stage.REPORTED.name(), report.income(), report.expenditure(), report.netAssets(), report.activitiesHeld(),
                        report.charterFollowed(), report.supervisorOpinion(), actor, id).update();
        Map<String, Object> detail = new HashMap<>();
        detail.put("income", report.income().toPlainString());
        detail.put("expenditure", report.expenditure().toPlainString());
        detail.put("netAssets", report.netAssets().toPlainString());
        detail.put("activitiesHeld", report.activitiesHeld());
        detail.put("charterFollowed", report.charterFollowed());
        detail.put("supervisorOpinion", report.supervisorOpinion());
        audit.record(ENTITY, id, null, null, "REPORTED", actor, "录入年度工作报告和财务报表", null, detail);
    }

    /** The result the rules give for the findings (before review and decision). */
    @Transactional
    public void found(long id, InspectionResult result, String reason) {
        jdbc.sql("update social_organisation_inspection set result = ?, result_reason = ? where id = ?")
                .params(result.name(), reason, id).update();
        audit.record(ENTITY, id, null, null, "FOUND", "system", result.label() + "：" + reason, null, null);
    }

    @Transactional
    public void reviewed(long id, String actor, String comment) {
        jdbc.sql("update social_organisation_inspection set reviewed_by = ?, review_comment = ? where id = ?")
                .params(actor, comment, id).update();
        audit.record(ENTITY, id, null, null, "REVIEWED", actor, comment, null, null);
    }

    @Transactional
    public void decided(long id, String actor, String decision, String comment) {
        jdbc.sql("update social_organisation_inspection set decided_by = ? where id = ?").params(actor, id).update();
        audit.record(ENTITY, id, null, null, "DECIDED", actor, comment, null, Map.of("decision", decision));
    }

    /** The result published: from now on it is the organisation's latest on the public register. */
    @Transactional
    public void published(long id, LocalDate on) {
        requireStage(id, Stage.REPORTED);
        jdbc.sql("update social_organisation_inspection set status = ?, published_on = ? where id = ?")
                .params(Stage.PUBLISHED.name(), on, id).update();
        audit.record(ENTITY, id, null, null, "PUBLISHED", "system", "公布年检结论", null, Map.of("publishedOn", on.toString()));
    }

    /** The report did not come in by the deadline: published as 未按期参加年检. */
    @Transactional
    public void missed(long id, LocalDate on) {
        requireStage(id, Stage.OPEN);
        jdbc.sql("update social_organisation_inspection set status = ?, result = ?, result_reason = ?, published_on = ? where id = ?")
                .params(Stage.PUBLISHED.name(), InspectionResult.NOT_SUBMITTED.name(), "未在期限内报送年度工作报告", on, id).update();
        audit.record(ENTITY, id, null, null, "MISSED", "system", "未按期参加年检", null, Map.of("publishedOn", on.toString()));
    }

    @Transactional
    public void remedyOrdered(long id, LocalDate deadline) {
        jdbc.sql("update social_organisation_inspection set remedy_deadline = ? where id = ?").params(deadline, id).update();
    }

    @Transactional
    public void remedyOutcome(long id, String outcome) {
        jdbc.sql("update social_organisation_inspection set remedy_outcome = ? where id = ?").params(outcome, id).update();
    }

    private void requireStage(long id, Stage expected) {
        Stage stage = find(id).orElseThrow(() -> RuleViolation.notFound("年度检查" + id)).status();
        if (stage != expected) {
            throw new RuleViolation("WRONG_STATUS", "该年度检查已办理到其他环节，不能办理此项", 409);
        }
    }

    private static RuleViolation alreadyOpened(int year) {
        return new RuleViolation("INSPECTION_EXISTS", "该组织" + year + "年度的年度检查已经开展，不能重复开展", 409);
    }
}

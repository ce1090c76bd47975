package cn.minzheng.bureau.tekun;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramCase;

/**
 * The one writer of {@code tekun_case}. Every change is mirrored into the person's enrolment (program TEKUN) in
 * the same transaction, and recorded in the audit trail.
 */
@Repository
public class TekunCaseRepository {

    static final String ENTITY = "TEKUN_CASE";

    private static final String COLUMNS = """
            id, case_number, household_id, township_code, person_id_number, person_name, qualifying_condition,
            supporter_situation, supporter_note, proposed_by_township, care_mode, care_institution, carer_name,
            care_agreement, self_care_level, survey_finding, basic_living_amount, care_amount, monthly_amount,
            start_month, status, closing_reason, process_instance_id, calculation_snapshot, created_at""";

    private final JdbcClient jdbc;
    private final EnrolmentRepository enrolments;
    private final AuditTrail audit;

    public TekunCaseRepository(JdbcClient jdbc, EnrolmentRepository enrolments, AuditTrail audit) {
        this.jdbc = jdbc;
        this.enrolments = enrolments;
        this.audit = audit;
    }

    /** A new application, as the township registers it. */
    public record NewCase(long householdId, String townshipCode, String personIdNumber, String personName,
                          QualifyingCondition condition, SupporterSituation supporterSituation, String supporterNote,
                          boolean proposedByTownship, TekunEligibility.CareArrangement care) {
    }

    public TekunCase insert(NewCase c, String processInstanceId, String actor) {
        Timestamp now = Timestamp.from(Instant.now());
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into tekun_case (case_number, household_id, township_code, person_id_number,
                        open_person_id_number, person_name, qualifying_condition, supporter_situation, supporter_note,
                        proposed_by_township, care_mode, care_institution, carer_name, care_agreement, status,
                        process_instance_id, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params("PENDING-" + UUID.randomUUID(), c.householdId(), c.townshipCode(), c.personIdNumber(),
                            c.personIdNumber(), c.personName(), c.condition().name(), c.supporterSituation().name(),
                            c.supporterNote(), c.proposedByTownship(), c.care().mode().name(), c.care().institution(),
                            c.care().carerName(), c.care().careAgreement(), TekunStatus.APPLIED.name(),
                            processInstanceId, now, now)
                    .update(key, "id");
        } catch (DuplicateKeyException raceLost) {
            throw new RuleViolation("PROGRAM_CONFLICT", c.personName() + "已有一件正在办理或供养中的特困供养案件", 409);
        }
        long id = key.getKey().longValue();
        String caseNumber = "TK" + Year.now() + String.format("%06d", id);
        jdbc.sql("update tekun_case set case_number = ? where id = ?").params(caseNumber, id).update();
        TekunCase created = find(id).orElseThrow();
        mirror(created, actor, c.proposedByTownship() ? "乡镇（街道）主动发现并提出" : null);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("caseNumber", caseNumber);
        after.put("condition", c.condition().name());
        after.put("careMode", c.care().mode().name());
        audit.record(ENTITY, id, c.householdId(), null, "CREATED", actor, null, null, after);
        return created;
    }

    /** A person supported already when the bureau adopts the platform, as the roster import takes them over. */
    public record ImportedCase(long householdId, String townshipCode, String personIdNumber, String personName,
                               QualifyingCondition condition, SupporterSituation supporterSituation,
                               String supporterNote, TekunEligibility.CareArrangement care, TekunAmounts.Amounts amounts,
                               String snapshot, String startMonth) {
    }

    /**
     * A case 供养中 from its start month, as 认定 leaves one: the assessment's level, amounts and frozen calculation,
     * its enrolment with one status entry (the import: {@code reason}), an audit event. A person held by an open case
     * meanwhile fails on the database's one open case per person ({@code DuplicateKeyException}).
     */
    public TekunCase importActive(ImportedCase c, String actor, String reason) {
        Timestamp now = Timestamp.from(Instant.now());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into tekun_case (case_number, household_id, township_code, person_id_number,
                    open_person_id_number, person_name, qualifying_condition, supporter_situation, supporter_note,
                    proposed_by_township, care_mode, care_institution, carer_name, care_agreement, self_care_level,
                    basic_living_amount, care_amount, monthly_amount, start_month, status, calculation_snapshot,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params("PENDING-" + UUID.randomUUID(), c.householdId(), c.townshipCode(), c.personIdNumber(),
                        c.personIdNumber(), c.personName(), c.condition().name(), c.supporterSituation().name(),
                        c.supporterNote(), false, c.care().mode().name(), c.care().institution(), c.care().carerName(),
                        c.care().careAgreement(), c.amounts().selfCareLevel().name(), c.amounts().basicLiving(),
                        c.amounts().care(), c.amounts().monthly(), c.startMonth(), TekunStatus.ACTIVE.name(),
                        c.snapshot(), now, now)
                .update(key, "id");
        long id = key.getKey().longValue();
        String caseNumber = "TK" + Year.now() + String.format("%06d", id);
        jdbc.sql("update tekun_case set case_number = ? where id = ?").params(caseNumber, id).update();
        TekunCase created = find(id).orElseThrow();
        mirror(created, actor, reason + "，自" + c.startMonth() + "起按月发放");
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("caseNumber", caseNumber);
        after.put("condition", c.condition().name());
        after.put("careMode", c.care().mode().name());
        after.put("monthlyAmount", c.amounts().monthly());
        after.put("startMonth", c.startMonth());
        audit.record(ENTITY, id, c.householdId(), null, "IMPORTED", actor, reason, null, after);
        return created;
    }

    public Optional<TekunCase> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from tekun_case where id = ?").param(id)
                .query(RecordRows.of(TekunCase.class)).optional();
    }

    public List<TekunCase> list(String townshipCode) {
        return jdbc.sql("select " + COLUMNS + " from tekun_case where (cast(? as varchar(40)) is null or township_code = ?) order by id")
                .params(townshipCode, townshipCode).query(RecordRows.of(TekunCase.class)).list();
    }

    public void attachProcess(long id, String processInstanceId) {
        jdbc.sql("update tekun_case set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    /** 入户调查和生活自理能力评估: the finding, the level, the amounts and the calculation they came from. */
    public TekunCase saveAssessment(long id, SelfCareLevel level, String finding, TekunAmounts.Amounts amounts,
                                    String snapshot, String actor) {
        jdbc.sql("""
                update tekun_case set self_care_level = ?, survey_finding = ?, basic_living_amount = ?, care_amount = ?,
                    monthly_amount = ?, calculation_snapshot = ?, updated_at = ? where id = ?""")
                .params(level.name(), finding, amounts.basicLiving(), amounts.care(), amounts.monthly(), snapshot,
                        Timestamp.from(Instant.now()), id)
                .update();
        TekunCase saved = find(id).orElseThrow();
        mirror(saved, actor, null);
        audit.record(ENTITY, id, saved.householdId(), null, "ASSESSED", actor, finding, null,
                Map.of("selfCareLevel", level.name(), "monthlyAmount", amounts.monthly()));
        return saved;
    }

    /** A step's decision (审核, 公示异议, 审批) in the audit trail. */
    public void recordDecision(long id, String step, String decision, String comment, String actor) {
        TekunCase c = find(id).orElseThrow();
        audit.record(ENTITY, id, c.householdId(), null, step, actor, comment, null, Map.of("decision", decision));
    }

    /** 认定: supported from {@code startMonth}. */
    public TekunCase activate(long id, String startMonth, String actor) {
        jdbc.sql("update tekun_case set status = ?, start_month = ?, updated_at = ? where id = ?")
                .params(TekunStatus.ACTIVE.name(), startMonth, Timestamp.from(Instant.now()), id).update();
        TekunCase active = find(id).orElseThrow();
        mirror(active, actor, "自" + startMonth + "起按月发放");
        audit.record(ENTITY, id, active.householdId(), null, "ACTIVATED", actor, null, null, Map.of("startMonth", startMonth));
        return active;
    }

    /**
     * 年度复核, support continued: the care arrangement and self-care level found, the amounts and the calculation
     * (the new amount is paid from {@code effectiveMonth}, {@link TekunReviewAmounts}); a dated entry in the
     * enrolment's history says so.
     */
    public TekunCase reassess(long id, SelfCareLevel level, TekunEligibility.CareArrangement care,
                              TekunAmounts.Amounts amounts, String snapshot, String entry, String actor) {
        TekunCase before = find(id).orElseThrow();
        jdbc.sql("""
                update tekun_case set self_care_level = ?, care_mode = ?, care_institution = ?, carer_name = ?,
                    care_agreement = ?, basic_living_amount = ?, care_amount = ?, monthly_amount = ?,
                    calculation_snapshot = ?, updated_at = ? where id = ?""")
                .params(level.name(), care.mode().name(), care.institution(), care.carerName(), care.careAgreement(),
                        amounts.basicLiving(), amounts.care(), amounts.monthly(), snapshot, Timestamp.from(Instant.now()), id)
                .update();
        TekunCase saved = find(id).orElseThrow();
        Enrolment enrolment = mirror(saved, actor, null);
        enrolments.recordEntry(enrolment.id(), actor, entry);
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("selfCareLevel", before.selfCareLevel() == null ? null : before.selfCareLevel().name());
        was.put("careMode", before.careMode().name());
        was.put("monthlyAmount", before.monthlyAmount());
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("selfCareLevel", level.name());
        now.put("careMode", care.mode().name());
        now.put("monthlyAmount", amounts.monthly());
        audit.record(ENTITY, id, saved.householdId(), null, "ANNUAL_REVIEW_CONTINUED", actor, entry, was, now);
        return saved;
    }

    /** The enrolment pays {@code amount} (with its calculation) in a payroll month: the amount in force that month. */
    public void mirrorAmountInForce(long id, java.math.BigDecimal amount, String snapshot) {
        TekunCase c = find(id).orElseThrow();
        enrolments.mirror(new ProgramCase(Program.TEKUN, c.id(), c.householdId(), c.personIdNumber(), c.townshipCode(),
                EnrolmentStatus.ACTIVE, amount, c.startMonth(), snapshot), null, null);
    }

    /** 不予认定 or 终止供养: the case closes and no longer holds the person. */
    public TekunCase close(long id, TekunStatus status, String reason, String actor) {
        int changed = jdbc.sql("""
                update tekun_case set status = ?, closing_reason = ?, open_person_id_number = null, updated_at = ?
                where id = ?""")
                .params(status.name(), reason, Timestamp.from(Instant.now()), id).update();
        if (changed != 1) {
            throw RuleViolation.notFound("特困供养案件" + id);
        }
        TekunCase closed = find(id).orElseThrow();
        mirror(closed, actor, reason);
        audit.record(ENTITY, id, closed.householdId(), null, status.name(), actor, reason, null, Map.of("status", status.name()));
        return closed;
    }

    private Enrolment mirror(TekunCase c, String actor, String reason) {
        EnrolmentStatus status = switch (c.status()) {
            case APPLIED -> EnrolmentStatus.APPLIED;
            case ACTIVE -> EnrolmentStatus.ACTIVE;
            case ENDED -> EnrolmentStatus.ENDED;
            case REFUSED -> EnrolmentStatus.REFUSED;
        };
        return enrolments.mirror(new ProgramCase(Program.TEKUN, c.id(), c.householdId(), c.personIdNumber(), c.townshipCode(),
                status, c.monthlyAmount(), c.startMonth(), c.calculationSnapshot()), actor, reason);
    }
}

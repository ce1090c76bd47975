package cn.minzheng.bureau.dibao;

import java.time.YearMonth;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.BatchInserts;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramCase;
import cn.minzheng.bureau.engine.EngineClock;

/**
 * The one writer of {@code dibao_case} and the tables of its members, history and decisions. Every change of a
 * case is mirrored to the household's 低保 enrolment ({@link EnrolmentRepository#mirror}) in the same
 * transaction, so payroll and the household file read every program alike (docs/programs.md).
 */
@Repository
public class DibaoCaseRepository {

    private static final String COLUMNS = """
            id, case_number, household_id, township_code, category, status, related_to_staff, related_staff_name,
            related_staff_user, per_capita_income, monthly_standard, category_addition, monthly_amount, start_month,
            closing_reason, process_instance_id, calculation_snapshot, created_at""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AuditTrail audit;
    private final EnrolmentRepository enrolments;

    public DibaoCaseRepository(JdbcClient jdbc, JdbcTemplate template, AuditTrail audit, EnrolmentRepository enrolments) {
        this.jdbc = jdbc;
        this.template = template;
        this.audit = audit;
        this.enrolments = enrolments;
    }

    private static ProgramCase asProgramCase(DibaoCase c) {
        return new ProgramCase(Program.DIBAO, c.id(), c.householdId(), null, c.townshipCode(), c.status().enrolmentStatus(),
                c.monthlyAmount(), c.startMonth(), c.calculationSnapshot());
    }

    /** The case's enrolment brought up to date with the case as it now is. */
    private void mirror(long caseId, String actor, String reason) {
        enrolments.mirror(asProgramCase(find(caseId).orElseThrow()), actor, reason);
    }

    /**
     * Inserts a new case in status APPLIED and claims its members; refuses a member of another open case.
     * The process instance is null when the case is registered before its process starts (the REST route).
     */
    public DibaoCase insert(long householdId, Household household, CaseCategory category, boolean relatedToStaff,
                            String relatedStaffName, String relatedStaffUser, String actor, String processInstanceId) {
        refuseMembersOfOpenCases(household);
        Instant now = EngineClock.instant().truncatedTo(ChronoUnit.MICROS); // as the column keeps it
        long caseId = insertRow(householdId, household.townshipCode(), category, relatedToStaff, relatedStaffName,
                relatedStaffUser, processInstanceId, now);
        String caseNumber = CaseNumbers.of(Year.from(EngineClock.today()), caseId);
        jdbc.sql("update dibao_case set case_number = ? where id = ?").params(caseNumber, caseId).update();
        claimMembers(caseId, household);
        recordStatus(caseId, CaseStatus.APPLIED, actor, null);
        mirror(caseId, actor, null);
        // the row as just written, not read back
        DibaoCase created = new DibaoCase(caseId, caseNumber, householdId, household.townshipCode(), category,
                CaseStatus.APPLIED, relatedToStaff, relatedStaffName, relatedStaffUser, null, null, null, null, null,
                null, processInstanceId, null, LocalDateTime.ofInstant(now, ZoneId.systemDefault()));
        audit.record("DIBAO_CASE", caseId, householdId, caseId, "CREATED", actor, null, null,
                Map.of("caseNumber", caseNumber, "category", category.name(), "status", CaseStatus.APPLIED.name(),
                        "relatedToStaff", relatedToStaff, "members", household.size()));
        return created;
    }

    private void refuseMembersOfOpenCases(Household household) {
        Map<String, String> openCaseByIdNumber = openCaseNumbers(household.members().stream()
                .map(m -> m.idNumber().value()).toList());
        for (Household.Member member : household.members()) {
            String other = openCaseByIdNumber.get(member.idNumber().value());
            if (other != null) {
                throw personInOpenCase(member.name(), other);
            }
        }
    }

    /**
     * The open case (在办或在保) holding each of these persons, by ID number: its case number. Read 500 ID numbers
     * per query (a roster import asks for a chunk of its rows).
     */
    public Map<String, String> openCaseNumbers(List<String> idNumbers) {
        Map<String, String> open = new java.util.HashMap<>();
        List<String> distinct = idNumbers.stream().filter(java.util.Objects::nonNull).distinct().toList();
        for (int from = 0; from < distinct.size(); from += 500) {
            jdbc.sql("""
                    select p.open_id_number, c.case_number from dibao_case_person p join dibao_case c on c.id = p.case_id
                    where p.open_id_number in (:idNumbers)""")
                    .param("idNumbers", distinct.subList(from, Math.min(distinct.size(), from + 500)))
                    .query(rs -> {
                        open.putIfAbsent(rs.getString(1), rs.getString(2));
                    });
        }
        return open;
    }

    /** The row with a provisional number (the real one needs the id). */
    private long insertRow(long householdId, String townshipCode, CaseCategory category, boolean relatedToStaff,
                           String relatedStaffName, String relatedStaffUser, String processInstanceId, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into dibao_case (case_number, household_id, township_code, category, status, related_to_staff,
                    related_staff_name, related_staff_user, process_instance_id, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params("PENDING-" + UUID.randomUUID(), householdId, townshipCode, category.name(), CaseStatus.APPLIED.name(),
                        relatedToStaff, relatedStaffName, relatedStaffUser, processInstanceId, Timestamp.from(now),
                        Timestamp.from(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The members are the case's while it is open; a concurrent application that claimed one first wins. */
    private void claimMembers(long caseId, Household household) {
        for (Household.Member member : household.members()) {
            try {
                jdbc.sql("insert into dibao_case_person (case_id, id_number, open_id_number) values (?, ?, ?)")
                        .params(caseId, member.idNumber().value(), member.idNumber().value())
                        .update();
            } catch (DuplicateKeyException raceLost) {
                throw personInOpenCase(member.name(), "另一件正在办理的案件");
            }
        }
    }

    private static RuleViolation personInOpenCase(String name, String otherCase) {
        return new RuleViolation("PERSON_IN_OPEN_CASE",
                "家庭成员“" + name + "”已在低保案件" + otherCase + "中（在办或在保），同一人不能重复申请", 409);
    }

    public Optional<DibaoCase> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from dibao_case where id = ?")
                .param(id)
                .query(RecordRows.of(DibaoCase.class))
                .optional();
    }

    /** The household's cases, newest first. */
    public List<DibaoCase> forHousehold(long householdId) {
        return jdbc.sql("select " + COLUMNS + " from dibao_case where household_id = ? order by id desc")
                .param(householdId)
                .query(RecordRows.of(DibaoCase.class))
                .list();
    }

    public void attachProcess(long caseId, String processInstanceId) {
        jdbc.sql("update dibao_case set process_instance_id = ? where id = ?").params(processInstanceId, caseId).update();
    }

    public void changeStatus(long caseId, CaseStatus status, String actor, String reason) {
        // the audit entry reads the status before the change itself, so it goes first
        audit.recordStatusChange(caseId, status.name(), actor, reason);
        int changed = jdbc.sql("update dibao_case set status = ?, updated_at = ? where id = ?")
                .params(status.name(), Timestamp.from(EngineClock.instant()), caseId)
                .update();
        if (changed != 1) {
            throw new RuleViolation("CASE_NOT_FOUND", "低保案件" + caseId + "不存在，无法变更其状态", 404);
        }
        if (!status.holdsMembers()) {
            jdbc.sql("update dibao_case_person set open_id_number = null where case_id = ?").param(caseId).update();
            jdbc.sql("update dibao_case set closing_reason = ? where id = ?").params(reason, caseId).update();
        }
        recordStatus(caseId, status, actor, reason);
        mirror(caseId, actor, reason);
    }

    public void saveCalculation(long caseId, BenefitCalculation calculation, String snapshotJson) {
        DibaoCase before = find(caseId).orElseThrow();
        jdbc.sql("""
                update dibao_case set per_capita_income = ?, monthly_standard = ?, category_addition = ?,
                    monthly_amount = ?, calculation_snapshot = ?, updated_at = ? where id = ?""")
                .params(calculation.perCapitaIncome(), calculation.monthlyStandard(), calculation.categoryAddition(),
                        calculation.monthlyAmount(), snapshotJson, Timestamp.from(EngineClock.instant()), caseId)
                .update();
        mirror(caseId, null, null);
        audit.record("DIBAO_CASE", caseId, before.householdId(), caseId, "CALCULATED", null, "低保金测算",
                amounts(before.perCapitaIncome(), before.monthlyStandard(), before.categoryAddition(), before.monthlyAmount()),
                amounts(calculation.perCapitaIncome(), calculation.monthlyStandard(), calculation.categoryAddition(),
                        calculation.monthlyAmount()));
    }

    /** A review's new amount (raised or lowered), paid from the next payroll computed; audited. */
    public void applyReviewedAmount(long caseId, BigDecimal amount, BigDecimal perCapitaIncome, BigDecimal standard,
                                    String actor, String reason) {
        DibaoCase before = find(caseId).orElseThrow();
        jdbc.sql("""
                update dibao_case set monthly_amount = ?, per_capita_income = ?, monthly_standard = ?, updated_at = ?
                where id = ?""")
                .params(amount, perCapitaIncome, standard, Timestamp.from(EngineClock.instant()), caseId)
                .update();
        mirror(caseId, actor, reason);
        audit.record("DIBAO_CASE", caseId, before.householdId(), caseId, "REVIEWED_AMOUNT", actor, reason,
                amounts(before.perCapitaIncome(), before.monthlyStandard(), before.categoryAddition(), before.monthlyAmount()),
                amounts(perCapitaIncome, standard, before.categoryAddition(), amount));
    }

    private static Map<String, Object> amounts(BigDecimal perCapita, BigDecimal standard, BigDecimal addition,
                                               BigDecimal amount) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("perCapitaIncome", perCapita);
        state.put("monthlyStandard", standard);
        state.put("categoryAddition", addition);
        state.put("monthlyAmount", amount);
        return state;
    }

    public void activate(long caseId, String startMonth, String actor) {
        jdbc.sql("update dibao_case set start_month = ? where id = ?").params(startMonth, caseId).update();
        audit.recordForCase(caseId, "START_MONTH_SET", actor, null, null, Map.of("startMonth", startMonth));
        changeStatus(caseId, CaseStatus.APPROVED, actor, "自" + startMonth + "起按月发放");
    }

    public List<StatusChange> history(long caseId) {
        return jdbc.sql("""
                select status, changed_at, changed_by, reason from dibao_case_status_history
                where case_id = ? order by changed_at, id""")
                .param(caseId)
                .query(RecordRows.of(StatusChange.class))
                .list();
    }

    public void recordDecision(long caseId, String step, String decision, String comment, String actor) {
        jdbc.sql("""
                insert into dibao_decision (case_id, step, decision, comment, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(caseId, step, decision, comment, actor, Timestamp.from(EngineClock.instant()))
                .update();
        audit.recordForCase(caseId, "DECIDED", actor, comment, null, Map.of("step", step, "decision", decision));
    }

    public List<Decision> decisions(long caseId) {
        return jdbc.sql("select step, decision, comment, decided_by, decided_at from dibao_decision where case_id = ? order by decided_at, id")
                .param(caseId)
                .query(RecordRows.of(Decision.class))
                .list();
    }

    private void recordStatus(long caseId, CaseStatus status, String actor, String reason) {
        jdbc.sql("insert into dibao_case_status_history (case_id, status, changed_at, changed_by, reason) values (?, ?, ?, ?, ?)")
                .params(caseId, status.name(), Timestamp.from(EngineClock.instant()), actor, reason)
                .update();
    }

    /**
     * A closed case (rejected, cancelled) made open again by an appeal: it holds its members again and loses its
     * closing reason; refused if one of them is in another open case meanwhile. The caller sets its new status.
     */
    public void reopen(long caseId) {
        try {
            jdbc.sql("update dibao_case_person set open_id_number = id_number where case_id = ?").param(caseId).update();
        } catch (DuplicateKeyException taken) {
            throw new RuleViolation("PERSON_IN_OPEN_CASE", "该家庭有成员已在另一件在办或在保的低保案件中，不能恢复本案件，请先核实", 409);
        }
        jdbc.sql("update dibao_case set closing_reason = null where id = ?").param(caseId).update();
    }

    /** A review (periodic or by campaign) confirmed the case as it is, now. */
    /** 渐退: the case keeps paying its amount until the month given (yyyy-MM), then the daily schedule cancels it. */
    public void startGradualExit(long caseId, YearMonth lastMonth, String actor, String reason) {
        DibaoCase dibaoCase = find(caseId).orElseThrow();
        jdbc.sql("update dibao_case set gradual_exit_until = ?, updated_at = ? where id = ?")
                .params(lastMonth.toString(), Timestamp.from(EngineClock.instant()), caseId).update();
        audit.record("DIBAO_CASE", caseId, dibaoCase.householdId(), caseId, "GRADUAL_EXIT", actor, reason, null,
                Map.of("gradualExitUntil", lastMonth.toString()));
    }

    /** A review found the household eligible again: no longer phasing out. */
    public void endGradualExit(long caseId) {
        jdbc.sql("update dibao_case set gradual_exit_until = null where id = ? and gradual_exit_until is not null")
                .param(caseId).update();
    }

    /** The last month a phasing-out case is paid, if it is phasing out. */
    public Optional<YearMonth> gradualExitUntil(long caseId) {
        return jdbc.sql("select gradual_exit_until from dibao_case where id = ?").param(caseId).query(String.class)
                .optional().map(YearMonth::parse);
    }

    /** Active cases whose gradual exit ended before the month given. */
    public List<Long> gradualExitsEndedBefore(YearMonth month) {
        return jdbc.sql("""
                select id from dibao_case where status = ? and gradual_exit_until is not null and gradual_exit_until < ?
                order by id""")
                .params(CaseStatus.APPROVED.name(), month.toString()).query(Long.class).list();
    }

    public void markReviewed(long caseId) {
        jdbc.sql("update dibao_case set last_reviewed_at = ? where id = ?").params(Timestamp.from(EngineClock.instant()), caseId).update();
    }

    /** The case is handled by another township from now on (its household moved with a reorganisation). */
    public void moveToArea(long caseId, String townshipCode) {
        jdbc.sql("update dibao_case set township_code = ? where id = ?").params(townshipCode, caseId).update();
        mirror(caseId, null, null);
    }

    /**
     * The imported cases of a batch that still carry a provisional number get their numbers ({@link CaseNumbers}),
     * in one statement: those inserted where the database hands out ids only with the insert (H2). On PostgreSQL
     * the ids are drawn first and the cases inserted with their numbers, so nothing is left to number.
     */
    public void numberImportedCases(long importBatchId) {
        jdbc.sql("update dibao_case set case_number = " + CaseNumbers.sqlExpression()
                        + " where import_batch_id = ? and case_number like 'IMP%'")
                .params(CaseNumbers.prefix(Year.from(EngineClock.today())), importBatchId).update();
    }

    /**
     * An approved case as a roster import brings it: the household (stored already), the members it holds, the
     * amounts as the roster gives them, paid from its start month; the row is its head's in the roster file.
     */
    public record ImportedCase(int rowNumber, long householdId, String townshipCode, CaseCategory category, BigDecimal perCapitaIncome,
                               BigDecimal monthlyStandard, BigDecimal categoryAddition, BigDecimal monthlyAmount,
                               String startMonth, List<String> memberIdNumbers, String reason) {
    }

    /**
     * Inserts a batch of imported cases in status APPROVED, with their members and their first status, in a few
     * statements; returns their ids in order. A case whose id is drawn before the insert (PostgreSQL) gets its
     * number at once; elsewhere the cases carry provisional numbers ("IMP" batch "-" row) until
     * {@link #numberImportedCases} gives them theirs, once the whole batch is in. The caller audits them.
     */
    public List<Long> insertAll(List<ImportedCase> imported, long importBatchId, String actor, Timestamp now) {
        List<Long> ids = insertImportedRows(imported, importBatchId, now);
        List<Object[]> persons = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        for (int i = 0; i < imported.size(); i++) {
            long caseId = ids.get(i);
            imported.get(i).memberIdNumbers().forEach(idNumber -> persons.add(new Object[] {caseId, idNumber, idNumber}));
            history.add(new Object[] {caseId, CaseStatus.APPROVED.name(), now, actor, imported.get(i).reason()});
        }
        BatchInserts.insert(template, "insert into dibao_case_person (case_id, id_number, open_id_number) values (?, ?, ?)", persons);
        BatchInserts.insert(template, """
                insert into dibao_case_status_history (case_id, status, changed_at, changed_by, reason)
                values (?, ?, ?, ?, ?)""", history);
        List<ProgramCase> enrolled = new ArrayList<>();
        for (int i = 0; i < imported.size(); i++) {
            ImportedCase c = imported.get(i);
            enrolled.add(new ProgramCase(Program.DIBAO, ids.get(i), c.householdId(), null, c.townshipCode(),
                    CaseStatus.APPROVED.enrolmentStatus(), c.monthlyAmount(), c.startMonth(), null));
        }
        enrolments.insertAll(enrolled, actor, imported.stream().map(ImportedCase::reason).toList(), now);
        return ids;
    }

    private List<Long> insertImportedRows(List<ImportedCase> imported, long importBatchId, Timestamp now) {
        Year year = Year.from(EngineClock.today());
        return BatchInserts.insertReturningIds(template, """
                insert into dibao_case (case_number, household_id, township_code, category, status, related_to_staff,
                    per_capita_income, monthly_standard, category_addition, monthly_amount, start_month, created_at,
                    updated_at, import_batch_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", imported.size(), (i, id) -> {
                    ImportedCase c = imported.get(i);
                    return new Object[] {id != null ? CaseNumbers.of(year, id) : "IMP" + importBatchId + "-" + c.rowNumber(),
                            c.householdId(), c.townshipCode(), c.category().name(), CaseStatus.APPROVED.name(), false,
                            c.perCapitaIncome(), c.monthlyStandard(), c.categoryAddition(), c.monthlyAmount(),
                            c.startMonth(), now, now, importBatchId};
                });
    }

    public record StatusChange(CaseStatus status, LocalDateTime changedAt, String changedBy, String reason) {
    }

    public record Decision(String step, String decision, String comment, String decidedBy, LocalDateTime decidedAt) {
    }

    // community reorganisation

    /** An open case that moved to another township, with its township before. */
    public record MovedCase(long caseId, String townshipBefore) {
    }

    /**
     * Moves a household's open cases (those that hold its members) to the household's new township, each with its
     * audit entry. Returns the cases that moved.
     */
    public List<MovedCase> moveOpenCasesToTownship(long householdId, String townshipCode, String actor, String reason) {
        List<String> open = java.util.Arrays.stream(CaseStatus.values()).filter(CaseStatus::holdsMembers)
                .map(CaseStatus::name).toList();
        List<MovedCase> moved = new java.util.ArrayList<>();
        for (MovedCase openCase : jdbc.sql("""
                        select id, township_code from dibao_case where household_id = :household and status in (:open)
                        order by id""")
                .param("household", householdId).param("open", open)
                .query((rs, n) -> new MovedCase(rs.getLong(1), rs.getString(2))).list()) {
            if (townshipCode.equals(openCase.townshipBefore())) {
                continue;
            }
            moveToArea(openCase.caseId(), townshipCode);
            audit.record("DIBAO_CASE", openCase.caseId(), householdId, openCase.caseId(), "REORGANISED", actor, reason,
                    Map.of("townshipCode", openCase.townshipBefore()), Map.of("townshipCode", townshipCode));
            moved.add(openCase);
        }
        return moved;
    }

    // review and campaign (slice dibaoops): when a case was last reviewed, which the review schedule counts from

    /** These cases were reviewed at this time, those of them still active (a survey campaign's unchanged cases). */
    public void markActiveReviewed(java.util.Collection<Long> caseIds, Instant at) {
        List<Long> ids = List.copyOf(caseIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            jdbc.sql("update dibao_case set last_reviewed_at = :at where status = :status and id in (:ids)")
                    .param("at", Timestamp.from(at)).param("status", CaseStatus.APPROVED.name()).param("ids", chunk)
                    .update();
        }
    }
}

package cn.minzheng.bureau.dibao.roster;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.BatchInserts;
import cn.minzheng.bureau.common.SqlSelect;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.household.HouseholdRepository;

/**
 * Writes a chunk of a validated 低保 roster straight from the staging table (import_row) on PostgreSQL: one
 * {@code insert … select} per table through the tables' owners, the rows never read into the application. The ids
 * are drawn first, in one statement, from the tables' sequences into a work table of the transaction
 * ({@value #IDS}: a row's member id, its household's household, case and enrolment ids, in row order), so every
 * table refers to the others by plain values, the households and cases mapped back through the head's row number.
 * The same rows as {@link DibaoRosterWriter}'s batched path (H2) writes: households, members, incomes, cases with
 * their numbers, members claimed, status entries, enrolments with their first entry, an audit entry per case.
 */
final class DibaoRosterFromStaging {

    static final String IDS = "import_commit_ids";
    /** The chunk's staged rows with their ids: the work table holds only the chunk being written. */
    private static final String ROWS = "import_row r join " + IDS + " k on k.row_number = r.row_number "
            + "where r.batch_id = ? and r.row_number between ? and ?";

    private final JdbcTemplate jdbc;
    private final HouseholdRepository households;
    private final DibaoCaseRepository cases;
    private final AuditTrail audit;
    private final long batchId;
    private final String actor;
    private final String reason;
    /** The audit state's constant beginning, as JSON ({"importBatchId":…,"fileName":"…"), without its close. */
    private final String auditStateStart;
    private boolean workTableCreated;

    DibaoRosterFromStaging(JdbcTemplate jdbc, HouseholdRepository households, DibaoCaseRepository cases,
                           AuditTrail audit, ObjectMapper json, long batchId, String fileName, String actor,
                           String reason) {
        this.jdbc = jdbc;
        this.households = households;
        this.cases = cases;
        this.audit = audit;
        this.batchId = batchId;
        this.actor = actor;
        this.reason = reason;
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("importBatchId", batchId);
        start.put("fileName", fileName);
        try {
            String text = json.writeValueAsString(start);
            this.auditStateStart = text.substring(0, text.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A standard of the township's area for a category, as the case of a household there and of it takes it. */
    record Standard(String townshipCode, String category, BigDecimal monthlyStandard, BigDecimal categoryAddition) {
    }

    /**
     * Writes the staged rows {@code firstRow}…{@code lastRow} (whole households, {@code rows} rows of
     * {@code householdCount} households) with the standards given.
     */
    void write(int firstRow, int lastRow, int rows, int householdCount, List<Standard> standards, Timestamp now) {
        drawIds(firstRow, lastRow, rows, householdCount);
        // the staged rows by their key's range, never the whole batch's: each statement an index range scan
        Object[] chunk = {batchId, firstRow, lastRow};
        households.insertSelected(
                new SqlSelect("select k.household_id as id, r.township_code, r.community_code, r.address, r.bank_name, "
                        + "r.bank_account from " + ROWS + " and k.head order by k.row_number", chunk),
                new SqlSelect("select k.member_id as id, k.household_id, r.name, r.id_number, r.relation, "
                        + "r.employment_status, r.disability_level, r.wage_income, r.other_income from " + ROWS, chunk),
                batchId, now);
        cases.insertSelected(caseRows(standards, chunk),
                new SqlSelect("select k.case_id, r.id_number from " + ROWS + " order by k.row_number", chunk),
                batchId, actor, now);
        audit.recordAllSelected(new SqlSelect("""
                select cast(? as text) as actor, 'DIBAO_CASE' as entity_type, k.case_id as entity_id,
                    k.household_id, k.case_id, 'IMPORTED' as action, cast(? as text) as reason,
                    cast(null as varchar(1)) as before_state,
                    cast(? as text) || ',"row":' || r.row_number || ',"status":"' || cast(? as varchar(20))
                        || '","category":"' || r.category || '","monthlyAmount":' || r.monthly_amount
                        || ',"startMonth":"' || r.start_month || '","members":' || g.members || '}' as after_state
                from %s and k.head
                join (select household_id, count(*) as members from %s group by household_id) g
                    on g.household_id = k.household_id
                order by k.row_number""".formatted(IDS_JOINED, IDS),
                actor, reason, auditStateStart, CaseStatus.APPROVED.name(), batchId, firstRow, lastRow));
    }

    /** The heads' rows in a join of their own, so the household's aggregates can be joined to them. */
    private static final String IDS_JOINED = "import_row r join " + IDS + " k on k.row_number = r.row_number "
            + "and r.batch_id = ? and r.row_number between ? and ?";

    /**
     * The cases: a household's per-capita income from its members' rows (rounded half up to cents, as the batched
     * path computes it), the standard of its township's area and category, the roster's amount and start month.
     */
    private SqlSelect caseRows(List<Standard> standards, Object[] chunk) {
        List<Object> params = new ArrayList<>();
        params.add(reason + "，自");
        params.add("起在保");
        params.addAll(List.of(chunk));
        params.addAll(List.of(chunk));
        StringBuilder values = new StringBuilder();
        for (Standard s : standards) {
            values.append(values.isEmpty() ? "" : ", ").append("(?, ?, cast(? as numeric), cast(? as numeric))");
            params.add(s.townshipCode());
            params.add(s.category());
            params.add(s.monthlyStandard());
            params.add(s.categoryAddition());
        }
        return new SqlSelect("""
                select k.case_id as id, k.enrolment_id, k.household_id, r.township_code, r.category,
                    g.per_capita_income, s.monthly_standard, s.category_addition, r.monthly_amount, r.start_month,
                    cast(? as text) || r.start_month || cast(? as text) as reason
                from %s and k.head
                join (select k2.household_id, round(sum(r2.wage_income + r2.other_income) / count(*), 2) as per_capita_income
                      from import_row r2 join %s k2 on k2.row_number = r2.row_number
                      where r2.batch_id = ? and r2.row_number between ? and ?
                      group by k2.household_id) g on g.household_id = k.household_id
                join (values %s) as s (township_code, category, monthly_standard, category_addition)
                    on s.township_code = r.township_code and s.category = r.category
                order by k.row_number""".formatted(IDS_JOINED, IDS, values), params.toArray());
    }

    /**
     * Fills the work table with the chunk's rows and their ids, drawn in row order: a household's ids once, on its
     * head's row, shared by its members' rows (the rows of one household carry one household key).
     */
    private void drawIds(int firstRow, int lastRow, int rows, int householdCount) {
        if (!workTableCreated) {
            jdbc.execute("create temporary table " + IDS + " (row_number integer primary key, head boolean not null, "
                    + "household_id bigint not null, member_id bigint not null, case_id bigint not null, "
                    + "enrolment_id bigint not null) on commit drop");
            workTableCreated = true;
        } else {
            jdbc.execute("truncate " + IDS);
        }
        int drawn = jdbc.update("""
                insert into %s (row_number, head, household_id, case_id, enrolment_id, member_id)
                with heads as materialized (
                    select h.household_key, nextval('%s') as household_id, nextval('%s') as case_id,
                        nextval('%s') as enrolment_id
                    from (select household_key from import_row
                          where batch_id = ? and row_number between ? and ? and relation = 'HEAD'
                          order by row_number) h)
                select s.row_number, s.head, s.household_id, s.case_id, s.enrolment_id, nextval('%s')
                from (select r.row_number, r.relation = 'HEAD' as head, h.household_id, h.case_id, h.enrolment_id
                      from import_row r join heads h on h.household_key = r.household_key
                      where r.batch_id = ? and r.row_number between ? and ?
                      order by r.row_number) s""".formatted(IDS, sequence("household"), sequence("dibao_case"),
                        sequence("enrolment"), sequence("household_member")),
                batchId, firstRow, lastRow, batchId, firstRow, lastRow);
        Integer heads = jdbc.queryForObject("select count(*) from " + IDS + " where head", Integer.class);
        if (drawn != rows || heads == null || heads != householdCount) {
            throw new IllegalStateException("staged rows " + firstRow + "-" + lastRow + " of batch " + batchId + ": "
                    + drawn + " rows of " + heads + " households, expected " + rows + " of " + householdCount);
        }
        jdbc.execute("analyze " + IDS);
    }

    private String sequence(String table) {
        return BatchInserts.idSequence(jdbc, table);
    }
}

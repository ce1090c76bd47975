package cn.minzheng.bureau.importing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.StandardService;
import cn.minzheng.bureau.dibao.StandardService.Standard;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.relief.AffectedHousehold;
import cn.minzheng.bureau.relief.DisasterRepository;
import cn.minzheng.bureau.relief.DisasterStatus;
import cn.minzheng.bureau.relief.HouseDamage;
import cn.minzheng.bureau.relief.HouseholdCategory;
import cn.minzheng.bureau.relief.RosterRepository;
import cn.minzheng.bureau.relief.RosterService;
import cn.minzheng.bureau.common.RuleViolation;

/**
 * Writes a validated batch into the household and case tables in ONE transaction, in chunks of whole
 * households with batched statements: a failure anywhere (the last chunk included) rolls back all of it.
 * Imported cases are active (已批准（在保）) from their start month, with a status entry naming the import.
 */
@Component
public class ImportCommitter {

    static final int CHUNK_ROWS = 2000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final StandardService standards;
    private final RegionRepository regions;
    private final ImportRepository batches;
    private final ObjectMapper json;
    private final RosterRepository roster;
    private final RosterService rosterService;
    private final DisasterRepository disasters;
    /** Called after each chunk is written, inside the transaction (tests inject a failure here). */
    volatile ChunkListener afterChunk = (chunk, last) -> { };

    interface ChunkListener {
        void written(int chunk, boolean last);
    }

    public ImportCommitter(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transaction,
                           StandardService standards, RegionRepository regions, ImportRepository batches, ObjectMapper json,
                           RosterRepository roster, RosterService rosterService, DisasterRepository disasters) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = transaction;
        this.standards = standards;
        this.regions = regions;
        this.batches = batches;
        this.json = json;
        this.roster = roster;
        this.rosterService = rosterService;
        this.disasters = disasters;
    }

    /** Commits the batch (already COMMITTING); reports the rows written so far to {@code progress}. */
    void commit(ImportBatch batch, String actor, IntConsumer progress) {
        if (batch.importKind() == ImportKind.DISASTER) {
            commitDisasterRoster(batch, actor, progress);
            return;
        }
        Map<String, AreaType> areas = new HashMap<>();
        regions.townships().forEach(t -> areas.put(t.code(), t.kind().areaType()));
        Map<AreaType, Map<CaseCategory, Standard>> standardCache = new EnumMap<>(AreaType.class);
        String reason = "导入：批次#" + batch.id() + "《" + batch.fileName() + "》，导入人 " + actor + "，"
                + LocalDateTime.now(ZoneId.systemDefault()).format(WHEN);
        transaction.executeWithoutResult(status -> {
            int written = 0;
            int households = 0;
            int chunk = 0;
            List<CommitRow> carry = new ArrayList<>();
            int from = 0;
            boolean last = false;
            while (!last) {
                List<CommitRow> page = jdbc.sql("""
                        select row_number, household_key, township_code, community_code, address, bank_name, bank_account,
                               name, id_number, relation, employment_status, disability_level, wage_income, other_income,
                               category, monthly_amount, start_month
                        from import_row where batch_id = ? and row_number > ? order by row_number limit ?""")
                        .params(batch.id(), from, CHUNK_ROWS)
                        .query(RecordRows.of(CommitRow.class)).list();
                last = page.size() < CHUNK_ROWS;
                if (!page.isEmpty()) {
                    from = page.get(page.size() - 1).rowNumber();
                }
                List<CommitRow> rows = new ArrayList<>(carry);
                rows.addAll(page);
                carry.clear();
                List<List<CommitRow>> groups = groups(rows);
                if (!last && !groups.isEmpty()) {
                    carry.addAll(groups.remove(groups.size() - 1)); // may continue on the next page
                }
                if (!groups.isEmpty()) {
                    writeChunk(batch, groups, areas, standardCache, actor, reason);
                    households += groups.size();
                    written += groups.stream().mapToInt(List::size).sum();
                }
                afterChunk.written(++chunk, last);
                progress.accept(written);
            }
            String prefix = "DB" + Year.now() + "-";
            jdbc.sql("update dibao_case set case_number = cast(? as varchar(20)) || lpad(cast(id as varchar(20)), 6, '0') "
                    + "where import_batch_id = ?").params(prefix, batch.id()).update();
            batches.committed(batch.id(), written, households, households);
            jdbc.sql("""
                    insert into audit_event (occurred_at, actor, entity_type, entity_id, action, reason, after_state)
                    values (?, ?, 'IMPORT_BATCH', ?, 'COMMITTED', ?, ?)""")
                    .params(Timestamp.from(Instant.now()), actor, batch.id(), reason,
                            toJson(Map.of("fileName", batch.fileName(), "rows", written, "households", households)))
                    .update();
        });
    }

    /**
     * The disaster roster kind: each staged row becomes an entry of the disaster's roster as the roster
     * task registers it ({@link RosterRepository#insert}: its audit event, priority tier and 低保 link), in
     * ONE transaction, in chunks; the entries name the batch.
     */
    private void commitDisasterRoster(ImportBatch batch, String actor, IntConsumer progress) {
        String reason = "导入：批次#" + batch.id() + "《" + batch.fileName() + "》，导入人 " + actor + "，"
                + LocalDateTime.now(ZoneId.systemDefault()).format(WHEN);
        transaction.executeWithoutResult(status -> {
            if (disasters.get(batch.disasterId()).status() != DisasterStatus.REGISTERED) {
                throw new RuleViolation("DISASTER_ROSTER_CLOSED", "该灾害的登记造册已结束，不能再导入受灾户", 409);
            }
            int written = 0;
            int chunk = 0;
            int from = 0;
            boolean last = false;
            while (!last) {
                List<String> page = new ArrayList<>();
                List<Integer> numbers = new ArrayList<>();
                jdbc.sql("select row_number, payload from import_row where batch_id = ? and row_number > ? "
                                + "order by row_number limit ?")
                        .params(batch.id(), from, CHUNK_ROWS)
                        .query(rs -> {
                            numbers.add(rs.getInt(1));
                            page.add(rs.getString(2));
                        });
                last = page.size() < CHUNK_ROWS;
                if (!numbers.isEmpty()) {
                    from = numbers.get(numbers.size() - 1);
                }
                for (String payload : page) {
                    roster.insert(batch.disasterId(), affectedHousehold(payload), actor);
                }
                written += page.size();
                afterChunk.written(++chunk, last);
                progress.accept(written);
            }
            jdbc.sql("update relief_household set import_batch_id = ? where disaster_id = ? "
                    + "and id_number in (select id_number from import_row where batch_id = ?)")
                    .params(batch.id(), batch.disasterId(), batch.id()).update();
            batches.committed(batch.id(), written, written, 0);
            jdbc.sql("insert into audit_event (occurred_at, actor, entity_type, entity_id, action, reason, after_state) "
                    + "values (?, ?, 'IMPORT_BATCH', ?, 'COMMITTED', ?, ?)")
                    .params(Timestamp.from(Instant.now()), actor, batch.id(), reason,
                            toJson(Map.of("kind", batch.kind(), "disasterId", batch.disasterId(),
                                    "fileName", batch.fileName(), "rows", written)))
                    .update();
        });
    }

    private AffectedHousehold affectedHousehold(String payload) {
        if (payload == null) {
            throw new IllegalStateException("a staged disaster roster row without values in a validated batch");
        }
        Map<String, Object> v;
        try {
            v = json.readValue(payload, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ResidentIdNumber id = ResidentIdNumber.parse((String) v.get("idNumber"));
        return new AffectedHousehold(null, (String) v.get("townshipCode"), (String) v.get("villageCode"),
                (String) v.get("headName"), id, (String) v.get("address"), number(v, "persons"),
                HouseholdCategory.valueOf((String) v.get("category")), rosterService.approvedDibaoCase(id.value()),
                Boolean.TRUE.equals(v.get("disabledMember")), Money.of(new BigDecimal(v.get("cropLossMu").toString())),
                HouseDamage.valueOf((String) v.get("houseDamage")), number(v, "collapsedRooms"), number(v, "deaths"),
                (String) v.get("deceasedNames"), number(v, "winterReliefPersons"), Boolean.TRUE.equals(v.get("needsFood")),
                Boolean.TRUE.equals(v.get("needsClothing")), Boolean.TRUE.equals(v.get("needsQuilts")),
                Boolean.TRUE.equals(v.get("needsHouseRepair")), Money.of(new BigDecimal(v.get("needAmount").toString())),
                null, false, false);
    }

    private static int number(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).intValue();
    }

    private static List<List<CommitRow>> groups(List<CommitRow> rows) {
        List<List<CommitRow>> groups = new ArrayList<>();
        String key = null;
        for (CommitRow row : rows) {
            if (groups.isEmpty() || !row.householdKey().equals(key)) {
                groups.add(new ArrayList<>());
                key = row.householdKey();
            }
            groups.get(groups.size() - 1).add(row);
        }
        return groups;
    }

    private void writeChunk(ImportBatch batch, List<List<CommitRow>> groups, Map<String, AreaType> areas,
                            Map<AreaType, Map<CaseCategory, Standard>> standardCache, String actor, String reason) {
        Timestamp now = Timestamp.from(Instant.now());
        List<CommitRow> heads = groups.stream().map(g -> g.stream().filter(r -> "HEAD".equals(r.relation())).findFirst()
                .orElseThrow(() -> new IllegalStateException("household without head in a validated batch"))).toList();
        List<Long> householdIds = insertWithKeys("""
                insert into household (township_code, community_code, address, bank_name, bank_account, created_at, import_batch_id)
                values (?, ?, ?, ?, ?, ?, ?)""", heads.size(), (ps, i) -> {
            CommitRow h = heads.get(i);
            ps.setString(1, h.townshipCode());
            ps.setString(2, h.communityCode());
            ps.setString(3, h.address());
            ps.setString(4, h.bankName());
            ps.setString(5, h.bankAccount());
            ps.setTimestamp(6, now);
            ps.setLong(7, batch.id());
        });
        List<Object[]> members = new ArrayList<>();
        List<Object[]> incomes = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            long householdId = householdIds.get(i);
            for (CommitRow m : groups.get(i)) {
                ResidentIdNumber id = ResidentIdNumber.parse(m.idNumber());
                members.add(new Object[] {householdId, m.name(), id.value(), java.sql.Date.valueOf(id.birthDate()),
                        id.sex().name(), m.relation(), m.employmentStatus(), m.disabilityLevel()});
                if (m.wageIncome().signum() > 0) {
                    incomes.add(new Object[] {"WAGE", m.wageIncome(), householdId, id.value()});
                }
                if (m.otherIncome().signum() > 0) {
                    incomes.add(new Object[] {"OTHER", m.otherIncome(), householdId, id.value()});
                }
            }
        }
        template.batchUpdate("""
                insert into household_member (household_id, name, id_number, birth_date, sex, relation, employment_status,
                    disability_level) values (?, ?, ?, ?, ?, ?, ?, ?)""", members);
        if (!incomes.isEmpty()) {
            template.batchUpdate("""
                    insert into income_item (member_id, income_type, monthly_amount)
                    select id, ?, ? from household_member where household_id = ? and id_number = ?""", incomes);
        }
        List<BigDecimal[]> amounts = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            CommitRow head = heads.get(i);
            Standard standard = standardCache.computeIfAbsent(areas.get(head.townshipCode()), a -> new EnumMap<>(CaseCategory.class))
                    .computeIfAbsent(CaseCategory.valueOf(head.category()),
                            c -> standards.standardFor(areas.get(head.townshipCode()), c));
            BigDecimal income = groups.get(i).stream().map(r -> r.wageIncome().add(r.otherIncome()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            amounts.add(new BigDecimal[] {income.divide(BigDecimal.valueOf(groups.get(i).size()), 2, RoundingMode.HALF_UP),
                    standard.monthlyStandard(), standard.categoryAddition()});
        }
        List<Long> caseIds = insertWithKeys("""
                insert into dibao_case (case_number, household_id, township_code, category, status, related_to_staff,
                    per_capita_income, monthly_standard, category_addition, monthly_amount, start_month, created_at,
                    updated_at, import_batch_id)
                values (?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?)""", heads.size(), (ps, i) -> {
            CommitRow h = heads.get(i);
            ps.setString(1, "IMP" + batch.id() + "-" + h.rowNumber());
            ps.setLong(2, householdIds.get(i));
            ps.setString(3, h.townshipCode());
            ps.setString(4, h.category());
            ps.setString(5, CaseStatus.APPROVED.name());
            ps.setBigDecimal(6, amounts.get(i)[0]);
            ps.setBigDecimal(7, amounts.get(i)[1]);
            ps.setBigDecimal(8, amounts.get(i)[2]);
            ps.setBigDecimal(9, Money.of(h.monthlyAmount()));
            ps.setString(10, h.startMonth());
            ps.setTimestamp(11, now);
            ps.setTimestamp(12, now);
            ps.setLong(13, batch.id());
        });
        List<Object[]> persons = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        List<Object[]> audit = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            long caseId = caseIds.get(i);
            for (CommitRow m : groups.get(i)) {
                persons.add(new Object[] {caseId, m.idNumber(), m.idNumber()});
            }
            CommitRow head = heads.get(i);
            history.add(new Object[] {caseId, CaseStatus.APPROVED.name(), now, actor, reason + "，自" + head.startMonth() + "起在保"});
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("importBatchId", batch.id());
            after.put("fileName", batch.fileName());
            after.put("row", head.rowNumber());
            after.put("status", CaseStatus.APPROVED.name());
            after.put("category", head.category());
            after.put("monthlyAmount", Money.of(head.monthlyAmount()));
            after.put("startMonth", head.startMonth());
            after.put("members", groups.get(i).size());
            audit.add(new Object[] {now, actor, caseId, householdIds.get(i), caseId, reason, toJson(after)});
        }
        template.batchUpdate("insert into dibao_case_person (case_id, id_number, open_id_number) values (?, ?, ?)", persons);
        template.batchUpdate("""
                insert into dibao_case_status_history (case_id, status, changed_at, changed_by, reason)
                values (?, ?, ?, ?, ?)""", history);
        template.batchUpdate("""
                insert into audit_event (occurred_at, actor, entity_type, entity_id, household_id, case_id, action, reason,
                    after_state) values (?, ?, 'DIBAO_CASE', ?, ?, ?, 'IMPORTED', ?, ?)""", audit);
    }

    interface RowSetter {
        void set(PreparedStatement ps, int i) throws SQLException;
    }

    private List<Long> insertWithKeys(String sql, int size, RowSetter setter) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        template.batchUpdate(con -> con.prepareStatement(sql, new String[] {"id"}), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                setter.set(ps, i);
            }

            @Override
            public int getBatchSize() {
                return size;
            }
        }, keys);
        List<Long> ids = new ArrayList<>(size);
        for (Map<String, Object> row : keys.getKeyList()) {
            ids.add(((Number) row.values().iterator().next()).longValue());
        }
        if (ids.size() != size) {
            throw new IllegalStateException("expected " + size + " generated keys, got " + ids.size());
        }
        return ids;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    record CommitRow(int rowNumber, String householdKey, String townshipCode, String communityCode, String address,
                     String bankName, String bankAccount, String name, String idNumber, String relation,
                     String employmentStatus, String disabilityLevel, BigDecimal wageIncome, BigDecimal otherIncome,
                     String category, BigDecimal monthlyAmount, String startMonth) {
    }
}

package cn.minzheng.bureau.relief;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.engine.EngineClock;

/** The registration rosters (登记造册) of a disaster: one row per affected household. */
@Repository
public class RosterRepository {

    private static final String COLUMNS = """
            id, township_code, village_code, head_name, id_number, address, persons, category, dibao_case_id,
            disabled_member, crop_loss_mu, house_damage, damaged_rooms, deaths, deceased_names, winter_relief_persons,
            needs_food, needs_clothing, needs_quilts, needs_house_repair, need_amount, allocated_amount, paid_at,
            receipt_confirmed_at""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public RosterRepository(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public void insert(long disasterId, AffectedHousehold h, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into relief_household (disaster_id, township_code, village_code, head_name, id_number, address,
                    persons, category, dibao_case_id, disabled_member, crop_loss_mu, house_damage, damaged_rooms, deaths,
                    deceased_names, winter_relief_persons, needs_food, needs_clothing, needs_quilts, needs_house_repair,
                    need_amount, priority_tier, registered_by, registered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(disasterId, h.townshipCode(), h.villageCode(), h.headName(), h.idNumber().value(), h.address(),
                        h.persons(), h.category().name(), h.dibaoCaseId(), h.disabledMember(), h.cropLossMu(),
                        h.houseDamage().name(), h.damagedRooms(), h.deaths(), h.deceasedNames(), h.winterReliefPersons(),
                        h.needsFood(), h.needsClothing(), h.needsQuilts(), h.needsHouseRepair(), h.needAmount(),
                        h.tier().name(), actor, Timestamp.from(EngineClock.instant()))
                .update(key, "id");
        long id = key.getKey().longValue();
        audit.record("RELIEF_HOUSEHOLD", id, householdOfCase(h.dibaoCaseId()), h.dibaoCaseId(), "REGISTERED", actor, null,
                null, Map.of("disasterId", disasterId, "townshipCode", h.townshipCode(), "head", h.headName() + " "
                        + h.idNumber().masked(), "category", h.category().name(), "houseDamage", h.houseDamage().name(),
                        "needAmount", h.needAmount()));
    }

    private Long householdOfCase(Long dibaoCaseId) {
        return dibaoCaseId == null ? null : jdbc.sql("select household_id from dibao_case where id = ?")
                .param(dibaoCaseId).query(Long.class).optional().orElse(null);
    }

    /** The township of a person already on this disaster's roster, if any. */
    public Optional<String> townshipOf(long disasterId, String idNumber) {
        return jdbc.sql("select township_code from relief_household where disaster_id = ? and id_number = ?")
                .params(disasterId, idNumber).query(String.class).optional();
    }

    /** Which of these people are on the disaster's roster already (asked 500 at a time). */
    public java.util.Set<String> onRoster(long disasterId, List<String> idNumbers) {
        java.util.Set<String> known = new java.util.HashSet<>();
        for (int from = 0; from < idNumbers.size(); from += 500) {
            known.addAll(jdbc.sql("select id_number from relief_household where disaster_id = :disaster and id_number in (:ids)")
                    .param("disaster", disasterId).param("ids", idNumbers.subList(from, Math.min(idNumbers.size(), from + 500)))
                    .query(String.class).list());
        }
        return known;
    }

    /** The entries an import batch brought in name it. */
    public void markImported(long disasterId, long importBatchId) {
        jdbc.sql("update relief_household set import_batch_id = ? where disaster_id = ? "
                        + "and id_number in (select id_number from import_row where batch_id = ?)")
                .params(importBatchId, disasterId, importBatchId).update();
    }

    public int remove(long disasterId, String townshipCode, String idNumber) {
        int removed = jdbc.sql("delete from relief_household where disaster_id = ? and township_code = ? and id_number = ?")
                .params(disasterId, townshipCode, idNumber).update();
        if (removed > 0) {
            audit.record("RELIEF_ROSTER", disasterId, null, null, "REMOVED", null, null,
                    Map.of("townshipCode", townshipCode, "idNumber", ResidentIdNumber.parse(idNumber).masked()), null);
        }
        return removed;
    }

    /** All households of the disaster (township null) or of one township, by township, village and id. */
    public List<AffectedHousehold> list(long disasterId, String townshipCode) {
        String order = " order by township_code, village_code, id";
        if (townshipCode == null) {
            return jdbc.sql("select " + COLUMNS + " from relief_household where disaster_id = ?" + order)
                    .param(disasterId).query(RosterRepository::map).list();
        }
        return jdbc.sql("select " + COLUMNS + " from relief_household where disaster_id = ? and township_code = ?" + order)
                .params(disasterId, townshipCode).query(RosterRepository::map).list();
    }

    public Optional<AffectedHousehold> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from relief_household where id = ?").param(id)
                .query(RosterRepository::map).optional();
    }

    /** Households of the disaster whose house collapsed: each gets a house-rebuilding case. */
    public List<Long> collapsed(long disasterId) {
        return jdbc.sql("select id from relief_household where disaster_id = ? and house_damage = ? order by id")
                .params(disasterId, HouseDamage.COLLAPSED.name()).query(Long.class).list();
    }

    public long count(long disasterId, String townshipCode) {
        return jdbc.sql("select count(*) from relief_household where disaster_id = ? and township_code = ?")
                .params(disasterId, townshipCode).query(Long.class).single();
    }

    public void allocate(long disasterId, Map<Long, Long> amounts) {
        amounts.forEach((id, yuan) -> jdbc.sql("update relief_household set allocated_amount = ? where id = ?")
                .params(BigDecimal.valueOf(yuan).setScale(2), id).update());
        long total = amounts.values().stream().mapToLong(Long::longValue).sum();
        audit.record("RELIEF_ALLOCATION", disasterId, null, null, "ALLOCATED", null, null, null,
                Map.of("households", amounts.size(), "totalYuan", total));
    }

    /** Marks every allocated, not yet paid household of the disaster paid; a household is never paid twice. */
    public int pay(long disasterId, String actor) {
        int paid = jdbc.sql("""
                update relief_household set paid_at = ?, paid_by = ?
                where disaster_id = ? and allocated_amount > 0 and paid_at is null""")
                .params(Timestamp.from(EngineClock.instant()), actor, disasterId).update();
        audit.record("RELIEF_PAYMENT", disasterId, null, null, "PAID", actor, null, null, Map.of("households", paid));
        return paid;
    }

    public List<String> townshipsWithPayments(long disasterId) {
        return jdbc.sql("""
                select distinct township_code from relief_household
                where disaster_id = ? and paid_at is not null order by township_code""")
                .param(disasterId).query(String.class).list();
    }

    public int confirmReceipts(long disasterId, String townshipCode, String actor) {
        int confirmed = jdbc.sql("""
                update relief_household set receipt_confirmed_at = ?, receipt_confirmed_by = ?
                where disaster_id = ? and township_code = ? and paid_at is not null and receipt_confirmed_at is null""")
                .params(Timestamp.from(EngineClock.instant()), actor, disasterId, townshipCode).update();
        audit.record("RELIEF_RECEIPT", disasterId, null, null, "RECEIPTS_CONFIRMED", actor, null, null,
                Map.of("townshipCode", townshipCode, "households", confirmed));
        return confirmed;
    }

    private static AffectedHousehold map(ResultSet rs, int row) throws SQLException {
        Long dibaoCase = rs.getObject("dibao_case_id") == null ? null : rs.getLong("dibao_case_id");
        return new AffectedHousehold(rs.getLong("id"), rs.getString("township_code"), rs.getString("village_code"),
                rs.getString("head_name"), new ResidentIdNumber(rs.getString("id_number")), rs.getString("address"),
                rs.getInt("persons"), HouseholdCategory.valueOf(rs.getString("category")), dibaoCase,
                rs.getBoolean("disabled_member"), rs.getBigDecimal("crop_loss_mu"), HouseDamage.valueOf(rs.getString("house_damage")),
                rs.getInt("damaged_rooms"), rs.getInt("deaths"), rs.getString("deceased_names"),
                rs.getInt("winter_relief_persons"), rs.getBoolean("needs_food"), rs.getBoolean("needs_clothing"),
                rs.getBoolean("needs_quilts"), rs.getBoolean("needs_house_repair"), rs.getBigDecimal("need_amount"),
                rs.getBigDecimal("allocated_amount"), rs.getTimestamp("paid_at") != null,
                rs.getTimestamp("receipt_confirmed_at") != null);
    }
}

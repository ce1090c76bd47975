package cn.minzheng.bureau.household;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.BatchInserts;
import cn.minzheng.bureau.household.Household.Income;
import cn.minzheng.bureau.household.Household.Member;
import cn.minzheng.bureau.household.Household.UtilitySpending;
import cn.minzheng.bureau.engine.EngineClock;

@Repository
public class HouseholdRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AuditTrail audit;

    public HouseholdRepository(JdbcClient jdbc, JdbcTemplate template, AuditTrail audit) {
        this.jdbc = jdbc;
        this.template = template;
        this.audit = audit;
    }

    public long insert(Household household) {
        KeyHolder key = new GeneratedKeyHolder();
        UtilitySpending u = household.utilities();
        jdbc.sql("""
                insert into household (township_code, community_code, address, bank_name, bank_account,
                    assets_description, assets_value, water_monthly, electricity_monthly, gas_monthly, heating_monthly, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(household.townshipCode(), household.communityCode(), household.address(), household.bankName(),
                        household.bankAccount(), household.assetsDescription(), household.assetsValue(),
                        u.water(), u.electricity(), u.gas(), u.heating(), Timestamp.from(EngineClock.instant()))
                .update(key, "id");
        long householdId = key.getKey().longValue();
        for (Member member : household.members()) {
            insertMember(householdId, member);
        }
        audit.record("HOUSEHOLD", householdId, householdId, null, "CREATED", null, null, null, Map.of(
                "townshipCode", household.townshipCode(), "communityCode", household.communityCode(),
                "address", household.address(), "bankAccount", BankAccounts.mask(household.bankAccount()),
                "members", household.members().stream().map(m -> m.name() + " " + m.idNumber().masked()).toList()));
        return householdId;
    }

    private void insertMember(long householdId, Member member) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into household_member (household_id, name, id_number, birth_date, sex, relation, employment_status, disability_level)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(householdId, member.name(), member.idNumber().value(), member.idNumber().birthDate(),
                        member.idNumber().sex().name(), member.relation().name(), member.employmentStatus().name(),
                        member.disabilityLevel().name())
                .update(key, "id");
        long memberId = key.getKey().longValue();
        for (Income income : member.incomes()) {
            jdbc.sql("insert into income_item (member_id, income_type, monthly_amount) values (?, ?, ?)")
                    .params(memberId, income.type().name(), income.monthlyAmount())
                    .update();
        }
    }

    /** A person on the household register: the newest household membership of the ID number. */
    public record Resident(long householdId, String townshipCode, String communityCode, String name,
                           java.time.LocalDate birthDate) {
    }

    public Optional<Resident> resident(String idNumber) {
        return jdbc.sql("""
                select m.household_id, h.township_code, h.community_code, m.name, m.birth_date
                from household_member m join household h on h.id = m.household_id
                where m.id_number = ? order by m.id desc""")
                .param(idNumber)
                .query((rs, n) -> new Resident(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate()))
                .list().stream().findFirst();
    }

    public Optional<Household> find(long id) {
        return findWhere("id = ?", id);
    }

    /**
     * The household of a 低保 case as its calculation counts it, without reading the case first: its living members
     * (a member with a recorded death or move out of the district no longer counts).
     */
    public Optional<Household> findForCase(long caseId) {
        return findWhere("id = (select household_id from dibao_case where id = ?)", caseId, true);
    }

    /**
     * Records the day a person died on every household record of their ID number (死亡登记 confirmed), with an audit
     * entry for each household. Returns the number of member rows marked; a second call changes nothing.
     */
    public int recordDeath(String idNumber, java.time.LocalDate diedOn, String actor, String reason) {
        List<Long> householdIds = jdbc.sql("select distinct household_id from household_member where id_number = ? and died_on is null")
                .param(idNumber).query(Long.class).list();
        int marked = jdbc.sql("update household_member set died_on = ? where id_number = ? and died_on is null")
                .params(diedOn, idNumber).update();
        for (Long householdId : householdIds) {
            audit.record("HOUSEHOLD", householdId, householdId, null, "MEMBER_DIED", actor, reason, null,
                    Map.of("idNumber", ResidentIdNumber.parse(idNumber).masked(), "diedOn", diedOn.toString()));
        }
        return marked;
    }

    /**
     * 户籍迁出: every living row of the ID number gets {@code moved_out_on} (audit {@code MEMBER_MOVED_OUT} on each
     * household); returns the rows marked. The household file keeps the member, dated.
     */
    public int recordMoveOut(String idNumber, java.time.LocalDate movedOn, String actor, String reason) {
        List<Long> householdIds = jdbc.sql("""
                select distinct household_id from household_member
                where id_number = ? and died_on is null and moved_out_on is null""").param(idNumber).query(Long.class).list();
        int marked = jdbc.sql("update household_member set moved_out_on = ? where id_number = ? and died_on is null and moved_out_on is null")
                .params(movedOn, idNumber).update();
        for (Long householdId : householdIds) {
            audit.record("HOUSEHOLD", householdId, householdId, null, "MEMBER_MOVED_OUT", actor, reason, null,
                    Map.of("idNumber", ResidentIdNumber.parse(idNumber).masked(), "movedOutOn", movedOn.toString()));
        }
        return marked;
    }

    /** A household member's ID number and name whose head has died, and the living members who may succeed. */
    public record HeadSuccession(String deceasedHeadName, List<Member> livingMembers) {
    }

    /** When the household's head has died (death recorded), who is left to become head; empty while the head lives. */
    public Optional<HeadSuccession> headSuccession(long householdId) {
        List<Member> all = members(householdId, false);
        List<Member> living = members(householdId, true);
        return all.stream().filter(m -> m.relation() == Relation.HEAD)
                .filter(head -> living.stream().noneMatch(m -> m.id().equals(head.id())))
                .findFirst().map(head -> new HeadSuccession(head.name(), living));
    }

    /**
     * 变更户主 after the head's death: the living member becomes head (and so the payee of the household's payments);
     * the deceased former head is kept as 其他. The other members' relations stay as recorded (to the former head).
     */
    public void succeedDeceasedHead(long householdId, String newHeadIdNumber, String actor, String reason) {
        int demoted = jdbc.sql("""
                update household_member set relation = 'OTHER'
                where household_id = ? and relation = 'HEAD' and died_on is not null""").param(householdId).update();
        int promoted = jdbc.sql("""
                update household_member set relation = 'HEAD'
                where household_id = ? and id_number = ? and died_on is null""").params(householdId, newHeadIdNumber).update();
        if (demoted != 1 || promoted != 1) {
            throw new IllegalStateException("household " + householdId + ": head succession changed " + demoted + "/" + promoted + " rows");
        }
        audit.record("HOUSEHOLD", householdId, householdId, null, "HEAD_CHANGED", actor, reason, null,
                Map.of("newHead", ResidentIdNumber.parse(newHeadIdNumber).masked()));
    }

    private Optional<Household> findWhere(String condition, long parameter) {
        return findWhere(condition, parameter, false);
    }

    private Optional<Household> findWhere(String condition, long parameter, boolean livingOnly) {
        return jdbc.sql("""
                select id, township_code, community_code, address, bank_name, bank_account, assets_description,
                       assets_value, water_monthly, electricity_monthly, gas_monthly, heating_monthly
                from household""" + " where " + condition)
                .param(parameter)
                .query((rs, n) -> new Household(rs.getLong("id"), rs.getString("township_code"),
                        rs.getString("community_code"), rs.getString("address"), rs.getString("bank_name"),
                        rs.getString("bank_account"), rs.getString("assets_description"), rs.getBigDecimal("assets_value"),
                        new UtilitySpending(rs.getBigDecimal("water_monthly"), rs.getBigDecimal("electricity_monthly"),
                                rs.getBigDecimal("gas_monthly"), rs.getBigDecimal("heating_monthly")),
                        List.of()))
                .optional()
                .map(h -> new Household(h.id(), h.townshipCode(), h.communityCode(), h.address(), h.bankName(),
                        h.bankAccount(), h.assetsDescription(), h.assetsValue(), h.utilities(), members(h.id(), livingOnly)));
    }

    private List<Member> members(long householdId, boolean livingOnly) {
        Map<Long, List<Income>> incomes = new LinkedHashMap<>();
        jdbc.sql("""
                select i.member_id, i.income_type, i.monthly_amount from income_item i
                join household_member m on m.id = i.member_id where m.household_id = ? order by i.id""")
                .param(householdId)
                .query(rs -> {
                    incomes.computeIfAbsent(rs.getLong("member_id"), k -> new ArrayList<>())
                            .add(new Income(IncomeType.valueOf(rs.getString("income_type")), rs.getBigDecimal("monthly_amount")));
                });
        return jdbc.sql("""
                select id, name, id_number, relation, employment_status, disability_level
                from household_member where household_id = ?""" + (livingOnly ? " and died_on is null and moved_out_on is null" : "") + " order by id")
                .param(householdId)
                .query((rs, n) -> new Member(rs.getLong("id"), rs.getString("name"),
                        ResidentIdNumber.parse(rs.getString("id_number")), Relation.valueOf(rs.getString("relation")),
                        EmploymentStatus.valueOf(rs.getString("employment_status")),
                        DisabilityLevel.valueOf(rs.getString("disability_level")),
                        List.copyOf(incomes.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }

    /** Which of these ID numbers belong to a household member on record (asked 500 at a time). */
    public java.util.Set<String> knownIdNumbers(List<String> idNumbers) {
        java.util.Set<String> known = new java.util.HashSet<>();
        for (int from = 0; from < idNumbers.size(); from += 500) {
            known.addAll(jdbc.sql("select distinct id_number from household_member where id_number in (:ids)")
                    .param("ids", idNumbers.subList(from, Math.min(idNumbers.size(), from + 500)))
                    .query(String.class).list());
        }
        return known;
    }

    /**
     * The newest record (家庭档案) of a person: the household that holds the newest member row of the ID number, where
     * a new enrolment of the person goes, with what a roster import compares with its file.
     */
    public record PersonRecord(String idNumber, String name, long householdId, String townshipCode, String communityCode,
                               String bankAccount, boolean died, boolean movedOut) {
    }

    /** The newest record of each of these ID numbers that is on record (asked 500 at a time). */
    public Map<String, PersonRecord> newestRecords(List<String> idNumbers) {
        Map<String, PersonRecord> records = new LinkedHashMap<>();
        List<String> distinct = idNumbers.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 500) {
            jdbc.sql("""
                    select m.id_number, m.name, m.household_id, h.township_code, h.community_code, h.bank_account,
                        m.died_on, m.moved_out_on
                    from household_member m join household h on h.id = m.household_id
                    where m.id_number in (:ids)
                      and m.id = (select max(m2.id) from household_member m2 where m2.id_number = m.id_number)""")
                    .param("ids", distinct.subList(from, Math.min(distinct.size(), from + 500)))
                    .query((rs, n) -> new PersonRecord(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getObject(7) != null, rs.getObject(8) != null))
                    .list().forEach(r -> records.put(r.idNumber(), r));
        }
        return records;
    }

    /** A household as a roster import takes it in: its members with their monthly incomes, the head among them. */
    public record ImportedHousehold(String townshipCode, String communityCode, String address, String bankName,
                                    String bankAccount, List<ImportedMember> members) {
    }

    public record ImportedMember(String name, ResidentIdNumber idNumber, Relation relation,
                                 EmploymentStatus employmentStatus, DisabilityLevel disabilityLevel,
                                 BigDecimal wageIncome, BigDecimal otherIncome) {
    }

    /**
     * Inserts the households of one import chunk with their members and incomes in batched statements (no
     * audit entry per household: the import records its cases and itself). Returns the new ids in order.
     */
    public List<Long> insertAll(List<ImportedHousehold> households, long importBatchId, Timestamp createdAt) {
        List<Long> ids = insertHouseholds(households, importBatchId, createdAt);
        List<Object[]> members = new ArrayList<>();
        List<ImportedMember> memberOrder = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            long householdId = ids.get(i);
            for (ImportedMember m : households.get(i).members()) {
                ResidentIdNumber id = m.idNumber();
                members.add(new Object[] {householdId, m.name(), id.value(), Date.valueOf(id.birthDate()), id.sex().name(),
                        m.relation().name(), m.employmentStatus().name(), m.disabilityLevel().name()});
                memberOrder.add(m);
            }
        }
        // the members' ids come back with the insert: their incomes refer to them as plain values
        List<Long> memberIds = BatchInserts.insertReturningIds(template, """
                insert into household_member (household_id, name, id_number, birth_date, sex, relation, employment_status,
                    disability_level) values (?, ?, ?, ?, ?, ?, ?, ?)""", members);
        List<Object[]> incomes = new ArrayList<>();
        for (int i = 0; i < memberOrder.size(); i++) {
            ImportedMember m = memberOrder.get(i);
            if (m.wageIncome().signum() > 0) {
                incomes.add(new Object[] {memberIds.get(i), IncomeType.WAGE.name(), m.wageIncome()});
            }
            if (m.otherIncome().signum() > 0) {
                incomes.add(new Object[] {memberIds.get(i), IncomeType.OTHER.name(), m.otherIncome()});
            }
        }
        if (!incomes.isEmpty()) {
            BatchInserts.insert(template, "insert into income_item (member_id, income_type, monthly_amount) values (?, ?, ?)", incomes);
        }
        return ids;
    }

    private List<Long> insertHouseholds(List<ImportedHousehold> households, long importBatchId, Timestamp createdAt) {
        return BatchInserts.insertReturningIds(template, """
                insert into household (township_code, community_code, address, bank_name, bank_account, created_at,
                    import_batch_id) values (?, ?, ?, ?, ?, ?, ?)""", households.stream().map(h -> new Object[] {
                        h.townshipCode(), h.communityCode(), h.address(), h.bankName(), h.bankAccount(), createdAt,
                        importBatchId}).toList());
    }

    // community reorganisation

    /** Where a household is registered: its township and community. */
    public record Area(String townshipCode, String communityCode) {
    }

    /**
     * Moves a household to a community (and the community's township), with its audit entry. Returns where it
     * was, or empty when it is there already (nothing written then).
     */
    public Optional<Area> moveToArea(long householdId, String townshipCode, String communityCode, String actor,
                                     String reason) {
        Area before = jdbc.sql("select township_code, community_code from household where id = ?").param(householdId)
                .query((rs, n) -> new Area(rs.getString(1), rs.getString(2))).single();
        if (townshipCode.equals(before.townshipCode()) && communityCode.equals(before.communityCode())) {
            return Optional.empty();
        }
        jdbc.sql("update household set township_code = ?, community_code = ? where id = ?")
                .params(townshipCode, communityCode, householdId).update();
        audit.record("HOUSEHOLD", householdId, householdId, null, "REORGANISED", actor, reason,
                Map.of("townshipCode", before.townshipCode(), "communityCode", before.communityCode()),
                Map.of("townshipCode", townshipCode, "communityCode", communityCode));
        return Optional.of(before);
    }

    /** Ids of the households registered in a village / community, in order. */
    public List<Long> idsInCommunity(String communityCode) {
        return jdbc.sql("select id from household where community_code = ? order by id").param(communityCode)
                .query(Long.class).list();
    }

    /** Where the household of a 低保 case is registered. */
    public Optional<Area> areaOfCase(long caseId) {
        return jdbc.sql("""
                select h.township_code, h.community_code from dibao_case c join household h on h.id = c.household_id
                where c.id = ?""").param(caseId).query((rs, n) -> new Area(rs.getString(1), rs.getString(2))).optional();
    }
}

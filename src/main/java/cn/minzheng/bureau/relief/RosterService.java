package cn.minzheng.bureau.relief;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.household.Problems;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * Registers a township's affected households (拉网式排查) on a disaster's roster. Every row is
 * checked before anything is written, by the roster's rules ({@link DisasterRosterRules}, which the import
 * applies too), and nobody twice; a person in an approved 低保 case is linked to it (allocation priority).
 */
@Service
public class RosterService {

    private final RosterRepository roster;
    private final DisasterRepository disasters;
    private final RegionRepository regions;
    private final JdbcClient jdbc;

    public RosterService(RosterRepository roster, DisasterRepository disasters, RegionRepository regions, JdbcClient jdbc) {
        this.roster = roster;
        this.disasters = disasters;
        this.regions = regions;
        this.jdbc = jdbc;
    }

    /** Removes the listed people (corrections after a send-back), then adds the rows; all or nothing. */
    @Transactional
    public int register(long disasterId, String townshipCode, List<Map<String, Object>> rows, List<String> removeIdNumbers,
                        String actor) {
        Region township = regions.find(townshipCode).orElseThrow(() -> RuleViolation.notFound("乡镇（街道）" + townshipCode));
        DisasterRosterRules rules = new DisasterRosterRules(regions.current(), Set.of(townshipCode),
                new HashSet<>(disasters.villages(disasterId)));
        List<AffectedHousehold> households = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            AffectedHousehold household = read(rules, rows.get(i), "第" + (i + 1) + "户：", township);
            if (!seen.add(household.idNumber().value())) {
                throw new RuleViolation("DUPLICATE_PERSON", "第" + (i + 1) + "户：" + household.headName() + "（"
                        + household.idNumber().masked() + "）在本次登记中重复出现，同一人只能登记一次", 409);
            }
            households.add(household);
        }
        for (String idNumber : removeIdNumbers) {
            String id = ResidentIdNumber.parse(idNumber).value();
            if (roster.remove(disasterId, townshipCode, id) == 0) {
                throw new RuleViolation("NOT_ON_ROSTER", "要删除的身份证号" + ResidentIdNumber.parse(id).masked() + "不在本乡镇的登记册中");
            }
        }
        for (AffectedHousehold household : households) {
            roster.townshipOf(disasterId, household.idNumber().value()).ifPresent(other -> {
                throw new RuleViolation("DUPLICATE_PERSON", household.headName() + "（" + household.idNumber().masked()
                        + "）已在本次灾害的" + regions.find(other).map(Region::name).orElse(other)
                        + "登记册中，同一人不能重复登记", 409);
            });
            roster.insert(disasterId, household, actor);
        }
        if (roster.count(disasterId, townshipCode) == 0) {
            throw new RuleViolation("EMPTY_ROSTER", "登记册中还没有受灾户，请至少登记一户");
        }
        disasters.rosterRegistered(disasterId, townshipCode, actor);
        return households.size();
    }

    /** A row of the roster form, by the roster's rules ({@link DisasterRosterRules}): the first problem refuses it. */
    private AffectedHousehold read(DisasterRosterRules rules, Map<String, Object> row, String at, Region township) {
        AffectedHousehold household = rules.check(column -> FORM_FIELDS.containsKey(column)
                ? row.get(FORM_FIELDS.get(column)) : column == DisasterRosterColumns.NEEDS
                ? DisasterRosterRules.needsText(row) : null, township, Problems.firstThrows(at));
        return withDibaoCase(household);
    }

    private AffectedHousehold withDibaoCase(AffectedHousehold h) {
        return new AffectedHousehold(null, h.townshipCode(), h.villageCode(), h.headName(), h.idNumber(), h.address(),
                h.persons(), h.category(), approvedDibaoCase(h.idNumber().value()), h.disabledMember(), h.cropLossMu(),
                h.houseDamage(), h.damagedRooms(), h.deaths(), h.deceasedNames(), h.winterReliefPersons(),
                h.needsFood(), h.needsClothing(), h.needsQuilts(), h.needsHouseRepair(), h.needAmount(), null, false,
                false);
    }

    /** The roster form's field of each template column (the needs: four flags, see {@link DisasterRosterRules}). */
    private static final Map<Integer, String> FORM_FIELDS = Map.ofEntries(
            Map.entry(DisasterRosterColumns.VILLAGE, "villageCode"), Map.entry(DisasterRosterColumns.HEAD_NAME, "headName"),
            Map.entry(DisasterRosterColumns.ID_NUMBER, "idNumber"), Map.entry(DisasterRosterColumns.ADDRESS, "address"),
            Map.entry(DisasterRosterColumns.PERSONS, "persons"), Map.entry(DisasterRosterColumns.CATEGORY, "category"),
            Map.entry(DisasterRosterColumns.DISABLED_MEMBER, "disabledMember"),
            Map.entry(DisasterRosterColumns.CROP_LOSS, "cropLossMu"),
            Map.entry(DisasterRosterColumns.HOUSE_DAMAGE, "houseDamage"),
            Map.entry(DisasterRosterColumns.DAMAGED_ROOMS, "damagedRooms"),
            Map.entry(DisasterRosterColumns.DEATHS, "deaths"),
            Map.entry(DisasterRosterColumns.DECEASED_NAMES, "deceasedNames"),
            Map.entry(DisasterRosterColumns.WINTER_RELIEF, "winterReliefPersons"),
            Map.entry(DisasterRosterColumns.NEED_AMOUNT, "needAmount"));

    /** The approved 低保 case a person belongs to, if any (allocation priority). */
    public Long approvedDibaoCase(String idNumber) {
        return jdbc.sql("""
                select c.id from dibao_case_person p join dibao_case c on c.id = p.case_id
                where p.open_id_number = ? and c.status = ?""")
                .params(idNumber, CaseStatus.APPROVED.name()).query(Long.class).optional().orElse(null);
    }
}

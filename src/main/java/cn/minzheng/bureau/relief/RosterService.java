package cn.minzheng.bureau.relief;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.Quantities;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.household.Labelled;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * Registers a township's affected households (拉网式排查) on a disaster's roster. Every row is
 * checked before anything is written: a valid ID number, a village of the disaster's affected area
 * in this township, nobody twice; a person in an approved 低保 case is linked to it (allocation
 * priority).
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
        List<String> villages = disasters.villages(disasterId);
        List<AffectedHousehold> households = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            AffectedHousehold household = read(rows.get(i), "第" + (i + 1) + "户：", townshipCode, villages);
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
            roster.townshipOf(disasterId, household.idNumber().value()).ifPresent(township -> {
                throw new RuleViolation("DUPLICATE_PERSON", household.headName() + "（" + household.idNumber().masked()
                        + "）已在本次灾害的" + regions.find(township).map(Region::name).orElse(township)
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

    private AffectedHousehold read(Map<String, Object> row, String at, String townshipCode, List<String> villages) {
        try {
            String name = JsonRows.text(row, "headName");
            if (name == null || name.length() > 30) {
                throw new RuleViolation("MISSING_FIELD", "户主姓名不能为空，且不超过30个字");
            }
            ResidentIdNumber idNumber = ResidentIdNumber.parse(JsonRows.text(row, "idNumber"));
            String village = JsonRows.text(row, "villageCode");
            Region region = village == null ? null : regions.find(village).orElse(null);
            if (region == null || !villages.contains(village) || !townshipCode.equals(region.parentCode())) {
                String place = region == null ? "“" + village + "”" : region.name();
                throw new RuleViolation("OUTSIDE_AFFECTED_AREA", name + "所在的" + place
                        + "不在本次灾害本乡镇（街道）的受灾村（社区）范围内，不能登记");
            }
            String address = JsonRows.text(row, "address");
            if (address == null || address.length() > 200) {
                throw new RuleViolation("MISSING_FIELD", "住址不能为空，且不超过200个字");
            }
            int persons = (int) Quantities.whole(row.get("persons"), "家庭人口", 1, 30);
            HouseholdCategory category = Labelled.parse(HouseholdCategory.class, row.get("category"), "受灾户类别");
            HouseDamage damage = Labelled.parse(HouseDamage.class, row.get("houseDamage"), "房屋受损情况");
            int rooms = (int) Quantities.whole(row.get("collapsedRooms"), "倒塌房屋间数", 0, 50);
            if (damage == HouseDamage.COLLAPSED && rooms == 0) {
                throw new RuleViolation("MISSING_FIELD", "房屋倒塌的，须填写倒塌房屋间数");
            }
            if (damage != HouseDamage.COLLAPSED && rooms > 0) {
                throw new RuleViolation("INCONSISTENT", "房屋未倒塌，倒塌房屋间数应为0");
            }
            int deaths = (int) Quantities.whole(row.get("deaths"), "因灾死亡人数", 0, persons);
            String deceased = JsonRows.text(row, "deceasedNames");
            if (deaths > 0 && deceased == null) {
                throw new RuleViolation("MISSING_FIELD", "有因灾死亡人口的，须填写死亡人员姓名");
            }
            int winter = (int) Quantities.whole(row.get("winterReliefPersons"), "冬春需政府救济人口", 0, persons);
            BigDecimal cropLoss = Money.parse(row.get("cropLossMu"), "农作物受灾面积（亩）");
            long need = Quantities.whole(row.get("needAmount"), "核定救助需求（元）", 0, 1_000_000);
            return new AffectedHousehold(null, townshipCode, village, name, idNumber, address, persons, category,
                    approvedDibaoCase(idNumber.value()), JsonRows.flag(row, "disabledMember"), cropLoss, damage, rooms,
                    deaths, deceased, winter, JsonRows.flag(row, "needsFood"), JsonRows.flag(row, "needsClothing"),
                    JsonRows.flag(row, "needsQuilts"), JsonRows.flag(row, "needsHouseRepair"),
                    Money.of(BigDecimal.valueOf(need)), null, false, false);
        } catch (RuleViolation e) {
            throw new RuleViolation(e.getErrorCode(), at + e.getMessage(), e.getHttpStatus());
        }
    }

    /** The approved 低保 case a person belongs to, if any (allocation priority). */
    public Long approvedDibaoCase(String idNumber) {
        return jdbc.sql("""
                select c.id from dibao_case_person p join dibao_case c on c.id = p.case_id
                where p.open_id_number = ? and c.status = 'APPROVED'""")
                .param(idNumber).query(Long.class).optional().orElse(null);
    }
}

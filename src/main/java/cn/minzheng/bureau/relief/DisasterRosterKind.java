package cn.minzheng.bureau.relief;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.importing.kind.RosterBatch;
import cn.minzheng.bureau.importing.kind.RosterKind;
import cn.minzheng.bureau.importing.kind.StagedRow;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The disaster roster (受灾户名册): the affected households of one disaster whose roster is being registered
 * (灾情核查中), one row per household, registered as the roster task registers them. The administrator and the
 * head of disaster relief (区救灾科) import it.
 */
@Component
@Order(2)
public class DisasterRosterKind implements RosterKind {

    private final DisasterRepository disasters;
    private final RosterRepository roster;
    private final RosterService rosterService;
    private final RegionRepository regions;

    public DisasterRosterKind(DisasterRepository disasters, RosterRepository roster, RosterService rosterService,
                              RegionRepository regions) {
        this.disasters = disasters;
        this.roster = roster;
        this.rosterService = rosterService;
        this.regions = regions;
    }

    @Override
    public String code() {
        return "DISASTER";
    }

    @Override
    public String label() {
        return "受灾户名册";
    }

    @Override
    public String templateFile() {
        return "受灾户名册导入模板.xlsx";
    }

    @Override
    public List<String> headers() {
        return DisasterRosterColumns.HEADERS;
    }

    @Override
    public List<String> notes() {
        return DisasterRosterColumns.NOTES;
    }

    @Override
    public List<Object[]> exampleRows() {
        return List.<Object[]>of(new Object[] {"岳村乡", "东岳村", "王建设", "11010519491231002X", "东岳村5号", "3", "重灾户",
                "否", new BigDecimal("4.50"), "倒塌", "2", "0", null, "3", "口粮、被褥", "3000"});
    }

    @Override
    public List<String> importers() {
        return List.of(Groups.ADMIN, Groups.RELIEF_HEAD);
    }

    @Override
    public String importersOnly() {
        return "只有系统管理员或区救灾科负责人可以导入受灾户名册";
    }

    @Override
    public String claimedMeanwhile() {
        return "文件中有人员在导入期间已被登记到本次灾害的登记册";
    }

    @Override
    public boolean scoped() {
        return true;
    }

    /** The disasters whose rosters are being registered (灾情核查中), newest first. */
    @Override
    public List<Scope> openScopes() {
        return disasters.registering().stream().map(d -> new Scope(d.id(), d.disasterNumber() + " " + d.name()))
                .toList();
    }

    /** A disaster whose roster is still being registered (灾情核查中): the only ones an import may add to. */
    @Override
    public Long checkScope(Long disasterId) {
        return openDisaster(disasterId).id();
    }

    private Disaster openDisaster(Long disasterId) {
        if (disasterId == null) {
            throw new RuleViolation("DISASTER_REQUIRED", "导入受灾户名册须选择所属的灾害事件", 400);
        }
        Disaster disaster = disasters.find(disasterId)
                .orElseThrow(() -> new RuleViolation("DISASTER_NOT_FOUND", "灾害事件" + disasterId + "不存在", 404));
        if (disaster.status() != DisasterStatus.REGISTERED) {
            throw new RuleViolation("DISASTER_ROSTER_CLOSED", disaster.disasterNumber() + " " + disaster.name() + "当前为“"
                    + disaster.status().label() + "”，登记造册已结束，不能再导入受灾户", 409);
        }
        return disaster;
    }

    @Override
    public RowChecker checker(RosterBatch batch) {
        Disaster disaster = openDisaster(batch.scopeId());
        return new DisasterRosterChecker(disaster.id(), new DisasterRosterRules(regions.current(),
                new HashSet<>(disasters.townships(disaster.id())), new HashSet<>(disasters.villages(disaster.id()))),
                roster);
    }

    /**
     * Each staged row becomes an entry of the disaster's roster as the roster task registers it
     * ({@link RosterRepository#insert}: its audit event, priority tier and 低保 link); the entries name the batch.
     */
    @Override
    public Writer writer(RosterBatch batch, String actor, String reason) {
        if (disasters.get(batch.scopeId()).status() != DisasterStatus.REGISTERED) {
            throw new RuleViolation("DISASTER_ROSTER_CLOSED", "该灾害的登记造册已结束，不能再导入受灾户", 409);
        }
        return new Writer() {
            @Override
            public int write(List<List<StagedRow>> households) {
                for (List<StagedRow> rows : households) {
                    for (StagedRow row : rows) {
                        roster.insert(batch.scopeId(), affectedHousehold(row.payload), actor);
                    }
                }
                return 0;
            }

            @Override
            public Map<String, Object> finish(int rows, int households) {
                roster.markImported(batch.scopeId(), batch.id());
                return Map.of("kind", code(), "disasterId", batch.scopeId(), "fileName", batch.fileName(), "rows", rows);
            }
        };
    }

    private AffectedHousehold affectedHousehold(String payload) {
        if (payload == null) {
            throw new IllegalStateException("a staged disaster roster row without values in a validated batch");
        }
        Map<String, Object> v;
        try {
            v = DisasterRosterChecker.JSON.readValue(payload, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ResidentIdNumber id = ResidentIdNumber.parse((String) v.get("idNumber"));
        return new AffectedHousehold(null, (String) v.get("townshipCode"), (String) v.get("villageCode"),
                (String) v.get("headName"), id, (String) v.get("address"), number(v, "persons"),
                HouseholdCategory.valueOf((String) v.get("category")), rosterService.approvedDibaoCase(id.value()),
                Boolean.TRUE.equals(v.get("disabledMember")), Money.of(new BigDecimal(v.get("cropLossMu").toString())),
                HouseDamage.valueOf((String) v.get("houseDamage")), number(v, "damagedRooms"), number(v, "deaths"),
                (String) v.get("deceasedNames"), number(v, "winterReliefPersons"), Boolean.TRUE.equals(v.get("needsFood")),
                Boolean.TRUE.equals(v.get("needsClothing")), Boolean.TRUE.equals(v.get("needsQuilts")),
                Boolean.TRUE.equals(v.get("needsHouseRepair")), Money.of(new BigDecimal(v.get("needAmount").toString())),
                null, false, false);
    }

    private static int number(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).intValue();
    }
}

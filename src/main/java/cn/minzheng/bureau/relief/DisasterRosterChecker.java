package cn.minzheng.bureau.relief;

import static cn.minzheng.bureau.relief.DisasterRosterColumns.ID_NUMBER;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.household.Problems;
import cn.minzheng.bureau.importing.kind.RosterKind;
import cn.minzheng.bureau.importing.kind.StagedRow;

/**
 * Checks the rows of a disaster roster workbook one by one with the roster's rules ({@link DisasterRosterRules}),
 * every problem of a row reported, not only the first; nobody twice in the file, nor already on the disaster's
 * roster (asked of the database a chunk at a time). An accepted row keeps its values as JSON for the commit.
 */
final class DisasterRosterChecker implements RosterKind.RowChecker {

    static final ObjectMapper JSON = new ObjectMapper();

    private final long disasterId;
    private final DisasterRosterRules rules;
    private final RosterRepository roster;
    private final Set<String> seenIds = new HashSet<>();

    DisasterRosterChecker(long disasterId, DisasterRosterRules rules, RosterRepository roster) {
        this.disasterId = disasterId;
        this.rules = rules;
        this.roster = roster;
    }

    @Override
    public List<StagedRow> row(int rowNumber, String[] cells) {
        StagedRow row = new StagedRow(rowNumber, String.valueOf(rowNumber));
        Problems problems = Problems.collectAll();
        AffectedHousehold household = rules.check(column -> cells[column], null, problems);
        problems.list().forEach(p -> row.reject(p.column(), p.message()));
        String name = DisasterRosterRules.text(cells[DisasterRosterColumns.HEAD_NAME]);
        row.name = household != null ? household.headName() : name != null && name.length() <= 30
                && cn.minzheng.bureau.common.TextRules.nameProblem("户主姓名", name) == null ? name : null;
        String id = DisasterRosterRules.text(cells[ID_NUMBER]);
        row.idNumber = household != null ? household.idNumber().value() : validId(id);
        if (row.idNumber != null && !seenIds.add(row.idNumber)) {
            row.reject(ID_NUMBER, "公民身份号码" + row.idNumber + "在文件中重复出现（同一人只能登记一次）");
        }
        if (household != null) {
            row.townshipCode = household.townshipCode();
            row.communityCode = household.villageCode();
            row.address = household.address();
        }
        if (household != null && row.status() != StagedRow.Status.REJECTED) {
            row.payload = payload(household);
        }
        return List.of(row);
    }

    private static String validId(String raw) {
        try {
            return cn.minzheng.bureau.household.ResidentIdNumber.parse(raw).value();
        } catch (cn.minzheng.bureau.common.RuleViolation e) {
            return null;
        }
    }

    @Override
    public List<StagedRow> finish() {
        return List.of();
    }

    @Override
    public void checkAgainstRecords(List<StagedRow> chunk) {
        Set<String> known = roster.onRoster(disasterId, chunk.stream().map(r -> r.idNumber)
                .filter(java.util.Objects::nonNull).toList());
        for (StagedRow row : chunk) {
            if (row.idNumber != null && known.contains(row.idNumber)) {
                row.reject(ID_NUMBER, "公民身份号码" + row.idNumber + "已在本次灾害的登记册中，同一人不能重复登记");
                row.payload = null;
            }
        }
    }

    /** The entry's values as the commit reads them back ({@link #fromPayload}). */
    static String payload(AffectedHousehold h) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("townshipCode", h.townshipCode());
        values.put("villageCode", h.villageCode());
        values.put("headName", h.headName());
        values.put("idNumber", h.idNumber().value());
        values.put("address", h.address());
        values.put("persons", h.persons());
        values.put("category", h.category().name());
        values.put("disabledMember", h.disabledMember());
        values.put("cropLossMu", h.cropLossMu());
        values.put("houseDamage", h.houseDamage().name());
        values.put("damagedRooms", h.damagedRooms());
        values.put("deaths", h.deaths());
        values.put("deceasedNames", h.deceasedNames());
        values.put("winterReliefPersons", h.winterReliefPersons());
        values.put("needsFood", h.needsFood());
        values.put("needsClothing", h.needsClothing());
        values.put("needsQuilts", h.needsQuilts());
        values.put("needsHouseRepair", h.needsHouseRepair());
        values.put("needAmount", h.needAmount().longValue());
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

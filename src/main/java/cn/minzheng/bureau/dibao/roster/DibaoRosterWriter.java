package cn.minzheng.bureau.dibao.roster;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.minzheng.bureau.audit.AuditEntry;
import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.DibaoCaseRepository.ImportedCase;
import cn.minzheng.bureau.dibao.StandardService;
import cn.minzheng.bureau.dibao.StandardService.Standard;
import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdRepository.ImportedHousehold;
import cn.minzheng.bureau.household.HouseholdRepository.ImportedMember;
import cn.minzheng.bureau.household.Relation;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.importing.kind.ChangedSinceValidation;
import cn.minzheng.bureau.importing.kind.ChangedSinceValidation.Refusal;
import cn.minzheng.bureau.importing.kind.RosterBatch;
import cn.minzheng.bureau.importing.kind.RosterKind;
import cn.minzheng.bureau.importing.kind.StagedRow;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.engine.EngineClock;

/**
 * Writes the chunks of a validated 低保 roster through the tables' owners, in batched statements: the households
 * with their members and incomes, then their cases, active (已批准（在保）) from their start month with a status
 * entry naming the import, then one audit entry per case. Before a chunk is written its persons meet the rules again
 * ({@link DibaoRosterRecords#refusedAtCommit}, one lookup per chunk): a person enrolled since validation in a program
 * that excludes 低保 fails the whole commit.
 */
final class DibaoRosterWriter implements RosterKind.Writer {

    private final RosterBatch batch;
    private final String actor;
    private final String reason;
    private final StandardService standards;
    private final HouseholdRepository households;
    private final DibaoCaseRepository cases;
    private final AuditTrail audit;
    private final Function<List<StagedRow>, List<Refusal>> recheck;
    private final Map<String, AreaType> areas = new HashMap<>();
    private final Map<AreaType, Map<CaseCategory, Standard>> standardCache = new EnumMap<>(AreaType.class);

    DibaoRosterWriter(RosterBatch batch, String actor, String reason, RegionRepository regions, StandardService standards,
                      HouseholdRepository households, DibaoCaseRepository cases, AuditTrail audit,
                      Function<List<StagedRow>, List<Refusal>> recheck) {
        this.batch = batch;
        this.actor = actor;
        this.reason = reason;
        this.standards = standards;
        this.households = households;
        this.cases = cases;
        this.audit = audit;
        this.recheck = recheck;
        regions.townships().forEach(t -> areas.put(t.code(), t.kind().areaType()));
    }

    @Override
    public int write(List<List<StagedRow>> groups) {
        ChangedSinceValidation.refuseIfAny(recheck.apply(groups.stream().flatMap(List::stream).toList()));
        Timestamp now = Timestamp.from(EngineClock.instant());
        List<StagedRow> heads = groups.stream().map(DibaoRosterWriter::head).toList();
        List<Long> householdIds = households.insertAll(groups.stream().map(DibaoRosterWriter::household).toList(),
                batch.id(), now);
        List<ImportedCase> newCases = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            newCases.add(importedCase(householdIds.get(i), heads.get(i), groups.get(i)));
        }
        List<Long> caseIds = cases.insertAll(newCases, batch.id(), actor, now);
        List<AuditEntry> entries = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            entries.add(new AuditEntry("DIBAO_CASE", caseIds.get(i), householdIds.get(i), caseIds.get(i),
                    "IMPORTED", actor, reason, null, auditState(heads.get(i), groups.get(i).size())));
        }
        audit.recordAll(entries);
        return groups.size();
    }

    @Override
    public Map<String, Object> finish(int rows, int householdCount) {
        cases.numberImportedCases(batch.id()); // every case of the batch is in: one statement numbers them all
        return Map.of("fileName", batch.fileName(), "rows", rows, "households", householdCount);
    }

    private static StagedRow head(List<StagedRow> group) {
        return group.stream().filter(StagedRow::isHead).findFirst()
                .orElseThrow(() -> new IllegalStateException("household without head in a validated batch"));
    }

    private static ImportedHousehold household(List<StagedRow> group) {
        StagedRow h = head(group);
        return new ImportedHousehold(h.townshipCode, h.communityCode, h.address, h.bankName, h.bankAccount,
                group.stream().map(m -> new ImportedMember(m.name, ResidentIdNumber.parse(m.idNumber),
                        Relation.valueOf(m.relation), EmploymentStatus.valueOf(m.employmentStatus),
                        DisabilityLevel.valueOf(m.disabilityLevel), m.wageIncome, m.otherIncome)).toList());
    }

    /** The case of a household: the standard of its area and category, its per-capita income, the roster's amount. */
    private ImportedCase importedCase(long householdId, StagedRow head, List<StagedRow> group) {
        AreaType area = areas.get(head.townshipCode);
        CaseCategory category = CaseCategory.valueOf(head.category);
        Standard standard = standardCache.computeIfAbsent(area, a -> new EnumMap<>(CaseCategory.class))
                .computeIfAbsent(category, c -> standards.standardFor(area, c));
        BigDecimal income = group.stream().map(r -> r.wageIncome.add(r.otherIncome)).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal perCapita = income.divide(BigDecimal.valueOf(group.size()), 2, RoundingMode.HALF_UP);
        return new ImportedCase(head.rowNumber, householdId, head.townshipCode, category, perCapita,
                standard.monthlyStandard(), standard.categoryAddition(), Money.of(head.monthlyAmount), head.startMonth,
                group.stream().map(r -> r.idNumber).toList(), reason + "，自" + head.startMonth + "起在保");
    }

    private Map<String, Object> auditState(StagedRow head, int members) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("importBatchId", batch.id());
        after.put("fileName", batch.fileName());
        after.put("row", head.rowNumber);
        after.put("status", CaseStatus.APPROVED.name());
        after.put("category", head.category);
        after.put("monthlyAmount", Money.of(head.monthlyAmount));
        after.put("startMonth", head.startMonth);
        after.put("members", members);
        return after;
    }
}

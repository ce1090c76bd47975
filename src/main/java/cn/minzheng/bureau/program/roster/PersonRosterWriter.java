package cn.minzheng.bureau.program.roster;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdRepository.ImportedHousehold;
import cn.minzheng.bureau.household.HouseholdRepository.ImportedMember;
import cn.minzheng.bureau.household.HouseholdRepository.PersonRecord;
import cn.minzheng.bureau.household.Relation;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.importing.kind.ChangedSinceValidation;
import cn.minzheng.bureau.importing.kind.RosterBatch;
import cn.minzheng.bureau.importing.kind.RosterKind;
import cn.minzheng.bureau.importing.kind.StagedRow;

/**
 * Writes the chunks of a validated person roster: a person with a household record (家庭档案) is enrolled on the
 * household of the newest record; a person without one first gets a household of their own from the file (the
 * person its head, in one batched insert per chunk, linked to the batch); then the program writes its case and
 * enrolment ({@link PersonRosterKind#enrol}). Before a chunk is written its persons meet the enrolment rules again
 * ({@link PersonRosterRecords#refusedAtCommit}, one lookup per chunk): a person enrolled since validation in a program
 * that excludes the roster's, or in the roster's program itself, fails the whole commit.
 */
final class PersonRosterWriter implements RosterKind.Writer {

    private final RosterBatch batch;
    private final String actor;
    private final String reason;
    private final HouseholdRepository households;
    private final PersonRosterKind kind;
    private final PersonRosterRecords records;

    PersonRosterWriter(RosterBatch batch, String actor, String reason, HouseholdRepository households,
                       PersonRosterKind kind, PersonRosterRecords records) {
        this.batch = batch;
        this.actor = actor;
        this.reason = reason;
        this.households = households;
        this.kind = kind;
        this.records = records;
    }

    @Override
    public int write(List<List<StagedRow>> groups) {
        List<StagedRow> rows = groups.stream().flatMap(List::stream).toList();
        ChangedSinceValidation.refuseIfAny(records.refusedAtCommit(rows));
        Map<String, PersonRecord> records = households.newestRecords(rows.stream().map(r -> r.idNumber).toList());
        List<StagedRow> newPersons = rows.stream().filter(r -> !records.containsKey(r.idNumber)).toList();
        List<Long> newHouseholds = newPersons.isEmpty() ? List.of() : households.insertAll(newPersons.stream().map(PersonRosterWriter::household).toList(),
                batch.id(), Timestamp.from(EngineClock.instant()));
        List<Long> householdIds = new ArrayList<>(rows.size());
        int next = 0;
        for (StagedRow row : rows) {
            PersonRecord record = records.get(row.idNumber);
            householdIds.add(record != null ? record.householdId() : newHouseholds.get(next++));
        }
        for (int i = 0; i < rows.size(); i++) {
            kind.enrol(rows.get(i), householdIds.get(i), actor, reason);
        }
        return rows.size();
    }

    @Override
    public Map<String, Object> finish(int rows, int householdCount) {
        return Map.of("kind", kind.code(), "program", kind.programCode(), "fileName", batch.fileName(), "rows", rows);
    }

    /** The household of one person, its head, as the file gives it. */
    private static ImportedHousehold household(StagedRow row) {
        return new ImportedHousehold(row.townshipCode, row.communityCode, row.address, row.bankName, row.bankAccount,
                List.of(new ImportedMember(row.name, ResidentIdNumber.parse(row.idNumber), Relation.HEAD,
                        EmploymentStatus.valueOf(row.employmentStatus),
                        row.disabilityLevel == null ? DisabilityLevel.NONE : DisabilityLevel.valueOf(row.disabilityLevel),
                        row.wageIncome, row.otherIncome)));
    }
}

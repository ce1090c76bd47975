package cn.minzheng.bureau.gaoling;

import static cn.minzheng.bureau.program.roster.PersonRosterColumns.ID_NUMBER;
import static cn.minzheng.bureau.program.roster.PersonRosterColumns.START_MONTH;

import java.time.YearMonth;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.Problems;
import cn.minzheng.bureau.importing.kind.StagedRow;
import cn.minzheng.bureau.program.CrossProgramRules;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramRegistry;
import cn.minzheng.bureau.program.roster.PersonRosterKind;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The roster of 高龄津贴 recipients (高龄津贴发放名册): each row becomes a recipient 享受中 with its enrolment, as the
 * township's confirmation of a proposal enrols one. The tier and amount are not columns: they follow from the birth
 * date in the resident ID number and gaoling-allowance.dmn ({@link GaolingAllowance}), for the current month; the
 * start month must be one in which the person was 80 already.
 */
@Component
@Order(4)
public class GaolingRosterKind extends PersonRosterKind {

    private static final Roster ROSTER = new Roster("GAOLING", "高龄津贴发放对象", "高龄津贴发放对象导入模板.xlsx",
            Program.GAOLING, List.of(), "11010519400601002");

    private final GaolingAllowance allowance;
    private final GaolingRepository repository;

    public GaolingRosterKind(RegionRepository regions, HouseholdRepository households,
                             CrossProgramRules crossProgramRules, ProgramRegistry programs, GaolingAllowance allowance,
                             GaolingRepository repository) {
        super(ROSTER, regions, households, crossProgramRules, programs);
        this.allowance = allowance;
        this.repository = repository;
    }







    @Override
    protected void checkProgram(Applicant a, String[] cells, StagedRow row, Problems problems) {
        String id = a.idNumber().value();
        if (problems.parse(START_MONTH, () -> allowance.require(id, a.startMonth())) == null) {
            return;
        }
        GaolingAllowance.Entitlement now = problems.parse(ID_NUMBER, () -> allowance.require(id, a.currentMonth()));
        if (now != null) {
            row.category = now.tier().name();
            row.monthlyAmount = now.amount();
        }
    }

    /** The tier and amount of the current month, as the monthly proposal would give them. */
    @Override
    protected void enrol(StagedRow row, long householdId, String actor, String reason) {
        repository.importRecipient(row.idNumber, row.name, householdId, row.townshipCode,
                allowance.require(row.idNumber, YearMonth.from(EngineClock.today())), row.startMonth, actor, reason);
    }
}

package cn.minzheng.bureau.program.roster;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.Problems;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.importing.kind.RosterBatch;
import cn.minzheng.bureau.importing.kind.RosterKind;
import cn.minzheng.bureau.importing.kind.StagedRow;
import cn.minzheng.bureau.program.CrossProgramRules;
import cn.minzheng.bureau.program.ProgramRegistry;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * A roster of persons already enrolled in a program of their own (特困供养, 高龄津贴, 优抚), one row per person, taken over as
 * enrolments. What every such roster shares is here: the columns of where and who ({@link PersonRosterColumns}), the
 * person's township and community, the ID number, the person's record (家庭档案: linked where the ID number is
 * known, created where not), the cross-program rules and one enrolment per person and program
 * ({@link PersonRosterRecords}, asked again at commit), and the commit ({@link PersonRosterWriter}). The program
 * adds its columns, checks them by its own rules ({@link #checkProgram}) and writes its case and enrolment as its
 * approval would ({@link #enrol}). Only the administrator imports: an import enrols without the program's procedure.
 */
public abstract class PersonRosterKind implements RosterKind {

    @Override
    public boolean rowsArePersons() {
        return true;
    }

    /** A program's column: the header, what it takes, the template's example value. */
    public record ProgramColumn(String header, String note, String example) {
    }

    /**
     * What names a person roster: its kind's code, label and template file, the program its rows are enrolled in (a
     * code of the registry), the program's columns, and the template's example person (the first 17 digits of a
     * valid ID number of the program's age; the check character is computed).
     */
    public record Roster(String code, String label, String templateFile, String programCode,
                         List<ProgramColumn> columns, String exampleIdFirst17) {
    }

    /** The person of a row as the shared columns give them, for the program's rules. */
    public record Applicant(ResidentIdNumber idNumber, String name, Region township, YearMonth startMonth,
                            EmploymentStatus employment, DisabilityLevel disability, YearMonth currentMonth) {
    }

    private final Roster roster;
    private final RegionRepository regions;
    private final HouseholdRepository households;
    private final CrossProgramRules crossProgramRules;
    private final ProgramRegistry programs;

    protected PersonRosterKind(Roster roster, RegionRepository regions, HouseholdRepository households,
                               CrossProgramRules crossProgramRules, ProgramRegistry programs) {
        this.roster = roster;
        this.regions = regions;
        this.households = households;
        this.crossProgramRules = crossProgramRules;
        this.programs = programs;
    }

    @Override
    public final String code() {
        return roster.code();
    }

    @Override
    public final String label() {
        return roster.label();
    }

    @Override
    public final String templateFile() {
        return roster.templateFile();
    }

    /** The program the rows are enrolled in (a code of the registry). */
    protected final String programCode() {
        return roster.programCode();
    }

    protected final List<ProgramColumn> programColumns() {
        return roster.columns();
    }

    private String exampleIdNumber() {
        return roster.exampleIdFirst17() + ResidentIdNumber.checkCharacter(roster.exampleIdFirst17());
    }

    /**
     * Checks the program's columns of a row ({@code cells[0]} is the program's first column; report its problems at
     * {@link #column}) by the program's own rules; sets what the staged row keeps: {@code category},
     * {@code monthlyAmount}, {@code payload}. Called only for a row whose shared columns are sound.
     */
    protected abstract void checkProgram(Applicant applicant, String[] cells, StagedRow row, Problems problems);

    /**
     * Writes the person's case and enrolment as the program's approval does (status history, frozen calculation),
     * inside the commit's transaction, on the household that holds the person's record.
     */
    protected abstract void enrol(StagedRow row, long householdId, String actor, String reason);

    /** The workbook column of the program's {@code i}-th column. */
    protected static int column(int i) {
        return PersonRosterColumns.PROGRAM_FROM + i;
    }

    protected String programName() {
        return programs.find(programCode()).map(p -> p.name()).orElse(programCode());
    }

    @Override
    public List<String> headers() {
        List<String> headers = new ArrayList<>(PersonRosterColumns.HEADERS);
        programColumns().forEach(c -> headers.add(c.header()));
        return headers;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(PersonRosterColumns.NOTES);
        programColumns().forEach(c -> notes.add(c.note()));
        return notes;
    }

    @Override
    public List<Object[]> exampleRows() {
        List<Object> row = new ArrayList<>(List.of("岳村乡", "东岳村", "东岳村8号", "中国农业银行", "6228480012345678902",
                "赵德顺", exampleIdNumber(), "丧失劳动能力", "无", YearMonth.from(EngineClock.today()).toString()));
        programColumns().forEach(c -> row.add(c.example()));
        return List.<Object[]>of(row.toArray());
    }

    @Override
    public String description() {
        return label() + "：已在享受" + programName() + "的人员，每人一行，导入后为其登记" + programName()
                + "（享受中），下月起按月发放。按" + programName() + "的认定规则逐行校验；已在本项目或按跨项目规则不能同时享受的项目中的人员被拒绝，"
                + "并写明所在项目（登记编号）；已有家庭档案的人员登记在其家庭档案上，没有的为其建立家庭档案。";
    }

    @Override
    public List<String> importers() {
        return List.of(Groups.ADMIN);
    }

    @Override
    public String importersOnly() {
        return "只有系统管理员可以导入名册";
    }

    @Override
    public String claimedMeanwhile() {
        return "文件中有人员在导入期间已被纳入" + programName() + "，请重新上传校验";
    }

    @Override
    public RowChecker checker(RosterBatch batch) {
        List<Region> current = regions.current();
        return new PersonRosterChecker(this, current, YearMonth.from(EngineClock.today()), records(current));
    }

    @Override
    public Writer writer(RosterBatch batch, String actor, String reason) {
        return new PersonRosterWriter(batch, actor, reason, households, this, records(regions.current()));
    }

    private PersonRosterRecords records(List<Region> current) {
        return new PersonRosterRecords(programCode(), programName(), households, crossProgramRules,
                current.stream().collect(Collectors.toMap(Region::code, Region::name, (a, b) -> a)));
    }
}

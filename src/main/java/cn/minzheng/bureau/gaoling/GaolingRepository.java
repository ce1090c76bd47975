package cn.minzheng.bureau.gaoling;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramCase;

/**
 * The one writer of the 高龄津贴 tables: proposals, recipients (the program's case, mirrored into its enrolment
 * through {@link EnrolmentRepository} after every change), 生存认证 rows and back pay of suspended months.
 */
@Repository
public class GaolingRepository {

    private final JdbcClient jdbc;
    private final EnrolmentRepository enrolments;

    public GaolingRepository(JdbcClient jdbc, EnrolmentRepository enrolments) {
        this.jdbc = jdbc;
        this.enrolments = enrolments;
    }

    public enum ProposalStatus { PROPOSED, CONFIRMED, NOT_CONFIRMED }

    public enum RecipientStatus { ACTIVE, SUSPENDED, ENDED }

    public enum SurvivalStatus { PENDING, CONFIRMED, NOT_CONFIRMED }

    public record Proposal(long id, String proposalMonth, String townshipCode, long householdId, String personIdNumber,
                           String personName, LocalDate birthDate, AgeTier tier, BigDecimal amount,
                           String calculationSnapshot, ProposalStatus status, String reason, String decidedBy,
                           String processInstanceId) {
    }

    public record Recipient(long id, String personIdNumber, String personName, long householdId, String townshipCode,
                            AgeTier tier, BigDecimal amount, String startMonth, RecipientStatus status,
                            String suspendedFrom, String calculationSnapshot) {
    }

    /** A registered resident born on or before a date, in the household that holds the person's latest record. */
    public record Resident(String idNumber, String name, LocalDate birthDate, long householdId, String townshipCode) {
    }

    public record SurvivalCheck(long id, int checkYear, long recipientId, String townshipCode, LocalDate deadline,
                                SurvivalStatus status, String reason, String decidedBy, String processInstanceId) {
    }

    private static final String PROPOSAL_COLUMNS = """
            id, proposal_month, township_code, household_id, person_id_number, person_name, birth_date, tier, amount,
            calculation_snapshot, status, reason, decided_by, process_instance_id""";
    private static final String RECIPIENT_COLUMNS = """
            id, person_id_number, person_name, household_id, township_code, tier, amount, start_month, status,
            suspended_from, calculation_snapshot""";
    private static final String CHECK_COLUMNS = """
            id, check_year, recipient_id, township_code, deadline, status, reason, decided_by, process_instance_id""";

    /**
     * Residents born on or before {@code bornBy}; a person recorded in several households (a later application
     * records the household again) counts once, in the latest household.
     */
    public List<Resident> residentsBornBy(LocalDate bornBy) {
        return jdbc.sql("""
                select m.id_number, m.name, m.birth_date, h.id as household_id, h.township_code
                from household_member m join household h on h.id = m.household_id
                where m.birth_date <= ? and m.died_on is null and m.moved_out_on is null
                  and m.id = (select max(m2.id) from household_member m2 where m2.id_number = m.id_number)
                order by h.township_code, m.birth_date, m.id_number""")
                .param(bornBy).query(RecordRows.of(Resident.class)).list();
    }

    // --- proposals

    public void insertProposal(String month, Resident resident, GaolingAllowance.Entitlement entitlement,
                               String processInstanceId) {
        jdbc.sql("""
                insert into gaoling_proposal (proposal_month, township_code, household_id, person_id_number, person_name,
                    birth_date, tier, amount, calculation_snapshot, status, process_instance_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(month, resident.townshipCode(), resident.householdId(), resident.idNumber(), resident.name(),
                        resident.birthDate(), entitlement.tier().name(), entitlement.amount(), entitlement.snapshot(),
                        ProposalStatus.PROPOSED.name(), processInstanceId, now())
                .update();
    }

    /** Proposals of a month, or still open, for a person at a tier: such a person is not proposed again. */
    public boolean proposedAlready(String idNumber, AgeTier tier, String month) {
        return jdbc.sql("""
                select count(*) from gaoling_proposal where person_id_number = ? and tier = ?
                  and (proposal_month = ? or status = 'PROPOSED')""")
                .params(idNumber, tier.name(), month).query(Long.class).single() > 0;
    }

    public List<Proposal> proposals(String processInstanceId, String townshipCode) {
        return jdbc.sql("select " + PROPOSAL_COLUMNS + " from gaoling_proposal where process_instance_id = ? and township_code = ? order by id")
                .params(processInstanceId, townshipCode).query(RecordRows.of(Proposal.class)).list();
    }

    public List<Proposal> proposalsOfMonth(String month) {
        return jdbc.sql("select " + PROPOSAL_COLUMNS + " from gaoling_proposal where proposal_month = ? order by township_code, id")
                .param(month).query(RecordRows.of(Proposal.class)).list();
    }

    public List<String> proposedTownships(String processInstanceId) {
        return jdbc.sql("select distinct township_code from gaoling_proposal where process_instance_id = ? order by township_code")
                .param(processInstanceId).query(String.class).list();
    }

    /** Records the clerk's answer; false when the proposal was answered already. */
    public boolean decideProposal(long id, ProposalStatus status, String reason, String actor) {
        return jdbc.sql("""
                update gaoling_proposal set status = ?, reason = ?, decided_by = ?, decided_at = ?
                where id = ? and status = 'PROPOSED'""")
                .params(status.name(), reason, actor, now(), id).update() == 1;
    }

    // --- recipients

    public Optional<Recipient> recipientOf(String idNumber) {
        return jdbc.sql("select " + RECIPIENT_COLUMNS + " from gaoling_recipient where person_id_number = ?")
                .param(idNumber).query(RecordRows.of(Recipient.class)).optional();
    }

    public Optional<Recipient> recipient(long id) {
        return jdbc.sql("select " + RECIPIENT_COLUMNS + " from gaoling_recipient where id = ?")
                .param(id).query(RecordRows.of(Recipient.class)).optional();
    }

    public List<Recipient> recipientsOfTownship(String townshipCode) {
        return jdbc.sql("select " + RECIPIENT_COLUMNS + " from gaoling_recipient where township_code = ? order by id")
                .param(townshipCode).query(RecordRows.of(Recipient.class)).list();
    }

    public List<String> townshipsWithRecipients() {
        return jdbc.sql("select distinct township_code from gaoling_recipient order by township_code").query(String.class).list();
    }

    /** Enrols the person confirmed by the clerk: ACTIVE from the proposal's month, at its tier and amount. */
    public Enrolment enrol(Proposal proposal, String actor) {
        Timestamp now = now();
        jdbc.sql("""
                insert into gaoling_recipient (person_id_number, person_name, household_id, township_code, tier, amount,
                    start_month, status, calculation_snapshot, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(proposal.personIdNumber(), proposal.personName(), proposal.householdId(), proposal.townshipCode(),
                        proposal.tier().name(), proposal.amount(), proposal.proposalMonth(), RecipientStatus.ACTIVE.name(),
                        proposal.calculationSnapshot(), now, now)
                .update();
        return mirror(recipientOf(proposal.personIdNumber()).orElseThrow(), actor,
                "乡镇核对户籍后确认，" + proposal.tier().label());
    }

    /**
     * A recipient already paid when the bureau adopts the platform, as the roster import takes them over: ACTIVE from
     * {@code startMonth} at the entitlement's tier and amount, its calculation frozen, the enrolment's first status
     * entry naming the import. A person recorded meanwhile fails on the one recipient per person
     * ({@code DuplicateKeyException}).
     */
    public Enrolment importRecipient(String idNumber, String name, long householdId, String townshipCode,
                                     GaolingAllowance.Entitlement entitlement, String startMonth, String actor,
                                     String reason) {
        Timestamp now = now();
        jdbc.sql("""
                insert into gaoling_recipient (person_id_number, person_name, household_id, township_code, tier, amount,
                    start_month, status, calculation_snapshot, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(idNumber, name, householdId, townshipCode, entitlement.tier().name(), entitlement.amount(),
                        startMonth, RecipientStatus.ACTIVE.name(), entitlement.snapshot(), now, now)
                .update();
        return mirror(recipientOf(idNumber).orElseThrow(), actor, reason + "，" + entitlement.tier().label()
                + "，自" + startMonth + "起按月发放");
    }

    /** A higher tier confirmed: the new amount and calculation (the status stays). */
    public Enrolment moveUp(Recipient recipient, Proposal proposal, String actor) {
        jdbc.sql("""
                update gaoling_recipient set tier = ?, amount = ?, calculation_snapshot = ?, household_id = ?,
                    township_code = ?, updated_at = ? where id = ?""")
                .params(proposal.tier().name(), proposal.amount(), proposal.calculationSnapshot(), proposal.householdId(),
                        proposal.townshipCode(), now(), recipient.id())
                .update();
        return mirror(recipient(recipient.id()).orElseThrow(), actor, null);
    }

    /** 生存认证 not confirmed: paid no more from {@code fromMonth}. */
    public Enrolment suspend(Recipient recipient, String fromMonth, String actor, String reason) {
        jdbc.sql("update gaoling_recipient set status = ?, suspended_from = ?, updated_at = ? where id = ? and status = ?")
                .params(RecipientStatus.SUSPENDED.name(), fromMonth, now(), recipient.id(), RecipientStatus.ACTIVE.name())
                .update();
        return mirror(recipient(recipient.id()).orElseThrow(), actor, reason);
    }

    /**
     * Confirmed again: active, and each month from the suspension's first up to the one before {@code resumedIn}
     * is recorded for back pay (once: unique per recipient and month).
     */
    public Enrolment resume(Recipient recipient, YearMonth resumedIn, String actor, String reason) {
        Timestamp now = now();
        if (recipient.suspendedFrom() != null) {
            for (YearMonth m = YearMonth.parse(recipient.suspendedFrom()); m.isBefore(resumedIn); m = m.plusMonths(1)) {
                jdbc.sql("""
                        insert into gaoling_back_pay (recipient_id, benefit_month, amount, created_at)
                        select ?, ?, ?, ? from gaoling_recipient r where r.id = ? and not exists
                            (select 1 from gaoling_back_pay b where b.recipient_id = r.id and b.benefit_month = ?)""")
                        .params(recipient.id(), m.toString(), recipient.amount(), now, recipient.id(), m.toString())
                        .update();
            }
        }
        jdbc.sql("update gaoling_recipient set status = ?, suspended_from = null, updated_at = ? where id = ?")
                .params(RecipientStatus.ACTIVE.name(), now, recipient.id()).update();
        return mirror(recipient(recipient.id()).orElseThrow(), actor, reason);
    }

    public record BackPay(long recipientId, String benefitMonth, BigDecimal amount, Long payrollId) {
    }

    public List<BackPay> backPay(long recipientId) {
        return jdbc.sql("select recipient_id, benefit_month, amount, payroll_id from gaoling_back_pay where recipient_id = ? order by benefit_month")
                .param(recipientId).query(RecordRows.of(BackPay.class)).list();
    }

    /**
     * The GAOLING payroll's back pay: a payment of each recorded month not paid yet, to the person; each row is
     * then marked with the payroll that paid its month. Returns the number of payments inserted.
     */
    public int payBackPay(long payrollId, String month, Timestamp now) {
        int inserted = jdbc.sql("""
                insert into payment (payroll_id, enrolment_id, case_id, benefit_month, household_id, township_code, payee_name,
                    payee_id_number, bank_name, bank_account, people_count, amount, status, created_at)
                select ?, e.id, null, b.benefit_month, e.household_id, e.township_code, payee.name, payee.id_number,
                    h.bank_name, h.bank_account, 1, b.amount, 'PENDING', ?
                from gaoling_back_pay b
                join enrolment e on e.program_code = 'GAOLING' and e.program_case_id = b.recipient_id
                join household h on h.id = e.household_id
                join household_member payee on payee.household_id = e.household_id and payee.id_number = e.person_id_number
                where b.payroll_id is null and b.benefit_month < ? and e.status = 'ACTIVE'
                  and not exists (select 1 from payment p where p.enrolment_id = e.id and p.benefit_month = b.benefit_month)""")
                .params(payrollId, now, month).update();
        jdbc.sql("""
                update gaoling_back_pay set payroll_id = (select p.payroll_id from payment p join enrolment e on e.id = p.enrolment_id
                    where e.program_code = 'GAOLING' and e.program_case_id = gaoling_back_pay.recipient_id
                      and p.benefit_month = gaoling_back_pay.benefit_month)
                where payroll_id is null and exists (select 1 from payment p join enrolment e on e.id = p.enrolment_id
                    where e.program_code = 'GAOLING' and e.program_case_id = gaoling_back_pay.recipient_id
                      and p.benefit_month = gaoling_back_pay.benefit_month)""")
                .update();
        return inserted;
    }

    /**
     * 升档补差: each month paid (a REGULAR payment sent to the bank, or failed and to be re-issued as it is; a pending one
     * is computed again at the new amount, its payroll being stale) at less than the tier the clerk confirmed for
     * it — the latest confirmed proposal whose month is on or before the benefit month — and before {@code month} is
     * paid the difference once, as a TIER_DIFFERENCE payment of that benefit month (unique per enrolment, month and
     * kind). A month the payroll of {@code month} or a later one pays at the new amount owes nothing. Returns how many.
     */
    public int payTierDifference(long payrollId, String month, Timestamp now) {
        return jdbc.sql("""
                insert into payment (payroll_id, enrolment_id, case_id, benefit_month, household_id, township_code, payee_name,
                    payee_id_number, bank_name, bank_account, people_count, amount, status, created_at, payment_kind)
                select ?, e.id, null, p.benefit_month, e.household_id, e.township_code, payee.name, payee.id_number,
                    h.bank_name, h.bank_account, 1, g.amount - p.amount, 'PENDING', ?, 'TIER_DIFFERENCE'
                from gaoling_proposal g
                join gaoling_recipient r on r.person_id_number = g.person_id_number
                join enrolment e on e.program_code = 'GAOLING' and e.program_case_id = r.id
                join payment p on p.enrolment_id = e.id and p.payment_kind = 'REGULAR' and p.status in ('ISSUED', 'FAILED')
                    and p.benefit_month >= g.proposal_month and p.benefit_month < ?
                join household h on h.id = e.household_id
                join household_member payee on payee.household_id = e.household_id and payee.id_number = e.person_id_number
                where g.status = 'CONFIRMED' and g.amount > p.amount and e.status = 'ACTIVE'
                  and not exists (select 1 from gaoling_proposal later where later.person_id_number = g.person_id_number
                      and later.status = 'CONFIRMED' and later.proposal_month > g.proposal_month
                      and later.proposal_month <= p.benefit_month)
                  and not exists (select 1 from payment q where q.enrolment_id = e.id and q.benefit_month = p.benefit_month
                      and q.payment_kind = 'TIER_DIFFERENCE')""")
                .params(payrollId, now, month).update();
    }

    /** The latest benefit month paid to the recipient, or null. */
    public String lastPaidMonth(long recipientId) {
        return jdbc.sql("""
                select max(p.benefit_month) from payment p join enrolment e on e.id = p.enrolment_id
                where e.program_code = ? and e.program_case_id = ?""")
                .params(Program.GAOLING, recipientId).query(String.class).optional().orElse(null);
    }

    // --- 生存认证

    public boolean insertSurvivalCheck(int year, Recipient recipient, LocalDate deadline, String processInstanceId) {
        return jdbc.sql("""
                insert into gaoling_survival_check (check_year, recipient_id, township_code, deadline, status,
                    process_instance_id, created_at)
                select ?, ?, ?, ?, ?, ?, ? from gaoling_recipient r where r.id = ? and not exists
                    (select 1 from gaoling_survival_check c where c.check_year = ? and c.recipient_id = r.id)""")
                .params(year, recipient.id(), recipient.townshipCode(), deadline, SurvivalStatus.PENDING.name(),
                        processInstanceId, now(), recipient.id(), year)
                .update() == 1;
    }

    public List<SurvivalCheck> survivalChecks(String processInstanceId, String townshipCode) {
        return jdbc.sql("select " + CHECK_COLUMNS + " from gaoling_survival_check where process_instance_id = ? and township_code = ? order by id")
                .params(processInstanceId, townshipCode).query(RecordRows.of(SurvivalCheck.class)).list();
    }

    public List<SurvivalCheck> survivalChecksOfRecipient(long recipientId) {
        return jdbc.sql("select " + CHECK_COLUMNS + " from gaoling_survival_check where recipient_id = ? order by check_year")
                .param(recipientId).query(RecordRows.of(SurvivalCheck.class)).list();
    }

    public List<String> survivalTownships(String processInstanceId) {
        return jdbc.sql("select distinct township_code from gaoling_survival_check where process_instance_id = ? order by township_code")
                .param(processInstanceId).query(String.class).list();
    }

    /** Records an answer: from PENDING, or a later confirmation of one NOT_CONFIRMED. */
    public boolean decideSurvival(long id, SurvivalStatus status, String reason, String actor) {
        return jdbc.sql("""
                update gaoling_survival_check set status = ?, reason = ?, decided_by = ?, decided_at = ?
                where id = ? and (status = 'PENDING' or (status = 'NOT_CONFIRMED' and ? = 'CONFIRMED'))""")
                .params(status.name(), reason, actor, now(), id, status.name()).update() == 1;
    }

    public Optional<SurvivalCheck> survivalCheck(long id) {
        return jdbc.sql("select " + CHECK_COLUMNS + " from gaoling_survival_check where id = ?").param(id)
                .query(RecordRows.of(SurvivalCheck.class)).optional();
    }

    /** The recipient died (死亡登记): paid no more, never proposed again; the enrolment ends. */
    public Enrolment end(Recipient recipient, String actor, String reason) {
        jdbc.sql("update gaoling_recipient set status = ?, updated_at = ? where id = ? and status <> ?")
                .params(RecipientStatus.ENDED.name(), now(), recipient.id(), RecipientStatus.ENDED.name()).update();
        return mirror(recipient(recipient.id()).orElseThrow(), actor, reason);
    }

    private Enrolment mirror(Recipient r, String actor, String reason) {
        EnrolmentStatus status = switch (r.status()) {
            case ACTIVE -> EnrolmentStatus.ACTIVE;
            case SUSPENDED -> EnrolmentStatus.SUSPENDED;
            case ENDED -> EnrolmentStatus.ENDED;
        };
        return enrolments.mirror(new ProgramCase(Program.GAOLING, r.id(), r.householdId(), r.personIdNumber(), r.townshipCode(),
                status, r.amount(), r.startMonth(), r.calculationSnapshot()), actor, reason);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}

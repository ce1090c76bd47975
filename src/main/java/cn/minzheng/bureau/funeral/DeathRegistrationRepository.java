package cn.minzheng.bureau.funeral;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;

/**
 * The one writer of {@code death_record} and {@code death_overpayment}. The tables keep one death per person
 * (unique {@code recorded_for}, cleared when a record is refused) and each overpaid payment recorded once (unique
 * {@code payment_id}). Reads the household, enrolment and payment tables it needs.
 */
@Repository
public class DeathRegistrationRepository {

    private static final String COLUMNS = """
            id, record_number, id_number, person_name, household_id, township_code, birth_date, death_date, death_place,
            source, source_reference, cremated, burial_kind, status, review_comment, reviewed_by, effects,
            process_instance_id, registered_by, registered_at, decided_at""";

    private final JdbcClient jdbc;

    public DeathRegistrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A registered resident as the household data has them (the newest record of the ID number). */
    public record Person(long householdId, String townshipCode, String communityCode, String name, LocalDate birthDate,
                         LocalDate diedOn) {
    }

    /** What a clerk registers, already checked. */
    public record Registration(String idNumber, Person person, LocalDate deathDate, String deathPlace, DeathSource source,
                               String sourceReference, boolean cremated, BurialKind burialKind) {
    }

    /** A live enrolment of the person (their own, or a 低保 household's whose open case counts them). */
    public record LiveEnrolment(long enrolmentId, String programCode, Long programCaseId, String status,
                                String personIdNumber) {
    }

    /** A payment overpaid because of a death, as recorded. */
    public record Overpayment(long paymentId, String programCode, String benefitMonth, BigDecimal paidAmount,
                              Long recoveryId) {
    }

    public Optional<Person> person(String idNumber) {
        return jdbc.sql("""
                select m.household_id, h.township_code, h.community_code, m.name, m.birth_date, m.died_on
                from household_member m join household h on h.id = m.household_id
                where m.id_number = ? order by m.id desc""").param(idNumber)
                .query(RecordRows.of(Person.class)).list().stream().findFirst();
    }

    /** The death recorded for the person and not refused (registered or confirmed), if any. */
    public Optional<DeathRecord> recordedFor(String idNumber) {
        return jdbc.sql("select " + COLUMNS + " from death_record where recorded_for = ?").param(idNumber)
                .query(RecordRows.of(DeathRecord.class)).optional();
    }

    public Optional<DeathRecord> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from death_record where id = ?").param(id)
                .query(RecordRows.of(DeathRecord.class)).optional();
    }

    public Optional<DeathRecord> ofProcess(String processInstanceId) {
        return jdbc.sql("select " + COLUMNS + " from death_record where process_instance_id = ?").param(processInstanceId)
                .query(RecordRows.of(DeathRecord.class)).optional();
    }

    /** The records of a township (null: every township), newest first. */
    public List<DeathRecord> list(String townshipCode) {
        if (townshipCode == null) {
            return jdbc.sql("select " + COLUMNS + " from death_record order by id desc").query(RecordRows.of(DeathRecord.class)).list();
        }
        return jdbc.sql("select " + COLUMNS + " from death_record where township_code = ? order by id desc")
                .param(townshipCode).query(RecordRows.of(DeathRecord.class)).list();
    }

    /** The household's death records (refused ones included), newest first: the household file shows them. */
    public List<DeathRecord> ofHousehold(long householdId) {
        return jdbc.sql("select " + COLUMNS + " from death_record where household_id = ? order by id desc")
                .param(householdId).query(RecordRows.of(DeathRecord.class)).list();
    }

    public long register(Registration r, int year, String processInstanceId, String actor) {
        String prefix = "SW-" + r.person().townshipCode() + "-" + year + "-";
        Integer last = jdbc.sql("select count(*) from death_record where record_number like ?").param(prefix + "%")
                .query(Integer.class).single();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into death_record (record_number, id_number, person_name, household_id, township_code, birth_date,
                    death_date, death_place, source, source_reference, cremated, burial_kind, status, recorded_for,
                    process_instance_id, registered_by, registered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED', ?, ?, ?, ?)""")
                .params(prefix + String.format("%04d", last + 1), r.idNumber(), r.person().name(), r.person().householdId(),
                        r.person().townshipCode(), r.person().birthDate(), r.deathDate(), r.deathPlace(), r.source().name(),
                        r.sourceReference(), r.cremated(), r.burialKind().name(), r.idNumber(), processInstanceId, actor,
                        now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void confirm(long id, String reviewer, String comment) {
        jdbc.sql("""
                update death_record set status = 'CONFIRMED', reviewed_by = ?, review_comment = ?, decided_at = ?
                where id = ? and status = 'REGISTERED'""").params(reviewer, comment, now(), id).update();
    }

    public void refuse(long id, String reviewer, String comment) {
        jdbc.sql("""
                update death_record set status = 'REFUSED', recorded_for = null, reviewed_by = ?, review_comment = ?,
                    decided_at = ? where id = ? and status = 'REGISTERED'""").params(reviewer, comment, now(), id).update();
    }

    /** What the programs did, in the record's words. */
    public void saveEffects(long id, String effects) {
        jdbc.sql("update death_record set effects = ? where id = ?")
                .params(effects.length() > 4000 ? effects.substring(0, 3999) + "…" : effects, id).update();
    }

    /**
     * The person's live enrolments (申请办理中, 享受中, 暂停发放): their own (高龄津贴, 特困供养 …) and the 低保 enrolments
     * of open cases that count them as a member.
     */
    public List<LiveEnrolment> liveEnrolments(String idNumber) {
        return jdbc.sql("""
                select e.id as enrolment_id, e.program_code, e.program_case_id, e.status, e.person_id_number
                from enrolment e
                where e.status in ('APPLIED', 'ACTIVE', 'SUSPENDED')
                  and (e.person_id_number = :id
                       or (e.program_code = 'DIBAO' and exists (select 1 from dibao_case_person p
                            where p.case_id = e.program_case_id and p.open_id_number = :id)))
                order by e.id""").param("id", idNumber).query(RecordRows.of(LiveEnrolment.class)).list();
    }

    /** The ID numbers of a 低保 case's members who are counted (open) and alive. */
    public List<String> livingMembersOfCase(long caseId) {
        return jdbc.sql("""
                select p.id_number from dibao_case_person p join dibao_case c on c.id = p.case_id
                where p.case_id = ? and exists (select 1 from household_member m where m.household_id = c.household_id
                    and m.id_number = p.id_number and m.died_on is null)
                order by p.id_number""").param(caseId).query(String.class).list();
    }

    /** Every payment of an enrolment, any month, any status. */
    public List<DeathRules.Payment> payments(long enrolmentId) {
        return jdbc.sql("""
                select p.id as payment_id, p.enrolment_id, e.program_code, p.benefit_month, p.amount, p.status
                from payment p join enrolment e on e.id = p.enrolment_id
                where p.enrolment_id = ? order by p.benefit_month, p.id""")
                .param(enrolmentId).query(RecordRows.of(DeathRules.Payment.class)).list();
    }

    /** Whether the payment is already part of a recovery (of a death or any other) or of a death's overpayments. */
    public boolean alreadyOverpaid(long paymentId) {
        return jdbc.sql("""
                select (select count(*) from death_overpayment where payment_id = :p)
                     + (select count(*) from overpayment_month where payment_id = :p)""")
                .param("p", paymentId).query(Long.class).single() > 0;
    }

    /** Records the payment as overpaid by this death; a payment already recorded is not recorded again. */
    public boolean recordOverpayment(long deathRecordId, DeathRules.Payment payment, Long recoveryId) {
        return jdbc.sql("""
                insert into death_overpayment (death_record_id, payment_id, enrolment_id, program_code, benefit_month,
                    paid_amount, recovery_id, created_at)
                select ?, ?, ?, ?, ?, ?, ?, ? from death_record d where d.id = ?
                  and not exists (select 1 from death_overpayment o where o.payment_id = ?)""")
                .params(deathRecordId, payment.paymentId(), payment.enrolmentId(), payment.programCode(),
                        payment.benefitMonth(), payment.amount(), recoveryId, now(), deathRecordId, payment.paymentId())
                .update() == 1;
    }

    public List<Overpayment> overpayments(long deathRecordId) {
        return jdbc.sql("""
                select payment_id, program_code, benefit_month, paid_amount, recovery_id from death_overpayment
                where death_record_id = ? order by benefit_month, payment_id""")
                .param(deathRecordId).query(RecordRows.of(Overpayment.class)).list();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}

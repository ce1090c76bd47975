package cn.minzheng.bureau.funeral.benefits;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.engine.EngineClock;

/**
 * The one writer of {@code funeral_fee_claim}, {@code funeral_settlement} and {@code eco_burial_reward}. The tables
 * keep one claim and one reward per death (unique {@code claimed_for} / {@code rewarded_for}, cleared on refusal) and
 * one settlement per funeral home and month (unique); a claim is settled once (its settlement id is set only while
 * it is verified and unsettled). Reads {@code funeral_home} and the enrolments of the deceased.
 */
@Repository
public class FuneralBenefitsRepository {

    private static final String CLAIM_COLUMNS = """
            id, claim_number, death_record_id, funeral_home_id, township_code, invoice_number, entitlement, transport_fee,
            storage_fee, cremation_fee, ash_storage_fee, waived_amount, status, verify_comment, verified_by,
            settlement_month, settlement_id, process_instance_id, submitted_by, submitted_at""";
    private static final String SETTLEMENT_COLUMNS = """
            s.id, s.funeral_home_id, h.name as funeral_home_name, s.settlement_month, s.claim_count, s.amount, s.bank_name,
            s.bank_account, s.settled_by, s.settled_at""";
    private static final String REWARD_COLUMNS = """
            id, reward_number, death_record_id, burial_kind, burial_date, burial_place, payee_id_number, payee_name,
            household_id, township_code, amount, status, review_comment, reviewed_by, enrolment_id, process_instance_id,
            registered_by""";

    private final JdbcClient jdbc;

    public FuneralBenefitsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the township verified in a month, per funeral home: what a settlement pays. */
    public record MonthTotal(long funeralHomeId, int claimCount, BigDecimal amount) {
    }

    /** The funeral home whose staff group is one of these. */
    public Optional<FuneralHome> funeralHomeOf(Collection<String> groups) {
        return funeralHomes().stream().filter(h -> groups.contains(h.groupId())).findFirst();
    }

    public List<FuneralHome> funeralHomes() {
        return jdbc.sql("select id, code, name, credit_code, bank_name, bank_account, group_id from funeral_home order by id")
                .query(RecordRows.of(FuneralHome.class)).list();
    }

    /**
     * The programs the person was enrolled in in the month of death: the person's own enrolments and the 低保 enrolments
     * of cases that count them, started by that month and not ended before it.
     */
    public List<String> programsInMonth(String idNumber, String month) {
        return jdbc.sql("""
                select distinct e.program_code from enrolment e
                where e.status in ('ACTIVE', 'SUSPENDED', 'ENDED') and e.start_month <= :m
                  and (e.end_month is null or e.end_month >= :m)
                  and (e.person_id_number = :id
                       or (e.program_code = 'DIBAO' and exists (select 1 from dibao_case_person p
                            where p.case_id = e.program_case_id and p.id_number = :id)))
                order by e.program_code""").param("m", month).param("id", idNumber).query(String.class).list();
    }

    // --- fee waiver claims

    public Optional<FeeClaim> claim(long id) {
        return jdbc.sql("select " + CLAIM_COLUMNS + " from funeral_fee_claim where id = ?").param(id)
                .query(RecordRows.of(FeeClaim.class)).optional();
    }

    public Optional<FeeClaim> claimOfProcess(String processInstanceId) {
        return jdbc.sql("select " + CLAIM_COLUMNS + " from funeral_fee_claim where process_instance_id = ?")
                .param(processInstanceId).query(RecordRows.of(FeeClaim.class)).optional();
    }

    /** The open (not refused) claim of a death, if any. */
    public Optional<FeeClaim> claimFor(long deathRecordId) {
        return jdbc.sql("select " + CLAIM_COLUMNS + " from funeral_fee_claim where claimed_for = ?").param(deathRecordId)
                .query(RecordRows.of(FeeClaim.class)).optional();
    }

    public List<FeeClaim> claims() {
        return jdbc.sql("select " + CLAIM_COLUMNS + " from funeral_fee_claim order by id desc")
                .query(RecordRows.of(FeeClaim.class)).list();
    }

    /** A new claim: the fees charged, the entitlement and what is waived, already checked. */
    public record NewClaim(long deathRecordId, long funeralHomeId, String townshipCode, String invoiceNumber,
                           String entitlement, BigDecimal transportFee, BigDecimal storageFee, BigDecimal cremationFee,
                           BigDecimal ashStorageFee, BigDecimal waivedAmount) {
    }

    public long insertClaim(NewClaim c, int year, String processInstanceId, String actor) {
        String prefix = "HM-" + year + "-";
        Integer last = jdbc.sql("select count(*) from funeral_fee_claim where claim_number like ?").param(prefix + "%")
                .query(Integer.class).single();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into funeral_fee_claim (claim_number, death_record_id, claimed_for, funeral_home_id, township_code,
                    invoice_number, entitlement, transport_fee, storage_fee, cremation_fee, ash_storage_fee, waived_amount,
                    status, process_instance_id, submitted_by, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?)""")
                .params(prefix + String.format("%05d", last + 1), c.deathRecordId(), c.deathRecordId(), c.funeralHomeId(),
                        c.townshipCode(), c.invoiceNumber(), c.entitlement(), c.transportFee(), c.storageFee(),
                        c.cremationFee(), c.ashStorageFee(), c.waivedAmount(), processInstanceId, actor, now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Verified: to be settled with the month of verification. */
    public void verifyClaim(long id, String reviewer, String comment, String settlementMonth) {
        jdbc.sql("""
                update funeral_fee_claim set status = 'VERIFIED', verified_by = ?, verify_comment = ?, verified_at = ?,
                    settlement_month = ? where id = ? and status = 'SUBMITTED'""")
                .params(reviewer, comment, now(), settlementMonth, id).update();
    }

    public void refuseClaim(long id, String reviewer, String comment) {
        jdbc.sql("""
                update funeral_fee_claim set status = 'REFUSED', claimed_for = null, verified_by = ?, verify_comment = ?,
                    verified_at = ? where id = ? and status = 'SUBMITTED'""").params(reviewer, comment, now(), id).update();
    }

    // --- monthly settlement

    /** The verified, unsettled claims of a month, summed per funeral home. */
    public List<MonthTotal> unsettled(String month) {
        return jdbc.sql("""
                select funeral_home_id, count(*) as claim_count, sum(waived_amount) as amount from funeral_fee_claim
                where status = 'VERIFIED' and settlement_month = ? group by funeral_home_id order by funeral_home_id""")
                .param(month).query(RecordRows.of(MonthTotal.class)).list();
    }

    public List<Settlement> settlements(String month) {
        return jdbc.sql("select " + SETTLEMENT_COLUMNS + """
                 from funeral_settlement s join funeral_home h on h.id = s.funeral_home_id
                where (cast(? as varchar(7)) is null or s.settlement_month = ?) order by s.settlement_month desc, s.id""")
                .params(month, month).query(RecordRows.of(Settlement.class)).list();
    }

    /**
     * The month's payment to one funeral home, to its bank account, and its claims marked settled by it: the unique
     * (funeral home, month) key refuses a second, and a claim is taken only while verified and unsettled.
     */
    public long settle(MonthTotal total, String month, String actor, String processInstanceId) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into funeral_settlement (funeral_home_id, settlement_month, claim_count, amount, bank_name,
                    bank_account, settled_by, settled_at, process_instance_id)
                select id, ?, ?, ?, bank_name, bank_account, ?, ?, ? from funeral_home where id = ?""")
                .params(month, total.claimCount(), total.amount(), actor, now(), processInstanceId, total.funeralHomeId())
                .update(key, "id");
        long id = key.getKey().longValue();
        int settled = jdbc.sql("""
                update funeral_fee_claim set status = 'SETTLED', settlement_id = ?
                where funeral_home_id = ? and settlement_month = ? and status = 'VERIFIED' and settlement_id is null""")
                .params(id, total.funeralHomeId(), month).update();
        if (settled != total.claimCount()) {
            throw new IllegalStateException("claims of funeral home " + total.funeralHomeId() + " changed while settling " + month);
        }
        return id;
    }

    // --- eco-burial rewards

    public Optional<EcoBurialReward> reward(long id) {
        return jdbc.sql("select " + REWARD_COLUMNS + " from eco_burial_reward where id = ?").param(id)
                .query(RecordRows.of(EcoBurialReward.class)).optional();
    }

    public Optional<EcoBurialReward> rewardOfProcess(String processInstanceId) {
        return jdbc.sql("select " + REWARD_COLUMNS + " from eco_burial_reward where process_instance_id = ?")
                .param(processInstanceId).query(RecordRows.of(EcoBurialReward.class)).optional();
    }

    public Optional<EcoBurialReward> rewardFor(long deathRecordId) {
        return jdbc.sql("select " + REWARD_COLUMNS + " from eco_burial_reward where rewarded_for = ?").param(deathRecordId)
                .query(RecordRows.of(EcoBurialReward.class)).optional();
    }

    public List<EcoBurialReward> rewards() {
        return jdbc.sql("select " + REWARD_COLUMNS + " from eco_burial_reward order by id desc")
                .query(RecordRows.of(EcoBurialReward.class)).list();
    }

    /** A new reward application, already checked. */
    public record NewReward(long deathRecordId, String burialKind, LocalDate burialDate, String burialPlace,
                            String payeeIdNumber, String payeeName, long householdId, String townshipCode,
                            BigDecimal amount) {
    }

    public long insertReward(NewReward r, int year, String processInstanceId, String actor) {
        String prefix = "ST-" + r.townshipCode() + "-" + year + "-";
        Integer last = jdbc.sql("select count(*) from eco_burial_reward where reward_number like ?").param(prefix + "%")
                .query(Integer.class).single();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into eco_burial_reward (reward_number, death_record_id, rewarded_for, burial_kind, burial_date,
                    burial_place, payee_id_number, payee_name, household_id, township_code, amount, status,
                    process_instance_id, registered_by, registered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED', ?, ?, ?)""")
                .params(prefix + String.format("%04d", last + 1), r.deathRecordId(), r.deathRecordId(), r.burialKind(),
                        r.burialDate(), r.burialPlace(), r.payeeIdNumber(), r.payeeName(), r.householdId(),
                        r.townshipCode(), r.amount(), processInstanceId, actor, now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void grantReward(long id, String reviewer, String comment, long enrolmentId) {
        jdbc.sql("""
                update eco_burial_reward set status = 'GRANTED', reviewed_by = ?, review_comment = ?, decided_at = ?,
                    enrolment_id = ? where id = ? and status = 'REGISTERED'""")
                .params(reviewer, comment, now(), enrolmentId, id).update();
    }

    public void refuseReward(long id, String reviewer, String comment) {
        jdbc.sql("""
                update eco_burial_reward set status = 'REFUSED', rewarded_for = null, reviewed_by = ?, review_comment = ?,
                    decided_at = ? where id = ? and status = 'REGISTERED'""").params(reviewer, comment, now(), id).update();
    }

    private static Timestamp now() {
        return Timestamp.from(EngineClock.instant());
    }
}

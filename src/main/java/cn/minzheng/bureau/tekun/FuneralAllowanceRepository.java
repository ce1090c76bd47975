package cn.minzheng.bureau.tekun;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineClock;

/** tekun_funeral_allowance, its one writer; every change audited on the deceased's household. */
@Repository
public class FuneralAllowanceRepository {

    private static final String ENTITY = "TEKUN_FUNERAL_ALLOWANCE";
    private static final String COLUMNS = """
            id, tekun_case_id, death_record_id, township_code, deceased_id_number, deceased_name, death_date,
            basic_living_amount, months, amount, status, payee_id_number, payee_name, payee_household_id, payee_relation,
            payee_note, confirmed_by, confirmed_at, enrolment_id, process_instance_id, created_at""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public FuneralAllowanceRepository(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A payee candidate: a living registered resident and the household the payment goes to. */
    public record Payee(long householdId, String name) {
    }

    /** The allowance of a case ended by death; a second one for the same case is refused (409). */
    public FuneralAllowance insert(TekunCase c, Long deathRecordId, LocalDate deathDate, BigDecimal basicLiving, int months,
                                   BigDecimal amount, String processInstanceId, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into tekun_funeral_allowance (tekun_case_id, death_record_id, township_code, deceased_id_number,
                        deceased_name, death_date, basic_living_amount, months, amount, status, process_instance_id, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(c.id(), deathRecordId, c.townshipCode(), c.personIdNumber(), c.personName(), deathDate,
                            basicLiving, months, amount, FuneralAllowance.AWAITING_PAYEE, processInstanceId, now())
                    .update(key, "id");
        } catch (DuplicateKeyException twice) {
            throw new RuleViolation("FUNERAL_ALLOWANCE_EXISTS", c.personName() + "（特困供养案件" + c.caseNumber()
                    + "）的丧葬补助已核算，只能发放一次", 409);
        }
        long id = key.getKey().longValue();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("basicLivingAmount", basicLiving);
        after.put("months", months);
        after.put("amount", amount);
        audit.record(ENTITY, id, c.householdId(), null, "FUNERAL_ALLOWANCE_COMPUTED", actor,
                "特困人员" + c.personName() + "死亡，核算丧葬补助", null, after);
        return get(id);
    }

    public Optional<FuneralAllowance> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from tekun_funeral_allowance where id = ?").param(id)
                .query(RecordRows.of(FuneralAllowance.class)).optional();
    }

    public FuneralAllowance get(long id) {
        return find(id).orElseThrow(() -> RuleViolation.notFound("丧葬补助" + id));
    }

    public Optional<FuneralAllowance> ofCase(long tekunCaseId) {
        return jdbc.sql("select " + COLUMNS + " from tekun_funeral_allowance where tekun_case_id = ?").param(tekunCaseId)
                .query(RecordRows.of(FuneralAllowance.class)).optional();
    }

    /** The living registered resident of the ID number (their first household record), if any. */
    public Optional<Payee> livingResident(String idNumber) {
        return jdbc.sql("""
                select household_id, name from household_member where id_number = ? and died_on is null
                order by household_id""")
                .param(idNumber).query(RecordRows.of(Payee.class)).list().stream().findFirst();
    }

    /** Links the allowance of a death not yet registered (a case ended by hand with 死亡) to the death's record. */
    public Optional<FuneralAllowance> linkDeathRecord(String deceasedIdNumber, long deathRecordId, String actor) {
        Optional<FuneralAllowance> unlinked = jdbc.sql("select " + COLUMNS
                        + " from tekun_funeral_allowance where deceased_id_number = ? and death_record_id is null")
                .param(deceasedIdNumber).query(RecordRows.of(FuneralAllowance.class)).list().stream().findFirst();
        unlinked.ifPresent(a -> {
            jdbc.sql("update tekun_funeral_allowance set death_record_id = ? where id = ? and death_record_id is null")
                    .params(deathRecordId, a.id()).update();
            audit.record(ENTITY, a.id(), null, null, "FUNERAL_ALLOWANCE_DEATH_LINKED", actor,
                    "死亡登记确认，与终止供养时核算的丧葬补助对应，不重复核算", null, Map.of("deathRecordId", deathRecordId));
        });
        return unlinked.map(a -> get(a.id()));
    }

    /** 确认领取人. */
    public FuneralAllowance confirmPayee(FuneralAllowance a, String idNumber, Payee payee, String relation, String note,
                                         String actor) {
        jdbc.sql("""
                update tekun_funeral_allowance set payee_id_number = ?, payee_name = ?, payee_household_id = ?,
                    payee_relation = ?, payee_note = ?, confirmed_by = ?, confirmed_at = ? where id = ? and status = ?""")
                .params(idNumber, payee.name(), payee.householdId(), relation, note, actor, now(), a.id(),
                        FuneralAllowance.AWAITING_PAYEE)
                .update();
        audit.record(ENTITY, a.id(), payee.householdId(), null, "FUNERAL_ALLOWANCE_PAYEE", actor, note, null,
                Map.of("payeeName", payee.name(), "payeeRelation", relation));
        return get(a.id());
    }

    /** 发放: the grant's enrolment, which the next TEKUN_FUNERAL payroll pays once. */
    public void granted(FuneralAllowance a, long enrolmentId, String actor) {
        int changed = jdbc.sql("""
                update tekun_funeral_allowance set status = ?, enrolment_id = ? where id = ? and status = ?""")
                .params(FuneralAllowance.GRANTED, enrolmentId, a.id(), FuneralAllowance.AWAITING_PAYEE).update();
        if (changed != 1) {
            throw new RuleViolation("FUNERAL_ALLOWANCE_GRANTED", "该丧葬补助已列入发放，只能发放一次", 409);
        }
        audit.record(ENTITY, a.id(), a.payeeHouseholdId(), null, "FUNERAL_ALLOWANCE_GRANTED", actor,
                "丧葬补助" + a.amount().toPlainString() + "元列入下一期工资单", null, Map.of("enrolmentId", enrolmentId));
    }

    private static Timestamp now() {
        return Timestamp.from(EngineClock.instant());
    }
}

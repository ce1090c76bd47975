package cn.minzheng.bureau.youfu;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.ProgramCase;

/**
 * The one writer of {@code youfu_conscript} and {@code youfu_conscript_grant}. A grant decided 发放 becomes an
 * enrolment of the program YOUFU_YOUDAI (one per conscript and year), paid once by the program's payroll.
 */
@Repository
public class YoufuConscriptRepository {

    static final String ENTITY = "YOUFU_CONSCRIPT";

    public enum GrantStatus { PROPOSED, GRANTED, NOT_GRANTED }

    public record Grant(long id, long conscriptId, int grantYear, String townshipCode, BigDecimal amount,
                        String calculationSnapshot, GrantStatus status, String reason, String decidedBy,
                        String processInstanceId) {
    }

    private static final String COLUMNS = """
            id, person_id_number, person_name, household_id, township_code, payee_id_number, payee_name,
            enlistment_date, discharge_date""";
    private static final String GRANT_COLUMNS = """
            id, conscript_id, grant_year, township_code, amount, calculation_snapshot, status, reason, decided_by,
            process_instance_id""";

    private final JdbcClient jdbc;
    private final EnrolmentRepository enrolments;
    private final AuditTrail audit;

    public YoufuConscriptRepository(JdbcClient jdbc, EnrolmentRepository enrolments, AuditTrail audit) {
        this.jdbc = jdbc;
        this.enrolments = enrolments;
        this.audit = audit;
    }

    public YoufuConscript insert(YoufuConscript c, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into youfu_conscript (person_id_number, person_name, household_id, township_code,
                        payee_id_number, payee_name, enlistment_date, discharge_date, registered_by, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(c.personIdNumber(), c.personName(), c.householdId(), c.townshipCode(), c.payeeIdNumber(),
                            c.payeeName(), Date.valueOf(c.enlistmentDate()),
                            c.dischargeDate() == null ? null : Date.valueOf(c.dischargeDate()), actor, now())
                    .update(key, "id");
        } catch (DuplicateKeyException raceLost) {
            throw new RuleViolation("ALREADY_REGISTERED", c.personName() + "已登记为义务兵，不能重复登记", 409);
        }
        long id = key.getKey().longValue();
        audit.record(ENTITY, id, c.householdId(), null, "CREATED", actor, null, null,
                Map.of("payeeIdNumber", c.payeeIdNumber(), "enlistmentDate", c.enlistmentDate().toString()));
        return find(id).orElseThrow();
    }

    public Optional<YoufuConscript> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from youfu_conscript where id = ?").param(id)
                .query(RecordRows.of(YoufuConscript.class)).optional();
    }

    public Optional<YoufuConscript> findByPerson(String idNumber) {
        return jdbc.sql("select " + COLUMNS + " from youfu_conscript where person_id_number = ?").param(idNumber)
                .query(RecordRows.of(YoufuConscript.class)).optional();
    }

    public List<YoufuConscript> list(String townshipCode) {
        return jdbc.sql("select " + COLUMNS + " from youfu_conscript where (cast(? as varchar(40)) is null or township_code = ?) order by id")
                .params(townshipCode, townshipCode).query(RecordRows.of(YoufuConscript.class)).list();
    }

    /** The conscripts in service on {@code onDay} as 义务兵: enlisted by then, less than two years before, not discharged. */
    public List<YoufuConscript> inService(LocalDate onDay) {
        return jdbc.sql("select " + COLUMNS + " " + """
                 from youfu_conscript where enlistment_date <= ? and enlistment_date > ?
                  and (discharge_date is null or discharge_date > ?) order by township_code, id""")
                .params(Date.valueOf(onDay), Date.valueOf(onDay.minusYears(2)), Date.valueOf(onDay))
                .query(RecordRows.of(YoufuConscript.class)).list();
    }

    /** Proposes the year's grant of a conscript; false when the conscript has the year's grant already. */
    public boolean propose(YoufuConscript c, int year, BigDecimal amount, String snapshot, String processInstanceId) {
        return jdbc.sql("""
                insert into youfu_conscript_grant (conscript_id, grant_year, township_code, amount, calculation_snapshot,
                    status, process_instance_id, created_at)
                select ?, ?, ?, ?, ?, 'PROPOSED', ?, ? from youfu_conscript c where c.id = ? and not exists
                    (select 1 from youfu_conscript_grant g where g.conscript_id = c.id and g.grant_year = ?)""")
                .params(c.id(), year, c.townshipCode(), amount, snapshot, processInstanceId, now(), c.id(), year)
                .update() == 1;
    }

    public List<String> townships(String processInstanceId) {
        return jdbc.sql("select distinct township_code from youfu_conscript_grant where process_instance_id = ? order by township_code")
                .param(processInstanceId).query(String.class).list();
    }

    public List<Grant> grants(String processInstanceId, String townshipCode) {
        return jdbc.sql("select " + GRANT_COLUMNS + " from youfu_conscript_grant where process_instance_id = ? and township_code = ? order by id")
                .params(processInstanceId, townshipCode).query(RecordRows.of(Grant.class)).list();
    }

    public List<Grant> grantsOf(long conscriptId) {
        return jdbc.sql("select " + GRANT_COLUMNS + " from youfu_conscript_grant where conscript_id = ? order by grant_year")
                .param(conscriptId).query(RecordRows.of(Grant.class)).list();
    }

    /** 不发放: the clerk's reason. */
    public boolean refuse(long grantId, String reason, String actor) {
        return decide(grantId, GrantStatus.NOT_GRANTED, reason, actor);
    }

    /**
     * 发放: the grant becomes an ACTIVE enrolment of the program (the family's payee, the year's amount) from
     * {@code month}, which the program's next payroll pays once.
     */
    public Enrolment grant(long grantId, String month, String actor) {
        if (!decide(grantId, GrantStatus.GRANTED, null, actor)) {
            throw new RuleViolation("YOUDAI_ALREADY_DECIDED", "该优待金已核对，不能重复发放", 409);
        }
        Grant g = jdbc.sql("select " + GRANT_COLUMNS + " from youfu_conscript_grant where id = ?").param(grantId)
                .query(RecordRows.of(Grant.class)).single();
        YoufuConscript c = find(g.conscriptId()).orElseThrow();
        Enrolment enrolment = enrolments.mirror(new ProgramCase(YoufuConscriptProcess.PROGRAM, g.id(), c.householdId(),
                c.payeeIdNumber(), c.townshipCode(), EnrolmentStatus.ACTIVE, g.amount(), month,
                g.calculationSnapshot()), actor, g.grantYear() + "年度义务兵家庭优待金，" + c.personName() + "之家属" + c.payeeName());
        audit.record(ENTITY, c.id(), c.householdId(), null, "GRANTED", actor, null, null,
                Map.of("grantYear", g.grantYear(), "amount", g.amount(), "enrolmentId", enrolment.id()));
        return enrolment;
    }

    private boolean decide(long grantId, GrantStatus status, String reason, String actor) {
        return jdbc.sql("""
                update youfu_conscript_grant set status = ?, reason = ?, decided_by = ?, decided_at = ?
                where id = ? and status = 'PROPOSED'""")
                .params(status.name(), reason, actor, now(), grantId).update() == 1;
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}

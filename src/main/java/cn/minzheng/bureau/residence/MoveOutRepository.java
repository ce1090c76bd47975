package cn.minzheng.bureau.residence;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.engine.EngineClock;

/** The one writer of {@code household_move_out}; reads the household register for the person who moves. */
@Repository
public class MoveOutRepository {

    private static final String COLUMNS = """
            id, id_number, person_name, household_id, township_code, moved_on, destination, transfer_reference, effects,
            process_instance_id, registered_by, registered_at""";

    private final JdbcClient jdbc;

    public MoveOutRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A resident as the household register has them: the newest row of the ID number. */
    public record Person(long householdId, String townshipCode, String name, LocalDate diedOn, LocalDate movedOutOn) {
    }

    public Optional<Person> person(String idNumber) {
        return jdbc.sql("""
                select m.household_id, h.township_code, m.name, m.died_on, m.moved_out_on
                from household_member m join household h on h.id = m.household_id
                where m.id_number = ? order by m.id desc""").param(idNumber)
                .query(RecordRows.of(Person.class)).list().stream().findFirst();
    }

    public long insert(String idNumber, Person person, LocalDate movedOn, String destination, String transferReference,
                       String processInstanceId, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into household_move_out (id_number, person_name, household_id, township_code, moved_on, destination,
                    transfer_reference, process_instance_id, registered_by, registered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(idNumber, person.name(), person.householdId(), person.townshipCode(), movedOn, destination,
                        transferReference, processInstanceId, actor, Timestamp.from(EngineClock.instant()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void saveEffects(long id, String effects) {
        jdbc.sql("update household_move_out set effects = ? where id = ?").params(effects, id).update();
    }

    public Optional<MoveOut> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from household_move_out where id = ?").param(id)
                .query(RecordRows.of(MoveOut.class)).optional();
    }

    public Optional<MoveOut> ofProcess(String processInstanceId) {
        return jdbc.sql("select " + COLUMNS + " from household_move_out where process_instance_id = ?")
                .param(processInstanceId).query(RecordRows.of(MoveOut.class)).optional();
    }

    /** The records of a township (null: every township), newest first. */
    public List<MoveOut> list(String townshipCode) {
        if (townshipCode == null) {
            return jdbc.sql("select " + COLUMNS + " from household_move_out order by id desc")
                    .query(RecordRows.of(MoveOut.class)).list();
        }
        return jdbc.sql("select " + COLUMNS + " from household_move_out where township_code = ? order by id desc")
                .param(townshipCode).query(RecordRows.of(MoveOut.class)).list();
    }

    /** Payments of an enrolment: benefit month, amount, status (every kind). */
    public record Paid(String benefitMonth, java.math.BigDecimal amount, String status) {
    }

    public List<Paid> payments(long enrolmentId) {
        return jdbc.sql("select benefit_month, amount, status from payment where enrolment_id = ? order by benefit_month, id")
                .param(enrolmentId).query(RecordRows.of(Paid.class)).list();
    }

    /** Members the case counts who still live in the district (after the move was recorded on the household file). */
    public long remainingMembers(long caseId) {
        return jdbc.sql("""
                select count(*) from dibao_case_person p join dibao_case c on c.id = p.case_id
                where p.case_id = ? and p.open_id_number is not null and exists (select 1 from household_member hm
                    where hm.household_id = c.household_id and hm.id_number = p.id_number
                      and hm.died_on is null and hm.moved_out_on is null)""").param(caseId).query(Long.class).single();
    }
}

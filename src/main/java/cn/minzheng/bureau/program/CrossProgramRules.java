package cn.minzheng.bureau.program;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.RuleViolation;

/**
 * The cross-program rules (processes/program-compatibility.dmn): whether a person may be enrolled in a program
 * while they are in another one (申请办理中, 享受中 or 暂停发放). Checked before a new enrolment writes anything,
 * and re-checkable by a review ({@link #conflicts}).
 *
 * <p>Who an enrolment covers: a person's enrolment (特困供养, 高龄津贴) covers its {@code person_id_number}; a 低保
 * enrolment covers the members its case holds while it is open ({@code dibao_case_person.open_id_number}).
 */
@Service
public class CrossProgramRules {

    public static final String DECISION = "program-compatibility";

    private static final String LIVE = "'APPLIED','ACTIVE','SUSPENDED'";

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final ProgramRegistry programs;

    public CrossProgramRules(JdbcClient jdbc, DecisionService decisions, ProgramRegistry programs) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.programs = programs;
    }

    /** A person the new enrolment would cover: the resident ID number, and the name for the message. */
    public record Person(String idNumber, String name) {
    }

    /** A live enrolment of another (or the same) program that the rules do not allow beside the new one. */
    public record Conflict(Person person, Enrolment enrolment, String reason, String message) {
    }

    /**
     * Refuses (409, Chinese, naming the conflicting enrolment: program, status, since which month) when one of the
     * persons is in a program that the rules do not allow beside {@code programCode}. {@code ownEnrolmentId}, if
     * given, is the enrolment being re-checked, which never conflicts with itself.
     */
    public void check(String programCode, Collection<Person> persons, Long ownEnrolmentId) {
        List<Conflict> found = conflicts(programCode, persons, ownEnrolmentId);
        if (!found.isEmpty()) {
            throw new RuleViolation("PROGRAM_CONFLICT", found.get(0).message(), 409);
        }
    }

    public void check(String programCode, Collection<Person> persons) {
        check(programCode, persons, null);
    }

    /** Every conflict of the persons with {@code programCode}, for a review to list. */
    public List<Conflict> conflicts(String programCode, Collection<Person> persons, Long ownEnrolmentId) {
        List<Conflict> found = new ArrayList<>();
        for (Person person : persons) {
            for (Enrolment other : liveEnrolmentsOf(person.idNumber())) {
                if (ownEnrolmentId != null && other.id() == ownEnrolmentId) {
                    continue;
                }
                DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION)
                        .variables(Map.of("enrollingProgram", programCode, "existingProgram", other.programCode()))
                        .evaluate().getFirstResult();
                if (result == null || Boolean.TRUE.equals(result.get("allowed"))) {
                    continue;
                }
                String reason = (String) result.get("reason");
                found.add(new Conflict(person, other, reason, message(person, other, reason)));
            }
        }
        return found;
    }

    private String message(Person person, Enrolment other, String reason) {
        String program = programs.find(other.programCode()).map(Program::name).orElse(other.programCode());
        String since = other.startMonth() != null ? other.startMonth()
                : other.createdAt().toLocalDate().toString().substring(0, 7);
        String who = person.name() == null || person.name().isBlank() ? "身份证号" + person.idNumber()
                : person.name() + "（身份证号" + person.idNumber() + "）";
        return who + "已在" + program + "中（" + other.status().label() + "，自" + since + "起）：" + reason;
    }

    /** The person's live enrolments: their own, and 低保 enrolments whose open case holds them. */
    public List<Enrolment> liveEnrolmentsOf(String idNumber) {
        return jdbc.sql("""
                select e.id, e.program_code, e.household_id, e.person_id_number, e.township_code, e.status, e.amount,
                    e.start_month, e.end_month, e.calculation_snapshot, e.program_case_id, e.created_at
                from enrolment e
                where e.status in (%s)
                  and (e.person_id_number = :idNumber
                       or (e.program_code = 'DIBAO' and e.person_id_number is null and exists (
                           select 1 from dibao_case_person p
                           where p.case_id = e.program_case_id and p.open_id_number = :idNumber)))
                order by e.id""".formatted(LIVE))
                .param("idNumber", idNumber)
                .query((rs, n) -> new Enrolment(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), EnrolmentStatus.valueOf(rs.getString(6)), rs.getBigDecimal(7),
                        rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getObject(11) == null ? null : rs.getLong(11), rs.getTimestamp(12).toLocalDateTime()))
                .list();
    }
}

package cn.minzheng.bureau.program;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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

    /** ID numbers per query when many persons are assessed at once. */
    public static final int CHUNK = 500;

    private static final String COLUMNS = """
            e.id, e.program_code, e.household_id, e.person_id_number, e.township_code, e.status, e.amount, e.start_month,
                e.end_month, e.calculation_snapshot, e.program_case_id, e.created_at""";

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

    /**
     * A live enrolment of a person and what the rules say of it beside {@code programCode}: allowed (临时救助, 高龄津贴
     * combine with anything) or not, with the rules' reason and the Chinese message naming the enrolment.
     */
    public record Finding(Person person, Enrolment enrolment, boolean allowed, String reason, String message) {
    }

    /** Every conflict of the persons with {@code programCode}, for a review to list. */
    public List<Conflict> conflicts(String programCode, Collection<Person> persons, Long ownEnrolmentId) {
        return assess(programCode, persons).stream()
                .filter(f -> !f.allowed() && (ownEnrolmentId == null || f.enrolment().id() != ownEnrolmentId))
                .map(f -> new Conflict(f.person(), f.enrolment(), f.reason(), f.message()))
                .toList();
    }

    /**
     * Every live enrolment of the persons with the rules' answer beside {@code programCode}, in the persons' order:
     * set-based for many persons (a roster import's chunk): the enrolments are read {@value #CHUNK} ID numbers per
     * query, and the decision is evaluated once per program met.
     */
    public List<Finding> assess(String programCode, Collection<Person> persons) {
        Map<String, List<Enrolment>> live = liveEnrolmentsOf(persons.stream().map(Person::idNumber).toList());
        Map<String, DmnDecisionResultEntries> answers = new HashMap<>();
        List<Finding> found = new ArrayList<>();
        for (Person person : persons) {
            for (Enrolment other : live.getOrDefault(person.idNumber(), List.of())) {
                DmnDecisionResultEntries result = answers.computeIfAbsent(other.programCode(),
                        existing -> decisions.evaluateDecisionByKey(DECISION)
                                .variables(Map.of("enrollingProgram", programCode, "existingProgram", existing))
                                .evaluate().getFirstResult());
                boolean allowed = result == null || Boolean.TRUE.equals(result.get("allowed"));
                String reason = result == null ? "" : (String) result.get("reason");
                found.add(new Finding(person, other, allowed, reason, message(person, other, reason)));
            }
        }
        return found;
    }

    /**
     * The enrolment as a refusal names it: the program, its status, since which month and its number (登记编号, the
     * number its decision letter carries), e.g. 特困人员救助供养中（享受中，自2026-01起，登记编号12）.
     */
    public String describe(Enrolment enrolment) {
        String program = programs.find(enrolment.programCode()).map(Program::name).orElse(enrolment.programCode());
        String since = enrolment.startMonth() != null ? enrolment.startMonth()
                : enrolment.createdAt().toLocalDate().toString().substring(0, 7);
        return program + "中（" + enrolment.status().label() + "，自" + since + "起，登记编号" + enrolment.id() + "）";
    }

    private String message(Person person, Enrolment other, String reason) {
        String who = person.name() == null || person.name().isBlank() ? "身份证号" + person.idNumber()
                : person.name() + "（身份证号" + person.idNumber() + "）";
        return who + "已在" + describe(other) + (reason == null || reason.isEmpty() ? "" : "：" + reason);
    }

    /** The person's live enrolments: their own, and 低保 enrolments whose open case holds them. */
    public List<Enrolment> liveEnrolmentsOf(String idNumber) {
        return liveEnrolmentsOf(List.of(idNumber)).getOrDefault(idNumber, List.of());
    }

    /**
     * The persons' live enrolments by ID number, {@value #CHUNK} ID numbers per query, each person's in the order of
     * their ids. The 低保 enrolments are found through the open cases holding the persons, looked up first by ID
     * number: in one join H2 walks every live 低保 enrolment for each query (its plan starts from the enrolments), which
     * inside a roster commit that has just written thousands of cases cost seconds per chunk.
     */
    public Map<String, List<Enrolment>> liveEnrolmentsOf(List<String> idNumbers) {
        Map<String, List<Enrolment>> byPerson = new HashMap<>();
        List<String> distinct = idNumbers.stream().filter(java.util.Objects::nonNull).distinct().toList();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<String> ids = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            jdbc.sql("select e.person_id_number, %s from enrolment e where e.status in (%s) and e.person_id_number in (:ids)"
                            .formatted(COLUMNS, LIVE))
                    .param("ids", ids)
                    .query(rs -> {
                        byPerson.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(enrolment(rs));
                    });
            Map<Long, List<String>> openCases = new HashMap<>();
            jdbc.sql("select case_id, open_id_number from dibao_case_person where open_id_number in (:ids)")
                    .param("ids", ids)
                    .query(rs -> {
                        openCases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                    });
            if (!openCases.isEmpty()) {
                jdbc.sql("""
                        select e.program_case_id, %s from enrolment e
                        where e.program_code = 'DIBAO' and e.program_case_id in (:cases) and e.status in (%s)
                          and e.person_id_number is null""".formatted(COLUMNS, LIVE))
                        .param("cases", List.copyOf(openCases.keySet()))
                        .query(rs -> {
                            Enrolment enrolment = enrolment(rs);
                            openCases.get(rs.getLong(1)).forEach(id ->
                                    byPerson.computeIfAbsent(id, k -> new ArrayList<>()).add(enrolment));
                        });
            }
        }
        byPerson.values().forEach(list -> list.sort(Comparator.comparingLong(Enrolment::id)));
        return byPerson;
    }

    /** The enrolment of a row whose first column is the key it was looked up by. */
    private static Enrolment enrolment(ResultSet rs) throws SQLException {
        return new Enrolment(rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                EnrolmentStatus.valueOf(rs.getString(7)), rs.getBigDecimal(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getObject(12) == null ? null : rs.getLong(12), rs.getTimestamp(13).toLocalDateTime());
    }
}

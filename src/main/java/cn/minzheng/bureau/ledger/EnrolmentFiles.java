package cn.minzheng.bureau.ledger;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramKind;
import cn.minzheng.bureau.program.ProgramRegistry;
import cn.minzheng.bureau.program.documents.EnrolmentDecisions;

/**
 * A household's enrolments of every program as its file (家庭档案) shows them: the program by its Chinese name,
 * who is enrolled (the household, or the member by name), status, amount, months and the dated history with
 * people by name.
 */
@Component
public class EnrolmentFiles {

    /**
     * {@code amountKind}: 每月 for a monthly program, 一次性 for a one-off grant; {@code decisionLink}: the decision
     * letter (PDF) once the enrolment is decided, else null.
     */
    public record EnrolmentLine(String programName, String enrolled, String status, BigDecimal amount, String amountKind,
                                String startMonth, String endMonth, List<StatusLine> history, String decisionLink) {

        /**
         * Ended before its first month (a case approved for next month, then ended this month): no month was due,
         * which the months alone, an end before the start, leave the reader to work out.
         */
        public boolean endedBeforeItsStart() {
            return startMonth != null && endMonth != null && endMonth.compareTo(startMonth) < 0;
        }
    }

    public record StatusLine(LocalDateTime changedAt, String status, String changedBy, String reason) {
    }

    private final EnrolmentRepository enrolments;
    private final ProgramRegistry programs;
    private final PersonNames people;
    private final EnrolmentDecisions decisions;

    public EnrolmentFiles(EnrolmentRepository enrolments, ProgramRegistry programs, PersonNames people,
                          EnrolmentDecisions decisions) {
        this.decisions = decisions;
        this.enrolments = enrolments;
        this.programs = programs;
        this.people = people;
    }

    public List<EnrolmentLine> ofHousehold(long householdId, Household household) {
        Map<String, Program> byCode = programs.all().stream().collect(Collectors.toMap(Program::code, p -> p));
        Map<String, String> memberNames = household.members().stream()
                .collect(Collectors.toMap(m -> m.idNumber().value(), Household.Member::name, (a, b) -> a));
        return enrolments.forHouseholdAndMembers(householdId, List.copyOf(memberNames.keySet())).stream()
                .map(e -> new EnrolmentLine(name(byCode, e.programCode()), enrolled(e, memberNames), e.status().label(),
                        e.amount(), amountKind(byCode, e.programCode()), e.startMonth(), e.endMonth(),
                        enrolments.history(e.id()).stream()
                                .map(h -> new StatusLine(h.changedAt(), h.status().label(), people.of(h.changedBy()), h.reason()))
                                .toList(), decisionLink(e)))
                .toList();
    }

    private static String name(Map<String, Program> byCode, String code) {
        Program program = byCode.get(code);
        return program == null ? code : program.name();
    }

    private static String amountKind(Map<String, Program> byCode, String code) {
        Program program = byCode.get(code);
        return program == null ? "" : program.kind() == ProgramKind.ONE_OFF ? "一次性" : "每月";
    }

    private String decisionLink(Enrolment enrolment) {
        if (decisions.decision(enrolment).isEmpty()) {
            return null;
        }
        return "/ledger/enrolments/" + enrolment.id() + "/decision.pdf";
    }

    private static String enrolled(Enrolment enrolment, Map<String, String> memberNames) {
        return enrolment.personIdNumber() == null ? "全户"
                : memberNames.getOrDefault(enrolment.personIdNumber(), "（已不在本户的成员）");
    }
}

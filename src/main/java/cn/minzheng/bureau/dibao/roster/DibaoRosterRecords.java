package cn.minzheng.bureau.dibao.roster;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.importing.kind.ChangedSinceValidation;
import cn.minzheng.bureau.importing.kind.ChangedSinceValidation.Refusal;
import cn.minzheng.bureau.importing.kind.StagedRow;
import cn.minzheng.bureau.program.CrossProgramRules;
import cn.minzheng.bureau.program.CrossProgramRules.Finding;
import cn.minzheng.bureau.program.CrossProgramRules.Person;
import cn.minzheng.bureau.program.Program;

/**
 * What the records say of the persons of a 低保 roster's chunk, asked of the database a chunk at a time (never a
 * query per person): the rules every enrolment in 低保 meets, not a copy of them.
 * <ul>
 * <li>a member of an open 低保 case (在办或在保, the case holds its members: {@code DibaoCaseRepository}) is
 * refused, naming the case;</li>
 * <li>a person in a program that the cross-program rules ({@link CrossProgramRules}, DMN
 * {@code program-compatibility}) do not allow beside 低保 (特困供养) is refused, naming the enrolment;</li>
 * <li>a person who already has a household record (家庭档案), in no program or only in programs that combine
 * with 低保 (高龄津贴, 临时救助, 优抚), is a warning the administrator accepts: the import records the household
 * again, as a new application does, and the file names the enrolments the person keeps.</li>
 * </ul>
 * At commit the rules are asked again ({@link #refusedAtCommit}): a person enrolled meanwhile fails the commit.
 */
final class DibaoRosterRecords {

    /** The verdict on one person: refused, or a warning. */
    record Verdict(boolean refused, String message) {
    }

    private final DibaoCaseRepository cases;
    private final CrossProgramRules rules;
    private final HouseholdRepository households;

    DibaoRosterRecords(DibaoCaseRepository cases, CrossProgramRules rules, HouseholdRepository households) {
        this.cases = cases;
        this.rules = rules;
        this.households = households;
    }

    /** The persons with something on record, by ID number; a person without a record is absent. */
    Map<String, Verdict> of(List<Person> persons) {
        List<String> ids = persons.stream().map(Person::idNumber).toList();
        Map<String, String> openCases = cases.openCaseNumbers(ids);
        Map<String, List<Finding>> findings = rules.assess(Program.DIBAO, persons).stream()
                .collect(Collectors.groupingBy(f -> f.person().idNumber(), LinkedHashMap::new, Collectors.toList()));
        Set<String> known = households.knownIdNumbers(ids);
        Map<String, Verdict> verdicts = new HashMap<>();
        for (Person person : persons) {
            String id = person.idNumber();
            List<Finding> live = findings.getOrDefault(id, List.of());
            String openCase = openCases.get(id);
            Finding conflict = live.stream().filter(f -> !f.allowed()).findFirst().orElse(null);
            if (openCase != null) {
                verdicts.put(id, new Verdict(true, "公民身份号码" + id + "已在低保案件" + openCase
                        + "中（在办或在保），同一人不能重复纳入低保，不能导入"));
            } else if (conflict != null) {
                verdicts.put(id, new Verdict(true, conflict.message() + "，不能导入低保"));
            } else if (known.contains(id) || !live.isEmpty()) {
                String others = live.stream().map(f -> rules.describe(f.enrolment())).collect(Collectors.joining("、"));
                verdicts.put(id, new Verdict(false, "公民身份号码" + id + "已有家庭档案"
                        + (others.isEmpty() ? "，目前不在任何救助项目中" : "，另在" + others + "，按跨项目规则可同时享受低保")
                        + "；导入后按名册另建家庭档案记录，须管理员确认"));
            }
        }
        return verdicts;
    }

    /**
     * At commit, inside its transaction, the rows of a chunk asked again in one lookup: those whose person has been
     * enrolled since validation in a program the rules do not allow beside 低保 (特困供养), or whose person an open 低保
     * case holds now (its enrolment named; the database's one open case per person stays the last word), in row
     * order. Warnings are not asked again: the administrator accepted them at commit.
     */
    List<Refusal> refusedAtCommit(List<StagedRow> rows) {
        return ChangedSinceValidation.refusedNow(rules, Program.DIBAO, "低保", rows);
    }
}

package cn.minzheng.bureau.dibao.review;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;

/**
 * How often an active 低保 household is re-examined (定期核查): dibao-review-frequency.dmn over who in the household
 * can work and how. The table holds the intervals (审核确认办法: yearly for households whose situation hardly changes,
 * half-yearly for irregular income and members able to work; the district's quarterly rule for unemployed members);
 * this class only counts the members.
 */
@Component
public class ReviewFrequency {

    public static final String DECISION = "dibao-review-frequency";

    /** Working age as the table's description states it: 16 up to (not including) 60. */
    static final int WORKING_AGE_FROM = 16;
    static final int WORKING_AGE_UNTIL = 60;

    private static final Set<EmploymentStatus> NOT_AVAILABLE_FOR_WORK = EnumSet.of(EmploymentStatus.UNABLE_TO_WORK,
            EmploymentStatus.STUDENT, EmploymentStatus.RETIRED, EmploymentStatus.PRESCHOOL);
    private static final Set<EmploymentStatus> IRREGULAR_WORK = EnumSet.of(EmploymentStatus.FLEXIBLE, EmploymentStatus.FARMING);

    /** The interval between two reviews, and the table's reason for it (in Chinese, as users read it). */
    public record Interval(int months, String basis) {
    }

    /** A living member of the household, as far as the rule looks at them. */
    public record Member(LocalDate birthDate, EmploymentStatus status, DisabilityLevel disability) {

        boolean ableToWork(LocalDate day) {
            return !birthDate.plusYears(WORKING_AGE_FROM).isAfter(day) && birthDate.plusYears(WORKING_AGE_UNTIL).isAfter(day)
                    && !NOT_AVAILABLE_FOR_WORK.contains(status) && disability != DisabilityLevel.SEVERE;
        }
    }

    /** What the table reads: the case's category and the counts of members able to work, unemployed, in irregular work. */
    public record WorkProfile(CaseCategory category, int ableToWork, int unemployed, int irregularWork) {

        public static WorkProfile of(CaseCategory category, List<Member> livingMembers, LocalDate day) {
            List<Member> able = livingMembers.stream().filter(member -> member.ableToWork(day)).toList();
            int unemployed = (int) able.stream().filter(member -> member.status() == EmploymentStatus.UNEMPLOYED).count();
            int irregular = (int) able.stream().filter(member -> IRREGULAR_WORK.contains(member.status())).count();
            return new WorkProfile(category, able.size(), unemployed, irregular);
        }
    }

    private final DecisionService decisions;

    public ReviewFrequency(DecisionService decisions) {
        this.decisions = decisions;
    }

    public Interval of(WorkProfile profile) {
        Map<String, Object> inputs = Map.of("category", profile.category().name(), "membersAbleToWork", profile.ableToWork(),
                "membersUnemployed", profile.unemployed(), "membersInIrregularWork", profile.irregularWork());
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION).variables(inputs).evaluate()
                .getSingleResult();
        if (result == null || result.get("months") == null) {
            throw new IllegalStateException(DECISION + ".dmn gave no interval for " + inputs);
        }
        int months = ((Number) result.get("months")).intValue();
        if (months < 1) {
            throw new IllegalStateException(DECISION + ".dmn gave an interval of " + months + " months for " + inputs);
        }
        return new Interval(months, (String) result.get("basis"));
    }

    /** For one run over many cases: the table is evaluated once for each distinct profile (a handful in a district). */
    public Function<WorkProfile, Interval> forOneRun() {
        Map<WorkProfile, Interval> evaluated = new HashMap<>();
        return profile -> evaluated.computeIfAbsent(profile, this::of);
    }
}

package cn.minzheng.bureau.dibao.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.review.ReviewFrequency.Member;
import cn.minzheng.bureau.dibao.review.ReviewFrequency.WorkProfile;
import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;

/**
 * How often a household is reviewed: who counts as able to work, and dibao-review-frequency.dmn as deployed to a
 * bare engine.
 */
@Deployment(resources = "processes/dibao-review-frequency.dmn")
class ReviewFrequencyTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bare-engine.cfg.xml").build();

    ProcessEngine engine;

    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    @ParameterizedTest(name = "{0}: able {1}, unemployed {2}, irregular {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # members, each birth date / employment / disability; counts of able, unemployed, in irregular work
            2010-06-15 UNEMPLOYED NONE                                       | 1 | 1 | 0
            # a day short of 16: not yet of working age
            2010-06-16 UNEMPLOYED NONE                                       | 0 | 0 | 0
            # 60 today: no longer of working age
            1966-06-15 FLEXIBLE NONE                                         | 0 | 0 | 0
            1966-06-16 FLEXIBLE NONE                                         | 1 | 0 | 1
            1980-01-01 FARMING MILD                                          | 1 | 0 | 1
            1980-01-01 FARMING SEVERE                                        | 0 | 0 | 0
            1980-01-01 UNABLE_TO_WORK NONE                                   | 0 | 0 | 0
            2005-01-01 STUDENT NONE                                          | 0 | 0 | 0
            1970-01-01 RETIRED NONE                                          | 0 | 0 | 0
            1980-01-01 EMPLOYED NONE, 1982-01-01 UNEMPLOYED NONE, 2015-01-01 PRESCHOOL NONE | 2 | 1 | 0
            1980-01-01 EMPLOYED NONE, 1982-01-01 FLEXIBLE NONE, 1950-01-01 FARMING NONE     | 2 | 0 | 1
            """)
    void whoIsAbleToWork(String members, int able, int unemployed, int irregular) {
        List<Member> living = Arrays.stream(members.split(",")).map(String::trim).map(member -> member.split(" "))
                .map(parts -> new Member(LocalDate.parse(parts[0]), EmploymentStatus.valueOf(parts[1]), DisabilityLevel.valueOf(parts[2])))
                .toList();
        assertThat(WorkProfile.of(CaseCategory.ORDINARY, living, DAY))
                .isEqualTo(new WorkProfile(CaseCategory.ORDINARY, able, unemployed, irregular));
    }

    @ParameterizedTest(name = "{0}: able {1}, unemployed {2}, irregular {3} → every {4} months")
    @CsvSource(delimiter = '|', textBlock = """
            # nobody able to work: yearly, whatever the category
            ELDERLY           | 0 | 0 | 0 | 12 | 家庭成员均无劳动能力，短期内经济状况变化不大：每年核查一次
            SEVERE_DISABILITY | 0 | 0 | 0 | 12 | 家庭成员均无劳动能力，短期内经济状况变化不大：每年核查一次
            ORDINARY          | 0 | 0 | 0 | 12 | 家庭成员均无劳动能力，短期内经济状况变化不大：每年核查一次
            # an unemployed member able to work: quarterly, even beside irregular work
            ORDINARY          | 1 | 1 | 0 | 3  | 有劳动能力的成员失业，就业后收入变化大：每季度核查一次
            ORDINARY          | 3 | 1 | 1 | 3  | 有劳动能力的成员失业，就业后收入变化大：每季度核查一次
            # flexible work or farming: half-yearly
            ORDINARY          | 1 | 0 | 1 | 6  | 收入来源不固定、家庭成员有劳动能力：每半年核查一次
            ELDERLY           | 2 | 0 | 2 | 6  | 收入来源不固定、家庭成员有劳动能力：每半年核查一次
            # everyone able to work in a steady job: yearly
            ORDINARY          | 2 | 0 | 0 | 12 | 收入来源固定，短期内经济状况变化不大：每年核查一次
            """)
    void theTablesInterval(CaseCategory category, int able, int unemployed, int irregular, int months, String basis) {
        ReviewFrequency.Interval interval = new ReviewFrequency(engine.getDecisionService())
                .of(new WorkProfile(category, able, unemployed, irregular));
        assertThat(interval.months()).isEqualTo(months);
        assertThat(interval.basis()).isEqualTo(basis);
    }
}

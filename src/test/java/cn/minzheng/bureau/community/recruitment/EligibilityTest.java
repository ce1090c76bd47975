package cn.minzheng.bureau.community.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.household.ResidentIdNumber;

class EligibilityTest {

    private static final LocalDate ON = LocalDate.of(2026, 11, 29);

    @ParameterizedTest(name = "born {0}, {1}, worker {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "2008-11-29, HIGH_SCHOOL, false, 18, true, -",
            "2008-11-30, HIGH_SCHOOL, false, 17, false, 年龄17岁，不在18至45岁之间",
            "1981-11-29, BACHELOR, false, 45, true, -",
            "1980-11-28, BACHELOR, false, 46, false, 年龄46岁，不在18至45岁之间",
            "1996-05-01, JUNIOR_MIDDLE, false, 30, false, 学历初中及以下，低于高中或中专",
            "1996-05-01, POSTGRADUATE, false, 30, true, -",
            "1996-05-01, BACHELOR, true, 30, false, 已是在岗社区工作者，不能重复聘用",
    })
    void ageFromTheIdNumberEducationAndNoSecondAppointment(LocalDate born, Education education, boolean worker, int age,
                                                          boolean eligible, String reason) {
        String first17 = "410311" + born.toString().replace("-", "") + "123";
        ResidentIdNumber id = new ResidentIdNumber(first17 + ResidentIdNumber.checkCharacter(first17));
        Eligibility.Verdict verdict = Eligibility.check(id, education, worker, ON, new RecruitmentSettings());
        assertThat(verdict.age()).isEqualTo(age);
        assertThat(verdict.eligible()).isEqualTo(eligible);
        assertThat(verdict.reason()).isEqualTo(reason);
    }
}

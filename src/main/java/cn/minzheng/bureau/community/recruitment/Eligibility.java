package cn.minzheng.bureau.community.recruitment;

import java.time.LocalDate;
import java.time.Period;

import cn.minzheng.bureau.household.ResidentIdNumber;

/** 报名资格: age from the resident ID number, education, and not already a community worker. */
public final class Eligibility {

    private Eligibility() {
    }

    public record Verdict(int age, boolean eligible, String reason) {
    }

    public static Verdict check(ResidentIdNumber idNumber, Education education, boolean alreadyWorker, LocalDate on,
                                RecruitmentSettings settings) {
        int age = Period.between(idNumber.birthDate(), on).getYears();
        if (alreadyWorker) {
            return new Verdict(age, false, "已是在岗社区工作者，不能重复聘用");
        }
        if (age < settings.getMinimumAge() || age > settings.getMaximumAge()) {
            return new Verdict(age, false, "年龄" + age + "岁，不在" + settings.getMinimumAge() + "至" + settings.getMaximumAge() + "岁之间");
        }
        if (education.compareTo(settings.getMinimumEducation()) < 0) {
            return new Verdict(age, false, "学历" + education.label() + "，低于" + settings.getMinimumEducation().label());
        }
        return new Verdict(age, true, null);
    }
}

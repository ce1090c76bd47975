package cn.minzheng.bureau.community.recruitment;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** bureau.community.recruitment.*: who may apply for a community worker post, and how the score is weighted. */
@Component
@ConfigurationProperties("bureau.community.recruitment")
public class RecruitmentSettings {

    /** Age on the day of registration, from the resident ID number, inclusive. */
    private int minimumAge = 18;
    private int maximumAge = 45;
    private Education minimumEducation = Education.HIGH_SCHOOL;
    /** Total score = written × writtenWeight + interview × interviewWeight; the weights add up to 1. */
    private BigDecimal writtenWeight = new BigDecimal("0.60");
    private BigDecimal interviewWeight = new BigDecimal("0.40");

    public int getMinimumAge() {
        return minimumAge;
    }

    public void setMinimumAge(int minimumAge) {
        this.minimumAge = minimumAge;
    }

    public int getMaximumAge() {
        return maximumAge;
    }

    public void setMaximumAge(int maximumAge) {
        this.maximumAge = maximumAge;
    }

    public Education getMinimumEducation() {
        return minimumEducation;
    }

    public void setMinimumEducation(Education minimumEducation) {
        this.minimumEducation = minimumEducation;
    }

    public BigDecimal getWrittenWeight() {
        return writtenWeight;
    }

    public void setWrittenWeight(BigDecimal writtenWeight) {
        this.writtenWeight = writtenWeight;
    }

    public BigDecimal getInterviewWeight() {
        return interviewWeight;
    }

    public void setInterviewWeight(BigDecimal interviewWeight) {
        this.interviewWeight = interviewWeight;
    }
}

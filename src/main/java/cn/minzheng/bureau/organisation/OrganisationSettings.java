package cn.minzheng.bureau.organisation;

import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * bureau.organisation.*: the wording rules of organisation names (名称预先核准) and how long a name stays reserved.
 * The rules change with the registration authority's practice, so they are settings, not code.
 */
@Component
@ConfigurationProperties("bureau.organisation")
public class OrganisationSettings {

    /** The endings a name of each kind must have (the longest matching one is named in messages). */
    private Map<OrganisationKind, List<String>> suffixes = new EnumMap<>(Map.of(
            OrganisationKind.SOCIAL_GROUP, List.of("协会", "促进会", "研究会", "联合会", "商会", "学会", "联谊会"),
            OrganisationKind.PRIVATE_NON_ENTERPRISE, List.of("服务中心", "中心", "学校", "幼儿园", "培训学校", "养老院", "服务社", "研究院"),
            OrganisationKind.COMMUNITY_ORGANISATION, List.of("协会", "志愿服务队", "服务队", "文艺队", "舞蹈队", "合唱团", "互助会",
                    "服务站", "俱乐部")));
    /** Words a district-level organisation's name may not contain. */
    private List<String> forbiddenWords = List.of("中国", "全国", "中华", "国际", "世界", "国家");
    /** Shortest and longest name, in characters. */
    private int minLength = 4;
    private int maxLength = 50;
    /** How long a 名称预先核准 keeps the name for the applicant. */
    private Period reservationPeriod = Period.ofMonths(6);

    public Map<OrganisationKind, List<String>> getSuffixes() {
        return suffixes;
    }

    public void setSuffixes(Map<OrganisationKind, List<String>> suffixes) {
        this.suffixes = suffixes;
    }

    public List<String> getForbiddenWords() {
        return forbiddenWords;
    }

    public void setForbiddenWords(List<String> forbiddenWords) {
        this.forbiddenWords = forbiddenWords;
    }

    public int getMinLength() {
        return minLength;
    }

    public void setMinLength(int minLength) {
        this.minLength = minLength;
    }

    public int getMaxLength() {
        return maxLength;
    }

    public void setMaxLength(int maxLength) {
        this.maxLength = maxLength;
    }

    public Period getReservationPeriod() {
        return reservationPeriod;
    }

    public void setReservationPeriod(Period reservationPeriod) {
        this.reservationPeriod = reservationPeriod;
    }
}

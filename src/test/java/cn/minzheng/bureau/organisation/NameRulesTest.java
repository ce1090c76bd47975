package cn.minzheng.bureau.organisation;

import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wording rules of names with the default settings (application.yml states the same). */
class NameRulesTest {

    private final OrganisationSettings settings = new OrganisationSettings();

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
            "中原区摄影家协会, SOCIAL_GROUP",
            "中原区老年体育促进会, SOCIAL_GROUP",
            "中原区地方史研究会, SOCIAL_GROUP",
            "中原区阳光社会工作服务中心, PRIVATE_NON_ENTERPRISE",
            "中原区启明职业培训学校, PRIVATE_NON_ENTERPRISE",
            "中原区康乐居家养老服务中心, PRIVATE_NON_ENTERPRISE",
    })
    void acceptsNamesWithTheKindsEnding(String name, OrganisationKind kind) {
        assertThat(NameRules.check(" " + name + " ", kind, settings)).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0} ({1}): {2}")
    @CsvSource(delimiter = '|', value = {
            "中华文化研究会             | SOCIAL_GROUP           | 不得使用“中华”字样",
            "中国象棋协会               | SOCIAL_GROUP           | 不得使用“中国”字样",
            "全国书法爱好者联谊会        | SOCIAL_GROUP           | 不得使用“全国”字样",
            "中原区国际交流服务中心      | PRIVATE_NON_ENTERPRISE | 不得使用“国际”字样",
            "中原区摄影家服务中心        | SOCIAL_GROUP           | 社会团体的名称应以“协会”、“促进会”",
            "中原区摄影家协会           | PRIVATE_NON_ENTERPRISE | 民办非企业单位的名称应以“服务中心”、“中心”",
            "中原区摄影家俱乐部          | SOCIAL_GROUP           | 社会团体的名称应以",
            "协会                     | SOCIAL_GROUP           | 应为4至50个字",
            "服务中心                  | PRIVATE_NON_ENTERPRISE | 组织名称除“服务中心”外还应有字号",
    })
    void refusesForbiddenWordsWrongEndingsAndLength(String name, OrganisationKind kind, String message) {
        assertThatThrownBy(() -> NameRules.check(name.strip(), kind, settings)).satisfies(violation(message.strip()));
    }
}

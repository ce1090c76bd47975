package cn.minzheng.bureau.community.reorganisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionKind;

/** Plan validation, table-driven, against a small district held in memory. */
class PlanValidatorTest {

    /** renqiu: rq-a (households 1, 2), rq-b (3); zhongyuan: zy-c (4, 5); yuecun: yc-v (none); old-x is closed. */
    static final PlanValidator.World WORLD = new PlanValidator.World() {
        final Map<String, Region> current = Map.of(
                "district", new Region("district", "本区", RegionKind.DISTRICT, null),
                "renqiu", new Region("renqiu", "任丘办事处", RegionKind.STREET_OFFICE, "district"),
                "zhongyuan", new Region("zhongyuan", "中原办事处", RegionKind.STREET_OFFICE, "district"),
                "yuecun", new Region("yuecun", "岳村乡", RegionKind.TOWNSHIP, "district"),
                "rq-a", new Region("rq-a", "京东社区", RegionKind.COMMUNITY, "renqiu"),
                "rq-b", new Region("rq-b", "永乐社区", RegionKind.COMMUNITY, "renqiu"),
                "zy-c", new Region("zy-c", "油田一社区", RegionKind.COMMUNITY, "zhongyuan"),
                "yc-v", new Region("yc-v", "东岳村", RegionKind.VILLAGE, "yuecun"));
        final Map<String, List<Long>> households = Map.of("rq-a", List.of(1L, 2L), "rq-b", List.of(3L), "zy-c", List.of(4L, 5L));

        @Override
        public Optional<Region> current(String code) {
            return Optional.ofNullable(current.get(code));
        }

        @Override
        public boolean everUsed(String code) {
            return current.containsKey(code) || code.equals("old-x");
        }

        @Override
        public List<Long> households(String communityCode) {
            return households.getOrDefault(communityCode, List.of());
        }
    };

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            merge into an existing community        | {"kind":"MERGE","sources":["rq-a","rq-b"],"code":"rq-a"}                                  |
            merge into a new community              | {"kind":"MERGE","sources":["rq-a","rq-b"],"code":"rq-new","name":"京东永乐社区"}             |
            new merged community needs a name       | {"kind":"MERGE","sources":["rq-a","rq-b"],"code":"rq-new"}                                 | 名称不能为空
            a closed community cannot be merged     | {"kind":"MERGE","sources":["old-x"],"code":"rq-a"}                                         | “old-x”不是现行的村（社区）
            a township is not a community           | {"kind":"MERGE","sources":["renqiu"],"code":"rq-a"}                                        | “renqiu”不是现行的村（社区）
            a merge needs something to merge        | {"kind":"MERGE","sources":["rq-a"],"code":"rq-a"}                                          | 至少要有一个被撤并的村（社区）
            duplicate sources                       | {"kind":"MERGE","sources":["rq-b","rq-b"],"code":"rq-a"}                                   | 被撤并的村（社区）有重复
            a merge cycle                           | {"kind":"MERGE","sources":["rq-a"],"code":"rq-b"},{"kind":"MERGE","sources":["rq-b"],"code":"rq-a"} | 不得循环撤并
            merged and handed over                  | {"kind":"MERGE","sources":["rq-b"],"code":"rq-a"},{"kind":"HAND_OVER","code":"rq-b","township":"zhongyuan"} | 只能调整一次
            an old code is never reused             | {"kind":"CREATE","code":"old-x","name":"新社区","township":"renqiu"}                        | 编码“old-x”已被使用
            a code is created once                  | {"kind":"CREATE","code":"rq-n","name":"甲","township":"renqiu"},{"kind":"CREATE","code":"rq-n","name":"乙","township":"renqiu"} | 编码“rq-n”已被使用
            codes are lower-case letters and digits | {"kind":"CREATE","code":"Bad_Code","name":"新社区","township":"renqiu"}                     | 只能由小写字母、数字和连字符组成
            split with a rest rule                  | {"kind":"SPLIT","code":"zy-c","parts":[{"code":"zy-c1","name":"一区"},{"code":"zy-c2","name":"二区"}],"households":{"4":"zy-c1"},"rest":"zy-c2"} |
            split household by household            | {"kind":"SPLIT","code":"zy-c","parts":[{"code":"zy-c1","name":"一区"},{"code":"zy-c2","name":"二区"}],"households":{"4":"zy-c1","5":"zy-c2"}} |
            split leaving a household behind        | {"kind":"SPLIT","code":"zy-c","parts":[{"code":"zy-c1","name":"一区"},{"code":"zy-c2","name":"二区"}],"households":{"4":"zy-c1"}} | 有1户未指定去向（户号5）
            split assigning a stranger              | {"kind":"SPLIT","code":"zy-c","parts":[{"code":"zy-c1","name":"一区"},{"code":"zy-c2","name":"二区"}],"households":{"9":"zy-c1"},"rest":"zy-c2"} | 户号9不是“油田一社区”的家庭
            split to an unknown part                | {"kind":"SPLIT","code":"zy-c","parts":[{"code":"zy-c1","name":"一区"},{"code":"zy-c2","name":"二区"}],"households":{"4":"zy-c9"},"rest":"zy-c2"} | 户号4的去向“zy-c9”不是拆分后的村（社区）
            split into one                          | {"kind":"SPLIT","code":"zy-c","parts":[{"code":"zy-c1","name":"一区"}],"rest":"zy-c1"}        | 至少要拆分为两个村（社区）
            split into an existing community        | {"kind":"SPLIT","code":"zy-c","parts":[{"code":"rq-a"},{"code":"zy-c2","name":"二区"}],"rest":"rq-a"} |
            a new street office and its community   | {"kind":"CREATE","code":"youtian","name":"油田办事处","regionKind":"STREET_OFFICE"},{"kind":"CREATE","code":"yt-1","name":"油田社区","township":"youtian"} |
            a community under a missing township    | {"kind":"CREATE","code":"yt-1","name":"油田社区","township":"youtian"}                       | “youtian”不是现行的乡镇（街道）
            an unknown region kind                  | {"kind":"CREATE","code":"yt-1","name":"油田社区","township":"renqiu","regionKind":"CITY"}     | 区划类型“CITY”无效
            hand over to a street office            | {"kind":"HAND_OVER","code":"zy-c","township":"renqiu"}                                     |
            hand over to where it already is        | {"kind":"HAND_OVER","code":"zy-c","township":"zhongyuan"}                                  | 已属于中原办事处
            hand over to a community                | {"kind":"HAND_OVER","code":"zy-c","township":"rq-a"}                                       | “rq-a”不是现行的乡镇（街道）
            rename                                  | {"kind":"RENAME","code":"rq-a","name":"京东新社区"}                                          |
            rename to the same name                 | {"kind":"RENAME","code":"rq-a","name":"京东社区"}                                            | 新名称与原名称相同
            a step without a kind                   | {"code":"rq-a"}                                                                            | 请填写调整类型
            """)
    void validates(String title, String steps, String expectedProblem) {
        ReorganisationPlan plan = CommunityReorganisationService.parse("{\"title\":\"" + title + "\",\"steps\":[" + steps + "]}");
        PlanValidator.Result result = PlanValidator.validate(plan, WORLD);
        if (expectedProblem == null) {
            assertThat(result.problems()).isEmpty();
            assertThat(result.plan()).isNotNull();
        } else {
            assertThat(result.valid()).isFalse();
            assertThat(String.join("；", result.problems())).contains(expectedProblem);
            assertThat(result.plan()).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no title | {"steps":[{"kind":"RENAME","code":"rq-a","name":"甲"}]} | 请填写方案名称
            no steps | {"title":"空方案","steps":[]}                          | 调整方案至少包含一项调整
            """)
    void aPlanNeedsATitleAndSteps(String name, String json, String expectedProblem) {
        assertThat(PlanValidator.validate(CommunityReorganisationService.parse(json), WORLD).problems()).anyMatch(p -> p.contains(expectedProblem));
    }

    @Test
    void aPlanTooLongForTasklistIsRefusedInChinese() {
        String steps = String.join(",", java.util.Collections.nCopies(120, "{\"kind\":\"RENAME\",\"code\":\"rq-a\",\"name\":\"京东社区\"}"));
        ReorganisationPlan plan = CommunityReorganisationService.parse("{\"title\":\"很长的方案\",\"steps\":[" + steps + "]}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CommunityReorganisationService.writeForTasklist(plan))
                .isInstanceOf(cn.minzheng.bureau.common.RuleViolation.class).hasMessageContaining("调整方案过长");
    }

    @Test
    void aSeedLikePlanSendsEveryHouseholdOfAClosedCommunitySomewhere() {
        ReorganisationPlan plan = CommunityReorganisationService.parse("""
                {"title": "社区调整", "steps": [
                  {"kind": "MERGE", "sources": ["rq-a", "rq-b"], "code": "rq-a"},
                  {"kind": "SPLIT", "code": "zy-c", "parts": [{"code": "zy-c1", "name": "油田一区"}, {"code": "zy-c2", "name": "油田二区"}],
                   "households": {"4": "zy-c1"}, "rest": "zy-c2"},
                  {"kind": "CREATE", "code": "rq-new", "name": "清华苑新社区", "township": "renqiu"},
                  {"kind": "HAND_OVER", "code": "yc-v", "township": "renqiu"}]}""");
        ResolvedPlan resolved = PlanValidator.validate(plan, WORLD).plan();

        assertThat(resolved.householdDestinations()).containsExactlyInAnyOrderEntriesOf(Map.of(3L, "rq-a", 4L, "zy-c1", 5L, "zy-c2"));
        assertThat(resolved.closures()).containsOnlyKeys("rq-b", "zy-c");
        assertThat(resolved.closures().get("rq-b")).isEqualTo("rq-a");
        assertThat(resolved.communityAfter("zy-c")).isEqualTo("zy-c2");
        assertThat(resolved.communityAfter("rq-a")).isEqualTo("rq-a");
        assertThat(resolved.townshipAfter("yc-v", "yuecun")).isEqualTo("renqiu");
        assertThat(resolved.townshipAfter("zy-c1", null)).isEqualTo("zhongyuan");
        assertThat(resolved.created()).extracting(Region::code).containsExactly("zy-c1", "zy-c2", "rq-new");
        assertThat(resolved.townshipsConcerned()).containsExactlyInAnyOrder("renqiu", "zhongyuan", "yuecun");
        assertThat(resolved.summary()).hasSize(4).first().asString().contains("永乐社区并入京东社区（任丘办事处）");
    }
}

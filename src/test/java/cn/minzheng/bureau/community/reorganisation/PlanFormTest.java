package cn.minzheng.bureau.community.reorganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.community.reorganisation.ReorganisationPlan.Part;
import cn.minzheng.bureau.community.reorganisation.ReorganisationPlan.Step;

/** The draft form's rows and the plan they stand for, both ways; what rows cannot show kept, new codes made up, gaps named in Chinese. */
class PlanFormTest {

    private static final Step SPLIT = new Step(StepKind.SPLIT, null, "zhongyuan-nanjiang", null, null, null,
            List.of(new Part("nj-east", "南江东社区"), new Part("nj-west", "南江西社区")), Map.of("7", "nj-east"), "nj-west");
    private static final Step NEW_STREET_OFFICE = new Step(StepKind.CREATE, null, "youtian", "油田办事处", null, "STREET_OFFICE",
            null, null, null);

    @Test
    void aPlansChangesBecomeRowsAndTheRowsTheSamePlanWithWhatRowsCannotShowKept() {
        ReorganisationPlan plan = new ReorganisationPlan("布局调整", List.of(
                new Step(StepKind.MERGE, List.of("renqiu-yongle"), "renqiu-jingdong", null, null, null, null, null, null),
                SPLIT,
                new Step(StepKind.HAND_OVER, null, "zhongyuan-yubei", null, "renqiu", null, null, null, null),
                new Step(StepKind.RENAME, null, "zhongyuan-jinhua", "金华苑社区", null, null, null, null, null),
                NEW_STREET_OFFICE));

        List<Map<String, Object>> rows = PlanForm.rows(plan);
        assertThat(rows).containsExactly(
                Map.of("kind", "MERGE", "sources", List.of("renqiu-yongle"), "target", "renqiu-jingdong"),
                Map.of("kind", "HAND_OVER", "community", "zhongyuan-yubei", "handOverTo", "renqiu"),
                Map.of("kind", "RENAME", "community", "zhongyuan-jinhua", "newName", "金华苑社区"));
        assertThat(PlanForm.kept(plan)).containsExactly(SPLIT, NEW_STREET_OFFICE);

        ReorganisationPlan again = PlanForm.plan("布局调整", rows, PlanForm.kept(plan), code -> false);
        assertThat(again.steps()).extracting(Step::kind)
                .containsExactly(StepKind.MERGE, StepKind.HAND_OVER, StepKind.RENAME, StepKind.SPLIT, StepKind.CREATE);
        assertThat(again.steps()).containsAll(plan.steps());
    }

    @Test
    void stepsNamingARegionThePlanCreatesAreKeptWithTheStepCreatingIt() {
        Step community = new Step(StepKind.CREATE, null, "youtian-1", "油田一社区", "youtian", null, null, null, null);
        Step handOver = new Step(StepKind.HAND_OVER, null, "zhongyuan-yubei", null, "youtian", null, null, null, null);
        Step newVillage = new Step(StepKind.CREATE, null, "mengke-xin", "新村", "mengke", null, null, null, null);
        Step mergeIntoIt = new Step(StepKind.MERGE, List.of("mengke-beimeng"), "mengke-xin", null, null, null, null, null, null);
        Step rename = new Step(StepKind.RENAME, null, "yuecun-xiyue", "西岳新村", null, null, null, null, null);
        ReorganisationPlan plan = new ReorganisationPlan("油田基地", List.of(NEW_STREET_OFFICE, community, handOver, newVillage,
                mergeIntoIt, rename));

        assertThat(PlanForm.kept(plan)).containsExactly(NEW_STREET_OFFICE, community, handOver, newVillage, mergeIntoIt);
        assertThat(PlanForm.rows(plan)).containsExactly(Map.of("kind", "RENAME", "community", "yuecun-xiyue", "newName", "西岳新村"));
    }

    @Test
    void aNewCommunityGetsACodeOfItsTownshipThatWasNeverUsed() {
        Set<String> used = Set.of("renqiu-n1");
        ReorganisationPlan plan = PlanForm.plan("新建社区", List.of(
                Map.of("kind", "CREATE", "createName", "油田一社区", "createIn", "renqiu"),
                Map.of("kind", "CREATE", "createName", "油田二社区", "createIn", "renqiu")), List.of(), used::contains);

        assertThat(plan.steps()).extracting(Step::code).containsExactly("renqiu-n2", "renqiu-n3");
        assertThat(plan.steps()).extracting(Step::township).containsOnly("renqiu");
        assertThat(PlanForm.rows(plan)).first().isEqualTo(Map.of("kind", "CREATE", "createName", "油田一社区", "createIn", "renqiu"));
    }

    @Test
    void aRowWithoutWhatItsKindNeedsIsRefusedNamingTheRowInChinese() {
        assertRefused(Map.of("createName", "油田一社区"), "第1项：请选择调整类型（撤并、移交、更名或新建）");
        assertRefused(Map.of("kind", "MERGE", "target", "renqiu-jingdong"), "第1项（撤并）：请勾选被撤并的村（社区）");
        assertRefused(Map.of("kind", "MERGE", "sources", List.of("renqiu-yongle")), "第1项（撤并）：请选择并入的村（社区）");
        assertRefused(Map.of("kind", "HAND_OVER", "community", "zhongyuan-yubei"), "第1项（移交）：请选择接收的乡镇（街道）");
        assertRefused(Map.of("kind", "RENAME", "community", "zhongyuan-jinhua", "newName", " "), "第1项（更名）：请填写新名称");
        assertRefused(Map.of("kind", "CREATE", "createName", "油田一社区"), "第1项（新建）：请选择所属乡镇（街道）");
        assertRefused(Map.of("kind", "SPLIT", "community", "zhongyuan-nanjiang"), "第1项：请选择调整类型（撤并、移交、更名或新建）");
    }

    private static void assertRefused(Map<String, Object> row, String message) {
        assertThatThrownBy(() -> PlanForm.plan("方案", List.of(row), List.of(), code -> false))
                .isInstanceOf(RuleViolation.class).hasMessage(message);
    }
}

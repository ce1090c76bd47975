package cn.minzheng.bureau.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RegionIndexTest {

    private static final Region YUECUN = new Region("110105001", "岳村乡", RegionKind.TOWNSHIP, "110105");
    private static final Region STREET = new Region("110105002", "城关街道", RegionKind.STREET_OFFICE, "110105");
    private static final Region DONGYUE = new Region("110105001001", "东岳村", RegionKind.VILLAGE, "110105001");
    private static final Region XIYUE = new Region("110105001002", "西岳村", RegionKind.VILLAGE, "110105001");
    private static final Region NAMED_AS_A_CODE = new Region("110105002001", "110105001002", RegionKind.COMMUNITY,
            "110105002");
    private static final List<Region> REGIONS = List.of(YUECUN, STREET, DONGYUE, XIYUE, NAMED_AS_A_CODE);

    private final RegionIndex index = new RegionIndex(REGIONS);

    @Test
    void aTownshipByCodeOrNameAndOnlyATownship() {
        assertThat(index.township("岳村乡")).isEqualTo(YUECUN);
        assertThat(index.township("110105001")).isEqualTo(YUECUN);
        assertThat(index.township("城关街道")).isEqualTo(STREET);
        assertThat(index.township("东岳村")).isNull();
        assertThat(index.township("没有这个乡")).isNull();
        assertThat(index.township(null)).isNull();
    }

    @Test
    void aCommunityOnlyUnderItsTownship() {
        assertThat(index.community(YUECUN, "东岳村")).isEqualTo(DONGYUE);
        assertThat(index.community(YUECUN, "110105001002")).isEqualTo(XIYUE);
        assertThat(index.community(STREET, "东岳村")).isNull();
        assertThat(index.community(STREET, "110105001002")).isEqualTo(NAMED_AS_A_CODE);
        assertThat(index.community(YUECUN, null)).isNull();
        assertThat(index.community(new Region("9", "无下级", RegionKind.TOWNSHIP, null), "东岳村")).isNull();
    }

    /** The same answers as walking the list and taking the first region whose code or name is the value. */
    @Test
    void theFirstInTheListWinsAsAWalkWould() {
        Region first = new Region("A", "同名乡", RegionKind.TOWNSHIP, null);
        Region second = new Region("同名乡", "B", RegionKind.TOWNSHIP, null);
        Region child1 = new Region("C1", "同名村", RegionKind.VILLAGE, "A");
        Region child2 = new Region("C2", "同名村", RegionKind.VILLAGE, "A");
        RegionIndex index = new RegionIndex(List.of(first, second, child1, child2));
        for (String value : List.of("A", "B", "同名乡")) {
            Region walked = List.of(first, second).stream().filter(r -> r.code().equals(value) || r.name().equals(value))
                    .findFirst().orElse(null);
            assertThat(index.township(value)).as(value).isEqualTo(walked);
        }
        assertThat(index.community(first, "同名村")).isEqualTo(child1);
        assertThat(index.byCode("C2")).isEqualTo(child2);
        assertThat(index.byCode("Z")).isNull();
    }
}

package cn.minzheng.bureau.community.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RankingTest {

    private static final BigDecimal W = new BigDecimal("0.60");
    private static final BigDecimal I = new BigDecimal("0.40");

    @ParameterizedTest(name = "written {0}, interview {1} -> {2}")
    @CsvSource({
            "80, 90, 84.00",
            "90, 75, 84.00",
            "0, 0, 0.00",
            "100, 100, 100.00",
            "77.75, 88.25, 81.95",
            "60.01, 60.02, 60.01", // 36.006 + 24.008 = 60.014, half up to two places
            "60.02, 60.03, 60.02", // 36.012 + 24.012 = 60.024
            "0.01, 0.02, 0.01",
            "85.5, 70.5, 79.50",
    })
    void theTotalIsTheWeightedSumToTwoPlaces(String written, String interview, String total) {
        assertThat(Ranking.total(new BigDecimal(written), new BigDecimal(interview), W, I)).isEqualByComparingTo(total)
                .hasScaleOf(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // applications as id:written:interview; expected order of ids; posts
            "higher total first | 1:70:70,2:90:90,3:80:80 | 2,3,1 | 2",
            "a tie goes to the higher written score | 1:80:90,2:90:75 | 2,1 | 1",
            "a full tie goes to the earlier registration | 5:80:80,3:80:80,4:80:80 | 3,4,5 | 1",
            "more posts than applicants: all proposed | 1:50:50,2:40:40 | 1,2 | 5",
    })
    void rankingIsDeterministic(String rule, String applications, String expectedOrder, int posts) {
        List<Ranking.Scored> scored = new ArrayList<>();
        for (String a : applications.split(",")) {
            String[] p = a.split(":");
            scored.add(new Ranking.Scored(Long.parseLong(p[0]), "c", new BigDecimal(p[1]), new BigDecimal(p[2])));
        }
        List<Ranking.Ranked> ranked = Ranking.rank(scored, Map.of("c", posts), W, I);
        assertThat(ranked).extracting(r -> String.valueOf(r.applicationId())).containsExactly(expectedOrder.split(","));
        assertThat(ranked).extracting(Ranking.Ranked::rank).containsExactly(
                java.util.stream.IntStream.rangeClosed(1, ranked.size()).boxed().toArray(Integer[]::new));
        assertThat(ranked.stream().filter(Ranking.Ranked::proposed).count()).isEqualTo(Math.min(posts, ranked.size()));
    }

    @Test
    void eachCommunityIsRankedAgainstItsOwnPosts() {
        List<Ranking.Ranked> ranked = Ranking.rank(List.of(
                new Ranking.Scored(1, "a", new BigDecimal("90"), new BigDecimal("90")),
                new Ranking.Scored(2, "b", new BigDecimal("50"), new BigDecimal("50")),
                new Ranking.Scored(3, "a", new BigDecimal("95"), new BigDecimal("95")),
                new Ranking.Scored(4, "b", new BigDecimal("60"), new BigDecimal("60"))), Map.of("a", 1, "b", 1), W, I);
        assertThat(ranked).filteredOn(Ranking.Ranked::proposed).extracting(Ranking.Ranked::applicationId).containsExactly(3L, 4L);
    }
}

package cn.minzheng.bureau.community.recruitment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 按成绩排名: total = written × weight + interview × weight (two places, half up); per community, highest total
 * first, then the higher written score, then the earlier registration (lower application id). The first
 * as many as the community has posts are proposed for appointment.
 */
public final class Ranking {

    private Ranking() {
    }

    public record Scored(long applicationId, String communityCode, BigDecimal written, BigDecimal interview) {
    }

    public record Ranked(long applicationId, String communityCode, BigDecimal total, int rank, boolean proposed) {
    }

    public static BigDecimal total(BigDecimal written, BigDecimal interview, BigDecimal writtenWeight, BigDecimal interviewWeight) {
        return written.multiply(writtenWeight).add(interview.multiply(interviewWeight)).setScale(2, RoundingMode.HALF_UP);
    }

    public static List<Ranked> rank(List<Scored> scored, Map<String, Integer> posts, BigDecimal writtenWeight,
                                    BigDecimal interviewWeight) {
        Map<String, List<Scored>> byCommunity = new LinkedHashMap<>();
        scored.forEach(s -> byCommunity.computeIfAbsent(s.communityCode(), c -> new ArrayList<>()).add(s));
        List<Ranked> ranked = new ArrayList<>();
        for (Map.Entry<String, List<Scored>> community : byCommunity.entrySet()) {
            List<Scored> list = new ArrayList<>(community.getValue());
            list.sort(Comparator.comparing((Scored s) -> total(s.written(), s.interview(), writtenWeight, interviewWeight)).reversed()
                    .thenComparing(Scored::written, Comparator.reverseOrder())
                    .thenComparingLong(Scored::applicationId));
            int available = posts.getOrDefault(community.getKey(), 0);
            for (int i = 0; i < list.size(); i++) {
                Scored s = list.get(i);
                ranked.add(new Ranked(s.applicationId(), s.communityCode(),
                        total(s.written(), s.interview(), writtenWeight, interviewWeight), i + 1, i < available));
            }
        }
        return ranked;
    }
}

package cn.minzheng.bureau.dibao.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.figures.YearlyFiguresQueries.Count;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionKind;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * Computes the yearly figures of a district or a township from the business data ({@link YearlyFiguresQueries}):
 * one row per township and the area's total.
 */
@Service
public class YearlyFiguresService {

    private final YearlyFiguresQueries queries;
    private final RegionRepository regions;

    public YearlyFiguresService(YearlyFiguresQueries queries, RegionRepository regions) {
        this.queries = queries;
        this.regions = regions;
    }

    public YearlyFigures compute(int year, String areaCode) {
        if (year < 2000 || year > 9999) {
            throw new RuleViolation("INVALID_YEAR", "年份应在2000至9999之间");
        }
        Region area = regions.find(areaCode).orElseThrow(() -> RuleViolation.notFound("地区" + areaCode));
        List<Region> townships = townshipsOf(area);
        String coveredMonth = queries.coveredMonth(year);
        Map<String, Count> covered = queries.covered(coveredMonth);
        Map<String, Count> added = queries.added(year);
        Map<String, Count> cancelled = queries.cancelled(year);
        Map<String, Map<String, BigDecimal>> paid = queries.paid(year);
        List<YearlyFigures.Row> rows = new ArrayList<>();
        for (Region township : townships) {
            String code = township.code();
            List<BigDecimal> months = new ArrayList<>();
            for (int m = 1; m <= 12; m++) {
                months.add(Money.of(paid.getOrDefault(code, Map.of()).get(String.format("%d-%02d", year, m))));
            }
            rows.add(new YearlyFigures.Row(code, township.name(), households(covered, code), people(covered, code),
                    households(added, code), people(added, code), households(cancelled, code), people(cancelled, code),
                    months, Money.of(months.stream().reduce(BigDecimal.ZERO, BigDecimal::add))));
        }
        return new YearlyFigures(year, area.code(), area.name(), coveredMonth, rows, total(rows, area.name()));
    }

    /** The district's townships, or the township itself. */
    private List<Region> townshipsOf(Region area) {
        List<Region> townships = area.kind() == RegionKind.DISTRICT ? regions.townships()
                : area.kind() == RegionKind.TOWNSHIP || area.kind() == RegionKind.STREET_OFFICE ? List.of(area)
                : List.of();
        if (townships.isEmpty()) {
            throw new RuleViolation("INVALID_AREA", "年度统计的地区须为区或乡镇（街道）");
        }
        return townships;
    }

    private static YearlyFigures.Row total(List<YearlyFigures.Row> rows, String name) {
        List<BigDecimal> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            int month = m;
            months.add(Money.of(rows.stream().map(r -> r.paidByMonth().get(month)).reduce(BigDecimal.ZERO, BigDecimal::add)));
        }
        return new YearlyFigures.Row(null, name + "合计",
                rows.stream().mapToLong(YearlyFigures.Row::householdsCovered).sum(),
                rows.stream().mapToLong(YearlyFigures.Row::peopleCovered).sum(),
                rows.stream().mapToLong(YearlyFigures.Row::householdsAdded).sum(),
                rows.stream().mapToLong(YearlyFigures.Row::peopleAdded).sum(),
                rows.stream().mapToLong(YearlyFigures.Row::householdsCancelled).sum(),
                rows.stream().mapToLong(YearlyFigures.Row::peopleCancelled).sum(),
                months, Money.of(months.stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    private static long households(Map<String, Count> counts, String code) {
        Count c = counts.get(code);
        return c == null ? 0 : c.households();
    }

    private static long people(Map<String, Count> counts, String code) {
        Count c = counts.get(code);
        return c == null ? 0 : c.people();
    }
}

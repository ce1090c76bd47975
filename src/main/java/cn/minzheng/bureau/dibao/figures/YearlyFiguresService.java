package cn.minzheng.bureau.dibao.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.figures.YearlyFiguresQueries.Count;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramKind;
import cn.minzheng.bureau.program.ProgramRegistry;
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
    private final ProgramRegistry programs;

    public YearlyFiguresService(YearlyFiguresQueries queries, RegionRepository regions, ProgramRegistry programs) {
        this.queries = queries;
        this.regions = regions;
        this.programs = programs;
    }

    /**
     * Every program of the registry but 低保 (whose own figures are {@link #compute}), in the registry's order, with
     * the same rows: the program's households and people covered, added and ended, and the money it paid.
     */
    public List<ProgramFigures> programs(int year, String areaCode) {
        checkYear(year);
        Region area = regions.find(areaCode).orElseThrow(() -> RuleViolation.notFound("地区" + areaCode));
        List<Region> townships = townshipsOf(area);
        Map<String, String> coveredMonths = queries.programCoveredMonths(year);
        List<YearlyFiguresQueries.ProgramCount> lastMonth = queries.programCoveredInLastMonth(year);
        List<YearlyFiguresQueries.ProgramCount> inYear = queries.programCoveredInYear(year);
        List<YearlyFiguresQueries.ProgramCount> added = queries.programAdded(year);
        List<YearlyFiguresQueries.ProgramCount> ended = queries.programEnded(year);
        List<YearlyFiguresQueries.ProgramPaid> paid = queries.programPaid(year);
        List<ProgramFigures> figures = new ArrayList<>();
        for (Program program : programs.all()) {
            if (program.code().equals(Program.DIBAO)) {
                continue;
            }
            boolean monthly = program.kind() == ProgramKind.MONTHLY;
            Map<String, Count> covered = of(program, monthly ? lastMonth : inYear);
            Map<String, Count> addedHere = of(program, added);
            Map<String, Count> endedHere = of(program, ended);
            Map<String, Map<String, BigDecimal>> paidHere = new HashMap<>();
            paid.stream().filter(p -> p.programCode().equals(program.code())).forEach(p -> paidHere
                    .computeIfAbsent(p.townshipCode(), t -> new HashMap<>()).put(p.paidMonth(), p.amount()));
            List<YearlyFigures.Row> rows = rows(year, townships, covered, addedHere, endedHere, paidHere);
            figures.add(new ProgramFigures(program.code(), program.name(), program.kind().label(), monthly,
                    monthly ? coveredMonths.get(program.code()) : null, rows, total(rows, area.name())));
        }
        return figures;
    }

    private static Map<String, Count> of(Program program, List<YearlyFiguresQueries.ProgramCount> counts) {
        Map<String, Count> byTownship = new HashMap<>();
        counts.stream().filter(c -> c.programCode().equals(program.code()))
                .forEach(c -> byTownship.put(c.townshipCode(), new Count(c.townshipCode(), c.households(), c.people())));
        return byTownship;
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 9999) {
            throw new RuleViolation("INVALID_YEAR", "年份应在2000至9999之间");
        }
    }

    public YearlyFigures compute(int year, String areaCode) {
        checkYear(year);
        Region area = regions.find(areaCode).orElseThrow(() -> RuleViolation.notFound("地区" + areaCode));
        List<Region> townships = townshipsOf(area);
        String coveredMonth = queries.coveredMonth(year);
        Map<String, Count> covered = queries.covered(coveredMonth);
        Map<String, Count> added = queries.added(year);
        Map<String, Count> cancelled = queries.cancelled(year);
        Map<String, Map<String, BigDecimal>> paid = queries.paid(year);
        List<YearlyFigures.Row> rows = rows(year, townships, covered, added, cancelled, paid);
        return new YearlyFigures(year, area.code(), area.name(), coveredMonth, rows, total(rows, area.name()));
    }

    private static List<YearlyFigures.Row> rows(int year, List<Region> townships, Map<String, Count> covered,
                                                Map<String, Count> added, Map<String, Count> cancelled,
                                                Map<String, Map<String, BigDecimal>> paid) {
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
        return rows;
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

package cn.minzheng.bureau.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramKind;
import cn.minzheng.bureau.program.ProgramRegistry;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionKind;
import cn.minzheng.bureau.region.RegionRepository;

/** Computes a month's figures from the data (payments, enrolments, status history): never entered by hand. */
@Service
public class MonthlyFiguresService {

    /** The programs of the monthly return, in the order of its sheets. */
    public static final List<String> PROGRAMS = List.of(Program.DIBAO, Program.TEKUN, Program.LINSHI);

    private final MonthlyFiguresQueries queries;
    private final ProgramRegistry programs;
    private final RegionRepository regions;
    private final ReturnStandards standards;

    public MonthlyFiguresService(MonthlyFiguresQueries queries, ProgramRegistry programs, RegionRepository regions,
                                 ReturnStandards standards) {
        this.queries = queries;
        this.programs = programs;
        this.regions = regions;
        this.standards = standards;
    }

    public MonthlyFigures of(YearMonth month) {
        List<MonthlyFigures.Sheet> sheets = new ArrayList<>();
        for (String code : PROGRAMS) {
            Program program = programs.get(code);
            sheets.add(sheet(program, month));
        }
        return new MonthlyFigures(month.toString(), districtName(), sheets);
    }

    private MonthlyFigures.Sheet sheet(Program program, YearMonth month) {
        boolean oneOff = program.kind() == ProgramKind.ONE_OFF;
        BigDecimal urbanStandard = standards.of(program.code(), AreaType.URBAN);
        BigDecimal ruralStandard = standards.of(program.code(), AreaType.RURAL);
        List<MonthlyFigures.Row> rows = new ArrayList<>();
        MonthlyFigures.Row urban = MonthlyFigures.Row.empty("URBAN", "城市小计", AreaType.URBAN.label());
        MonthlyFigures.Row rural = MonthlyFigures.Row.empty("RURAL", "农村小计", AreaType.RURAL.label());
        List<MonthlyFiguresQueries.Person> persons = queries.persons(program.code(), oneOff, month);
        Lines byTownship = lines(program.code(), oneOff, month, false, Breakdowns.byArea(persons, month));
        for (Region township : regions.townships()) {
            AreaType area = township.kind().areaType();
            String type = area.label();
            MonthlyFigures.Row row = byTownship.row(township.code(), township.name(), type)
                    .withAverageStandard(area == AreaType.URBAN ? urbanStandard : ruralStandard);
            rows.add(row);
            if (area == AreaType.URBAN) {
                urban = urban.plus(row, "URBAN", "城市小计", type);
            } else {
                rural = rural.plus(row, "RURAL", "农村小计", type);
            }
        }
        MonthlyFigures.Row total = lines(program.code(), oneOff, month, true,
                Map.of(MonthlyFiguresQueries.DISTRICT, Breakdowns.of(persons, month)))
                .row(MonthlyFiguresQueries.DISTRICT, "全区合计", "")
                .withAverageStandard(weighted(rows));
        return new MonthlyFigures.Sheet(program.code(), program.name(), oneOff, rows,
                urban.withAverageStandard(urbanStandard), rural.withAverageStandard(ruralStandard), total);
    }

    /**
     * The district's average standard: the townships' standards weighted by their persons at month end; with no one
     * covered, the plain average of the townships' standards. Null for a program without a standard.
     */
    static BigDecimal weighted(List<MonthlyFigures.Row> townships) {
        if (townships.isEmpty() || townships.stream().anyMatch(r -> r.averageStandard() == null)) {
            return null;
        }
        long persons = townships.stream().mapToLong(MonthlyFigures.Row::persons).sum();
        BigDecimal sum = BigDecimal.ZERO;
        for (MonthlyFigures.Row r : townships) {
            sum = sum.add(r.averageStandard().multiply(BigDecimal.valueOf(persons == 0 ? 1 : r.persons())));
        }
        return sum.divide(BigDecimal.valueOf(persons == 0 ? townships.size() : persons), 2, RoundingMode.HALF_UP);
    }

    private Lines lines(String code, boolean oneOff, YearMonth month, boolean district,
                        Map<String, MonthlyFigures.Breakdown> breakdowns) {
        Map<String, MonthlyFiguresQueries.Count> atEnd = queries.atMonthEnd(code, oneOff, month, district);
        YearMonth january = YearMonth.of(month.getYear(), 1);
        return new Lines(atEnd, oneOff ? atEnd : queries.added(code, month, district),
                queries.ended(code, month, district), queries.paid(code, month, district), breakdowns,
                queries.paid(code, january, month, district), queries.covered(code, oneOff, january, month, district));
    }

    private String districtName() {
        return regions.townships().stream().findFirst().flatMap(t -> regions.find(t.parentCode()))
                .filter(r -> r.kind() == RegionKind.DISTRICT).map(Region::name).orElse("区");
    }

    private record Lines(Map<String, MonthlyFiguresQueries.Count> atEnd, Map<String, MonthlyFiguresQueries.Count> added,
                         Map<String, MonthlyFiguresQueries.Count> ended, Map<String, BigDecimal> paid,
                         Map<String, MonthlyFigures.Breakdown> breakdowns, Map<String, BigDecimal> paidInYear,
                         Map<String, MonthlyFiguresQueries.Count> inYear) {

        MonthlyFigures.Row row(String code, String name, String type) {
            MonthlyFiguresQueries.Count none = new MonthlyFiguresQueries.Count(code, 0, 0);
            MonthlyFiguresQueries.Count end = atEnd.getOrDefault(code, none);
            MonthlyFiguresQueries.Count in = added.getOrDefault(code, none);
            MonthlyFiguresQueries.Count out = ended.getOrDefault(code, none);
            MonthlyFigures.YearToDate year = new MonthlyFigures.YearToDate(
                    Money.of(paidInYear.getOrDefault(code, Money.ZERO)), inYear.getOrDefault(code, none).persons());
            return new MonthlyFigures.Row(code, name, type, end.households(), end.persons(), in.households(),
                    in.persons(), out.households(), out.persons(), Money.of(paid.getOrDefault(code, Money.ZERO)),
                    breakdowns.getOrDefault(code, MonthlyFigures.Breakdown.NONE), year, null);
        }
    }
}

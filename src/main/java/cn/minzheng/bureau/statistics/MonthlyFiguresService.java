package cn.minzheng.bureau.statistics;

import java.math.BigDecimal;
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

    public MonthlyFiguresService(MonthlyFiguresQueries queries, ProgramRegistry programs, RegionRepository regions) {
        this.queries = queries;
        this.programs = programs;
        this.regions = regions;
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
        List<MonthlyFigures.Row> rows = new ArrayList<>();
        MonthlyFigures.Row urban = MonthlyFigures.Row.empty("URBAN", "城市小计", AreaType.URBAN.label());
        MonthlyFigures.Row rural = MonthlyFigures.Row.empty("RURAL", "农村小计", AreaType.RURAL.label());
        Lines byTownship = lines(program.code(), oneOff, month, false);
        for (Region township : regions.townships()) {
            String type = township.kind().areaType().label();
            MonthlyFigures.Row row = byTownship.row(township.code(), township.name(), type);
            rows.add(row);
            if (township.kind().areaType() == AreaType.URBAN) {
                urban = urban.plus(row, "URBAN", "城市小计", type);
            } else {
                rural = rural.plus(row, "RURAL", "农村小计", type);
            }
        }
        MonthlyFigures.Row total = lines(program.code(), oneOff, month, true)
                .row(MonthlyFiguresQueries.DISTRICT, "全区合计", "");
        return new MonthlyFigures.Sheet(program.code(), program.name(), oneOff, rows, urban, rural, total);
    }

    private Lines lines(String code, boolean oneOff, YearMonth month, boolean district) {
        Map<String, MonthlyFiguresQueries.Count> atEnd = queries.atMonthEnd(code, oneOff, month, district);
        return new Lines(atEnd, oneOff ? atEnd : queries.added(code, month, district),
                queries.ended(code, month, district), queries.paid(code, month, district));
    }

    private String districtName() {
        return regions.townships().stream().findFirst().flatMap(t -> regions.find(t.parentCode()))
                .filter(r -> r.kind() == RegionKind.DISTRICT).map(Region::name).orElse("区");
    }

    private record Lines(Map<String, MonthlyFiguresQueries.Count> atEnd, Map<String, MonthlyFiguresQueries.Count> added,
                         Map<String, MonthlyFiguresQueries.Count> ended, Map<String, BigDecimal> paid) {

        MonthlyFigures.Row row(String code, String name, String type) {
            MonthlyFiguresQueries.Count none = new MonthlyFiguresQueries.Count(code, 0, 0);
            MonthlyFiguresQueries.Count end = atEnd.getOrDefault(code, none);
            MonthlyFiguresQueries.Count in = added.getOrDefault(code, none);
            MonthlyFiguresQueries.Count out = ended.getOrDefault(code, none);
            return new MonthlyFigures.Row(code, name, type, end.households(), end.persons(), in.households(),
                    in.persons(), out.households(), out.persons(), Money.of(paid.getOrDefault(code, Money.ZERO)));
        }
    }
}

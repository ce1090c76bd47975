package cn.minzheng.bureau.dibao.figures;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionKind;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * Computes the yearly figures from the business data, a few grouped queries:
 * covered = the payments of the last month of the year that has any; added = cases whose first payment
 * ever falls in the year, except cases taken over from an earlier roster (名册导入), which were not new; cancelled = cases cancelled during the year (people: the members of the case);
 * paid = payments issued and not returned by the bank, by the month of the payroll that paid them.
 */
@Service
public class YearlyFiguresService {

    private final JdbcClient jdbc;
    private final RegionRepository regions;

    public YearlyFiguresService(JdbcClient jdbc, RegionRepository regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    private record Count(String townshipCode, long households, long people) {
    }

    private record Paid(String townshipCode, String paidMonth, BigDecimal amount) {
    }

    public YearlyFigures compute(int year, String areaCode) {
        if (year < 2000 || year > 9999) {
            throw new RuleViolation("INVALID_YEAR", "年份应在2000至9999之间");
        }
        Region area = regions.find(areaCode).orElseThrow(() -> RuleViolation.notFound("地区" + areaCode));
        List<Region> townships = area.kind() == RegionKind.DISTRICT ? regions.townships()
                : area.kind() == RegionKind.TOWNSHIP || area.kind() == RegionKind.STREET_OFFICE ? List.of(area)
                : List.of();
        if (townships.isEmpty()) {
            throw new RuleViolation("INVALID_AREA", "年度统计的地区须为区或乡镇（街道）");
        }
        String first = year + "-01";
        String last = year + "-12";
        String coveredMonth = jdbc.sql("select max(benefit_month) from payment where benefit_month between ? and ?")
                .params(first, last).query(String.class).optional().orElse(null);
        Map<String, Count> covered = byTownship(jdbc.sql("""
                select township_code, count(*) as households, coalesce(sum(people_count), 0) as people
                from payment where benefit_month = ? group by township_code""")
                .param(coveredMonth == null ? "" : coveredMonth).query(RecordRows.of(Count.class)).list());
        Map<String, Count> added = byTownship(jdbc.sql("""
                select p.township_code, count(*) as households, coalesce(sum(p.people_count), 0) as people
                from payment p join (select case_id, min(benefit_month) as first_month from payment group by case_id) f
                  on f.case_id = p.case_id and f.first_month = p.benefit_month
                where f.first_month between ? and ?
                  and p.case_id not in (select c.id from dibao_case c where c.import_batch_id is not null)
                group by p.township_code""")
                .params(first, last).query(RecordRows.of(Count.class)).list());
        Map<String, Count> cancelled = byTownship(jdbc.sql("""
                select c.township_code, count(*) as households,
                    coalesce(sum((select count(*) from dibao_case_person m where m.case_id = c.id)), 0) as people
                from dibao_case c where c.id in (select h.case_id from dibao_case_status_history h
                    where h.status = 'CANCELLED' and h.changed_at >= ? and h.changed_at < ?)
                group by c.township_code""")
                .params(Timestamp.valueOf(LocalDate.of(year, 1, 1).atStartOfDay()),
                        Timestamp.valueOf(LocalDate.of(year + 1, 1, 1).atStartOfDay()))
                .query(RecordRows.of(Count.class)).list());
        Map<String, Map<String, BigDecimal>> paid = new HashMap<>();
        jdbc.sql("""
                select p.township_code, r.payroll_month as paid_month, sum(p.amount - p.deducted_amount) as amount
                from payment p join payroll r on r.id = p.payroll_id
                where p.status = 'ISSUED' and r.payroll_month between ? and ?
                group by p.township_code, r.payroll_month""")
                .params(first, last).query(RecordRows.of(Paid.class)).list()
                .forEach(p -> paid.computeIfAbsent(p.townshipCode(), t -> new HashMap<>()).put(p.paidMonth(), p.amount()));

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

    private static Map<String, Count> byTownship(List<Count> counts) {
        Map<String, Count> map = new HashMap<>();
        counts.forEach(c -> map.put(c.townshipCode(), c));
        return map;
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

package cn.minzheng.bureau.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.figures.YearlyFiguresService;
import cn.minzheng.bureau.donation.GoodsKind;
import cn.minzheng.bureau.funeral.benefits.FuneralFiguresQueries;
import cn.minzheng.bureau.funeral.benefits.FuneralYear;
import cn.minzheng.bureau.payroll.PayrollStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramKind;
import cn.minzheng.bureau.program.ProgramRegistry;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.relief.HouseholdCategory;
import cn.minzheng.bureau.web.LedgerUser;

/** Computes {@link YearAtAGlance} from the data, confined to the townships the user may see. */
@Service
public class Dashboard {

    private static final List<CaseStatus> OPEN_STAGES = List.of(CaseStatus.APPLIED, CaseStatus.UNDER_SURVEY,
            CaseStatus.UNDER_REVIEW, CaseStatus.IN_NOTICE);

    private final JdbcClient jdbc;
    private final YearlyFiguresService yearlyFigures;
    private final RegionRepository regions;
    private final FuneralFiguresQueries funeralFigures;
    private final ProgramRegistry programs;

    public Dashboard(JdbcClient jdbc, YearlyFiguresService yearlyFigures, RegionRepository regions,
                     FuneralFiguresQueries funeralFigures, ProgramRegistry programs) {
        this.programs = programs;
        this.jdbc = jdbc;
        this.yearlyFigures = yearlyFigures;
        this.regions = regions;
        this.funeralFigures = funeralFigures;
    }

    /**
     * The area a dashboard shows: what the user asked for if they may see it (district roles: the
     * district or any township), else the district for district roles and the user's own township.
     */
    public String areaOf(LedgerUser user, String requested) {
        if (requested != null && !requested.isBlank() && (user.districtWide() ? regions.find(requested).isPresent()
                : user.townships().contains(requested))) {
            return requested;
        }
        return user.districtWide() || user.townships().isEmpty() ? "district" : user.townships().get(0);
    }

    public YearAtAGlance year(int year, LedgerUser user, String requestedArea) {
        return year(year, user, requestedArea, null);
    }

    /**
     * The year, with the payrolls of {@code payrollMonth} (yyyy-MM) per program; without one, of the year's latest
     * month that has a payroll of any program.
     */
    public YearAtAGlance year(int year, LedgerUser user, String requestedArea, String payrollMonth) {
        String area = areaOf(user, requestedArea);
        Timestamp from = Timestamp.valueOf(LocalDate.of(year, 1, 1).atStartOfDay());
        Timestamp to = Timestamp.valueOf(LocalDate.of(year + 1, 1, 1).atStartOfDay());
        Confine inArea = new Confine("district".equals(area) ? null : area);
        String areaName = regions.find(area).map(r -> r.name()).orElse(area);
        return new YearAtAGlance(year, areaName,
                yearlyFigures.compute(year, area), coveredNow(inArea), coveredByMonth(year, inArea), openStages(inArea),
                disasterHouseholds(inArea, from, to),
                Money.of(jdbc.sql("select coalesce(sum(cash), 0) from donation where registered_at >= ? and registered_at < ?")
                        .params(from, to).query(BigDecimal.class).single()),
                goods("""
                        select g.goods_kind, sum(g.quantity) from donation_goods g join donation d on d.id = g.donation_id
                        where d.registered_at >= ? and d.registered_at < ? group by g.goods_kind""", new Confine(null), from, to),
                Money.of(jdbc.sql("select coalesce(sum(cash), 0) from donation_distribution where distributed_at >= ? "
                                + "and distributed_at < ?" + inArea.on("township_code"))
                        .params(inArea.params(from, to)).query(BigDecimal.class).single()),
                goods("""
                        select g.goods_kind, sum(g.quantity) from donation_distribution_goods g
                        join donation_distribution d on d.id = g.distribution_id
                        where d.distributed_at >= ? and d.distributed_at < ?""" + inArea.on("d.township_code")
                        + " group by g.goods_kind", inArea, from, to),
                FuneralYear.of(year, areaName, inArea.township() == null ? regions.townships()
                        : regions.find(inArea.township()).stream().toList(), funeralFigures.year(year)),
                yearlyFigures.programs(year, area), programsNow(inArea),
                payrolls(payrollMonth != null ? payrollMonth : latestPayrollMonth(year), inArea));
    }

    /**
     * Each monthly program but 低保 (whose 当前在保 is {@link #coveredNow}) today, from the summary of its enrolments
     * ({@code figures_enrolment}, V430, kept by the triggers on the enrolments and the households' members, V431 in
     * db/vendor/{h2,postgresql}): the area's row, township '' for the district (a household once however many
     * townships its enrolments name).
     */
    private List<YearAtAGlance.ProgramNow> programsNow(Confine inArea) {
        Map<String, YearAtAGlance.ProgramNow> byCode = new LinkedHashMap<>();
        jdbc.sql("""
                select program_code, households, people, amount, suspended, applied from figures_enrolment
                where figure = 'NOW' and period = '' and township_code = ?""")
                .param(inArea.township() == null ? "" : inArea.township())
                .query(rs -> {
                    byCode.put(rs.getString("program_code"), new YearAtAGlance.ProgramNow(null, rs.getLong("households"),
                            rs.getLong("people"), Money.of(rs.getBigDecimal("amount")), rs.getLong("suspended"),
                            rs.getLong("applied")));
                });
        return programs.all().stream().filter(p -> p.kind() == ProgramKind.MONTHLY && !p.code().equals(Program.DIBAO))
                .map(p -> {
                    YearAtAGlance.ProgramNow n = byCode.get(p.code());
                    return n == null ? new YearAtAGlance.ProgramNow(p.name(), 0, 0, Money.ZERO, 0, 0)
                            : new YearAtAGlance.ProgramNow(p.name(), n.households(), n.people(), n.monthlyAmount(),
                                    n.suspended(), n.applied());
                }).toList();
    }

    /** The year's latest month with a payroll of any program, or null. */
    private String latestPayrollMonth(int year) {
        return jdbc.sql("select max(payroll_month) from payroll where payroll_month between ? and ?")
                .params(year + "-01", year + "-12").query(String.class).optional().orElse(null);
    }

    /** The month's payroll of every program of the registry, from its payments in the area. */
    private YearAtAGlance.MonthPayrolls payrolls(String month, Confine inArea) {
        if (month == null) {
            return new YearAtAGlance.MonthPayrolls(null, List.of(), Money.ZERO, Money.ZERO);
        }
        Map<String, YearAtAGlance.ProgramPayroll> byCode = new LinkedHashMap<>();
        // households: distinct, from the payments' index (a person's enrolments put two payments in one household)
        Map<String, Long> households = new LinkedHashMap<>();
        jdbc.sql("""
                select r.program_code, count(distinct p.household_id) from payroll r
                join payment p on p.payroll_id = r.id and p.benefit_month = r.payroll_month""" + inArea.on("p.township_code")
                        + " where r.payroll_month = ? group by r.program_code")
                .params(inArea.params().length == 0 ? new Object[] {month} : new Object[] {inArea.township(), month})
                .query(rs -> {
                    households.put(rs.getString(1), rs.getLong(2));
                });
        // the rest from the summary of the payments (figures_payment, kept by the payments' triggers)
        jdbc.sql("""
                select r.program_code, r.status, coalesce(sum(f.payments), 0) as payments,
                    coalesce(sum(case when f.benefit_month = r.payroll_month then f.people else 0 end), 0) as people,
                    coalesce(sum(f.amount), 0) as amount,
                    coalesce(sum(case when f.status = 'ISSUED' then f.amount else 0 end), 0) as issued,
                    coalesce(sum(case when f.status = 'FAILED' then f.payments else 0 end), 0) as failed
                from payroll r left join figures_payment f on f.payroll_id = r.id""" + inArea.on("f.township_code") + """

                where r.payroll_month = ? group by r.program_code, r.status""")
                .params(inArea.params().length == 0 ? new Object[] {month} : new Object[] {inArea.township(), month})
                .query(rs -> {
                    byCode.put(rs.getString("program_code"), new YearAtAGlance.ProgramPayroll(null,
                            PayrollStatus.valueOf(rs.getString("status")).label(), rs.getLong("payments"),
                            households.getOrDefault(rs.getString("program_code"), 0L), rs.getLong("people"),
                            Money.of(rs.getBigDecimal("amount")), Money.of(rs.getBigDecimal("issued")), rs.getLong("failed")));
                });
        List<YearAtAGlance.ProgramPayroll> rows = programs.all().stream().map(p -> {
            YearAtAGlance.ProgramPayroll r = byCode.get(p.code());
            return r == null ? new YearAtAGlance.ProgramPayroll(p.name(), "尚未生成", 0, 0, 0, Money.ZERO, Money.ZERO, 0)
                    : new YearAtAGlance.ProgramPayroll(p.name(), r.statusLabel(), r.payments(), r.households(), r.people(),
                            r.amount(), r.issuedAmount(), r.failed());
        }).toList();
        return new YearAtAGlance.MonthPayrolls(month, rows,
                Money.of(rows.stream().map(YearAtAGlance.ProgramPayroll::amount).reduce(BigDecimal.ZERO, BigDecimal::add)),
                Money.of(rows.stream().map(YearAtAGlance.ProgramPayroll::issuedAmount).reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    /** A township to confine a query to, or none for the whole district: bound as a parameter. */
    private record Confine(String township) {

        String on(String column) {
            return township == null ? "" : " and " + column + " = ?";
        }

        Object[] params(Object... leading) {
            if (township == null) {
                return leading;
            }
            Object[] all = Arrays.copyOf(leading, leading.length + 1);
            all[leading.length] = township;
            return all;
        }
    }

    /**
     * Today's approved cases of the area, when they were or will be paid first, and the latest payroll: from the
     * summaries of the cases ({@code figures_case_status}, {@code figures_unpaid_case}, V405), which the triggers on the
     * cases, their people and the payments keep current (V406 in db/vendor/{h2,postgresql}).
     */
    private CoveredNow coveredNow(Confine inArea) {
        Map<String, Object> approved = jdbc.sql("""
                select coalesce(sum(cases), 0) as households, coalesce(sum(people), 0) as people,
                    min(case when start_month <> '' then start_month end) as first_month
                from figures_case_status where status = ?""" + inArea.on("township_code"))
                .params(inArea.params(CaseStatus.APPROVED.name())).query().singleRow();
        Map<String, Long> upcoming = new LinkedHashMap<>();
        jdbc.sql("select start_month, count(*) from figures_unpaid_case"
                        + (inArea.township() == null ? "" : " where township_code = ?") + " group by start_month order by start_month")
                .params(inArea.params())
                .query(rs -> {
                    upcoming.put(rs.getString(1), rs.getLong(2));
                });
        String firstMonth = (String) approved.get("first_month");
        return new CoveredNow(((Number) approved.get("households")).longValue(),
                ((Number) approved.get("people")).longValue(), firstMonth,
                firstMonth == null ? null : payroll("and payroll_month = ?", firstMonth), upcoming,
                payroll("and payroll_month = (select max(payroll_month) from payroll where program_code = ?)", Program.DIBAO));
    }

    /** The 低保 payroll (every program has its own payrolls; this page covers 低保). */
    private CoveredNow.Payroll payroll(String condition, Object... params) {
        List<Object> all = new java.util.ArrayList<>(List.of(Program.DIBAO));
        all.addAll(List.of(params));
        return jdbc.sql("select payroll_month, status from payroll where program_code = ? " + condition).params(all)
                .query((rs, n) -> new CoveredNow.Payroll(rs.getString(1), PayrollStatus.valueOf(rs.getString(2)).label()))
                .optional().orElse(null);
    }

    /** 低保 households and people paid for each month of the year (低保 payments carry their case). */
    private List<YearAtAGlance.Covered> coveredByMonth(int year, Confine inArea) {
        Map<String, YearAtAGlance.Covered> months = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            String month = String.format("%d-%02d", year, m);
            months.put(month, new YearAtAGlance.Covered(month, 0, 0));
        }
        jdbc.sql("select benefit_month, sum(payments) as households, coalesce(sum(people), 0) as people from figures_payment "
                        + "where benefit_month between ? and ? and with_case" + inArea.on("township_code")
                        + " group by benefit_month")
                .params(inArea.params(year + "-01", year + "-12"))
                .query(rs -> {
                    String month = rs.getString("benefit_month");
                    months.put(month, new YearAtAGlance.Covered(month, rs.getLong("households"), rs.getLong("people")));
                });
        return List.copyOf(months.values());
    }

    private List<YearAtAGlance.Stage> openStages(Confine inArea) {
        Map<CaseStatus, long[]> counts = new LinkedHashMap<>();
        OPEN_STAGES.forEach(s -> counts.put(s, new long[2]));
        LocalDateTime now = LocalDateTime.now();
        jdbc.sql("select status, created_at from dibao_case where status in (?, ?, ?, ?)" + inArea.on("township_code"))
                .params(inArea.params(OPEN_STAGES.stream().map(CaseStatus::name).toArray()))
                .query(rs -> {
                    long[] c = counts.get(CaseStatus.valueOf(rs.getString("status")));
                    c[0]++;
                    c[1] += Duration.between(rs.getTimestamp("created_at").toLocalDateTime(), now).toDays();
                });
        List<YearAtAGlance.Stage> stages = new ArrayList<>();
        counts.forEach((status, c) -> stages.add(new YearAtAGlance.Stage(status.label(), c[0], c[0] == 0 ? 0 : c[1] / c[0])));
        return stages;
    }

    /**
     * The year's affected households by category, each household once however many disasters hit it (by the head's
     * ID number), under the most pressing category it was registered with (五保户 before 特困户 before 重灾户 before
     * 一般受灾户): the summary's "134户五保户、296户特困户、402户重灾户" counts households, not registrations.
     */
    private Map<String, Long> disasterHouseholds(Confine inArea, Timestamp from, Timestamp to) {
        Map<String, Long> byCategory = new LinkedHashMap<>();
        HouseholdCategory[] categories = HouseholdCategory.values();
        StringBuilder rank = new StringBuilder("case h.category");
        for (HouseholdCategory category : categories) {
            byCategory.put(category.label(), 0L);
            rank.append(" when '").append(category.name()).append("' then ").append(category.ordinal());
        }
        rank.append(" end");
        jdbc.sql("select category_rank, count(*) as households from (select h.id_number, min(" + rank + """
                ) as category_rank
                from relief_household h join relief_disaster d on d.id = h.disaster_id
                where d.occurred_at >= ? and d.occurred_at < ?""" + inArea.on("h.township_code")
                        + " group by h.id_number) distinct_households group by category_rank")
                .params(inArea.params(from, to))
                .query(rs -> {
                    byCategory.put(categories[rs.getInt("category_rank")].label(), rs.getLong("households"));
                });
        return byCategory;
    }

    private Map<String, Long> goods(String sql, Confine inArea, Timestamp from, Timestamp to) {
        Map<String, Long> goods = new LinkedHashMap<>();
        jdbc.sql(sql).params(inArea.params(from, to)).query(rs -> {
            goods.put(GoodsKind.valueOf(rs.getString(1)).label(), rs.getLong(2));
        });
        return goods;
    }
}

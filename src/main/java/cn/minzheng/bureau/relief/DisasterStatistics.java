package cn.minzheng.bureau.relief;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A year's disaster statistics by disaster kind (自然灾害情况统计, year totals): the indicators of each disaster's
 * latest report with numbers (核报 over 续报 over 初报) summed per kind, and the households on the verified
 * registers counted once per kind and once for the whole year, however many disasters hit them (by the head's
 * ID number).
 */
@Component
public class DisasterStatistics {

    private static final String ZERO = "0";

    private final JdbcClient jdbc;

    public DisasterStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One kind's line: how many disasters, their summed indicators, the distinct households and their people. */
    public record KindTotals(DisasterKind kind, int disasters, DisasterIndicators indicators, int households, int persons) {
    }

    public record YearTotals(int year, List<KindTotals> kinds, DisasterIndicators indicators, int households, int persons) {
    }

    public YearTotals of(int year) {
        Timestamp from = Timestamp.valueOf(LocalDate.of(year, 1, 1).atStartOfDay());
        Timestamp to = Timestamp.valueOf(LocalDate.of(year + 1, 1, 1).atStartOfDay());
        Map<DisasterKind, KindTotals> reported = jdbc.sql("""
                select d.kind, count(*) as disasters,
                       coalesce(sum(r.affected_people), 0), coalesce(sum(r.deaths), 0), coalesce(sum(r.missing_people), 0),
                       coalesce(sum(r.relocated), 0), coalesce(sum(r.needing_assistance), 0),
                       coalesce(sum(r.crop_affected_mu), 0), coalesce(sum(r.crop_damaged_mu), 0),
                       coalesce(sum(r.crop_lost_mu), 0), coalesce(sum(r.collapsed_households), 0),
                       coalesce(sum(r.collapsed_rooms), 0), coalesce(sum(r.severe_households), 0),
                       coalesce(sum(r.severe_rooms), 0), coalesce(sum(r.general_households), 0),
                       coalesce(sum(r.general_rooms), 0), coalesce(sum(r.direct_loss), 0)
                from relief_disaster d
                left join relief_report r on r.id = (select max(l.id) from relief_report l
                                                     where l.disaster_id = d.id and l.affected_people is not null)
                where d.occurred_at >= :from and d.occurred_at < :to
                group by d.kind""").param("from", from).param("to", to)
                .query((rs, n) -> new KindTotals(DisasterKind.valueOf(rs.getString(1)), rs.getInt(2), indicators(rs, 3), 0, 0))
                .list().stream().collect(Collectors.toMap(KindTotals::kind, Function.identity()));
        List<KindTotals> kinds = new ArrayList<>();
        for (DisasterKind kind : DisasterKind.values()) {
            KindTotals line = reported.get(kind);
            if (line != null) {
                int[] households = households(from, to, kind);
                kinds.add(new KindTotals(kind, line.disasters(), line.indicators(), households[0], households[1]));
            }
        }
        int[] all = households(from, to, null);
        return new YearTotals(year, kinds, kinds.stream().map(KindTotals::indicators).reduce(none(), DisasterStatistics::plus),
                all[0], all[1]);
    }

    /** The distinct households on the registers of the year's disasters (of one kind, or all), and their people. */
    private int[] households(Timestamp from, Timestamp to, DisasterKind kind) {
        return jdbc.sql("""
                select count(*), coalesce(sum(persons), 0) from (
                    select h.id_number, max(h.persons) as persons
                    from relief_household h join relief_disaster d on d.id = h.disaster_id
                    where d.occurred_at >= :from and d.occurred_at < :to
                      and (cast(:kind as varchar(30)) is null or d.kind = :kind)
                    group by h.id_number) distinct_households""")
                .param("from", from).param("to", to).param("kind", kind == null ? null : kind.name())
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    private static DisasterIndicators indicators(ResultSet rs, int first) throws SQLException {
        int i = first;
        return new DisasterIndicators(rs.getInt(i++), rs.getInt(i++), rs.getInt(i++), rs.getInt(i++), rs.getInt(i++),
                money(rs.getBigDecimal(i++)), money(rs.getBigDecimal(i++)), money(rs.getBigDecimal(i++)), rs.getInt(i++),
                rs.getInt(i++), rs.getInt(i++), rs.getInt(i++), rs.getInt(i++), rs.getInt(i++), money(rs.getBigDecimal(i)));
    }

    private static BigDecimal money(BigDecimal value) {
        return (value == null ? new BigDecimal(ZERO) : value).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static DisasterIndicators none() {
        BigDecimal zero = money(null);
        return new DisasterIndicators(0, 0, 0, 0, 0, zero, zero, zero, 0, 0, 0, 0, 0, 0, zero);
    }

    private static DisasterIndicators plus(DisasterIndicators a, DisasterIndicators b) {
        return new DisasterIndicators(a.affectedPeople() + b.affectedPeople(), a.deaths() + b.deaths(),
                a.missing() + b.missing(), a.relocated() + b.relocated(), a.needingAssistance() + b.needingAssistance(),
                a.cropAffectedMu().add(b.cropAffectedMu()), a.cropDamagedMu().add(b.cropDamagedMu()),
                a.cropLostMu().add(b.cropLostMu()), a.collapsedHouseholds() + b.collapsedHouseholds(),
                a.collapsedRooms() + b.collapsedRooms(), a.severeHouseholds() + b.severeHouseholds(),
                a.severeRooms() + b.severeRooms(), a.generalHouseholds() + b.generalHouseholds(),
                a.generalRooms() + b.generalRooms(), a.directLoss().add(b.directLoss()));
    }
}

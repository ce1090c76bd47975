package cn.minzheng.bureau.relief.documents;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read-only SQL of the relief documents: the moments a township's roster and payment stand for. */
@Component
public class ReliefDocumentQueries {

    private final JdbcClient jdbc;

    public ReliefDocumentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest registration of the township's roster (null township: the whole disaster). */
    public Optional<LocalDateTime> lastRegistered(long disasterId, String townshipCode) {
        return latest("registered_at", disasterId, townshipCode);
    }

    /** The latest payment to the township's households (null township: the whole disaster). */
    public Optional<LocalDateTime> lastPaid(long disasterId, String townshipCode) {
        return latest("paid_at", disasterId, townshipCode);
    }

    private Optional<LocalDateTime> latest(String column, long disasterId, String townshipCode) {
        String sql = "select max(" + column + ") from relief_household where disaster_id = :disaster"
                + (townshipCode == null ? "" : " and township_code = :township");
        var statement = jdbc.sql(sql).param("disaster", disasterId);
        if (townshipCode != null) {
            statement = statement.param("township", townshipCode);
        }
        return statement.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(t -> t.toLocalDateTime())).single();
    }

    /** A disaster that has registered households in the townships asked for, and whether any of them is paid. */
    public record DisasterWithRoster(long id, String disasterNumber, String name, boolean paid) {
    }

    /** The disasters with registered households in these townships (null: anywhere), newest first. */
    public List<DisasterWithRoster> withRoster(List<String> townshipCodes) {
        if (townshipCodes != null && townshipCodes.isEmpty()) {
            return List.of();
        }
        String sql = """
                select d.id, d.disaster_number, d.name, max(case when h.paid_at is null then 0 else 1 end) as paid
                from relief_disaster d join relief_household h on h.disaster_id = d.id
                """ + (townshipCodes == null ? "" : "where h.township_code in (:townships) ") + """
                group by d.id, d.disaster_number, d.name order by d.id desc""";
        var statement = jdbc.sql(sql);
        if (townshipCodes != null) {
            statement = statement.param("townships", townshipCodes);
        }
        return statement.query((rs, n) -> new DisasterWithRoster(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getInt(4) == 1)).list();
    }
}

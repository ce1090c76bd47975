package cn.minzheng.bureau.relief.documents;

import java.time.LocalDateTime;
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
}

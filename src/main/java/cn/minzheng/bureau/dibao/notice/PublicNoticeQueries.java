package cn.minzheng.bureau.dibao.notice;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.CaseStatus;

/**
 * Read-only SQL of the public notice page. It selects only what the page may show (head's name, village,
 * household size, amount, when the notice started): no ID number, bank account or income ever leaves here.
 */
@Component
public class PublicNoticeQueries {

    private final JdbcClient jdbc;

    public PublicNoticeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A line of the page; {@code caseId} identifies the case an online objection is about. */
    public record Line(long caseId, String name, String village, int householdSize, BigDecimal monthlyAmount,
                       LocalDateTime noticeStartedAt) {
    }

    /** The township's cases of this status, by village and name. */
    public List<Line> ofTownship(String townshipCode, CaseStatus status) {
        return jdbc.sql("""
                select c.id, r.name as village, c.monthly_amount,
                       (select m.name from household_member m where m.household_id = h.id and m.relation = 'HEAD'
                        order by m.id fetch first 1 rows only) as head_name,
                       (select count(*) from household_member m where m.household_id = h.id) as size,
                       (select max(s.changed_at) from dibao_case_status_history s
                        where s.case_id = c.id and s.status = :notice) as started
                from dibao_case c join household h on h.id = c.household_id join region r on r.code = h.community_code
                where c.township_code = :township and c.status = :status
                order by r.name, c.case_number""")
                .param("township", townshipCode)
                .param("status", status.name())
                .param("notice", CaseStatus.IN_NOTICE.name())
                .query((rs, n) -> new Line(rs.getLong("id"), rs.getString("head_name"), rs.getString("village"),
                        rs.getInt("size"), rs.getBigDecimal("monthly_amount"),
                        rs.getTimestamp("started") == null ? null : rs.getTimestamp("started").toLocalDateTime()))
                .list();
    }
}

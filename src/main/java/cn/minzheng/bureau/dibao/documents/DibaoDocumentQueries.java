package cn.minzheng.bureau.dibao.documents;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.CaseStatus;

/** Read-only SQL of the 低保 documents: who surveyed and when, when a notice started, a village's notice list. */
@Component
public class DibaoDocumentQueries {

    private final JdbcClient jdbc;

    public DibaoDocumentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record SurveyedBy(String user, LocalDateTime at) {
    }

    /** A household in 公示 in a village or community: the head, the household's size and the amount. */
    public record NoticeRow(long caseId, String caseNumber, String headName, String headIdNumber, int householdSize,
                            BigDecimal monthlyAmount, LocalDateTime noticeStartedAt) {
    }

    /** Who did the latest survey of the case, and when. */
    public Optional<SurveyedBy> latestSurvey(long caseId) {
        return jdbc.sql("select surveyed_by, surveyed_at from dibao_survey where case_id = ? order by id desc")
                .param(caseId)
                .query((rs, n) -> new SurveyedBy(rs.getString(1), rs.getTimestamp(2).toLocalDateTime()))
                .stream().findFirst();
    }

    /** When the case's latest public notice started (its status became IN_NOTICE). */
    public Optional<LocalDateTime> noticeStartedAt(long caseId) {
        return jdbc.sql("select max(changed_at) from dibao_case_status_history where case_id = ? and status = ?")
                .params(caseId, CaseStatus.IN_NOTICE.name())
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(t -> t.toLocalDateTime()))
                .single();
    }

    /** The cases now in 公示 of the village or community, by case number. */
    public List<NoticeRow> inNotice(String communityCode) {
        return jdbc.sql("""
                select c.id, c.case_number, c.monthly_amount,
                       (select m.name from household_member m where m.household_id = h.id and m.relation = 'HEAD'
                        order by m.id fetch first 1 rows only) as head_name,
                       (select m.id_number from household_member m where m.household_id = h.id and m.relation = 'HEAD'
                        order by m.id fetch first 1 rows only) as head_id,
                       (select count(*) from household_member m where m.household_id = h.id) as size,
                       (select max(s.changed_at) from dibao_case_status_history s
                        where s.case_id = c.id and s.status = :status) as started
                from dibao_case c join household h on h.id = c.household_id
                where h.community_code = :community and c.status = :status
                order by c.case_number""")
                .param("community", communityCode)
                .param("status", CaseStatus.IN_NOTICE.name())
                .query((rs, n) -> new NoticeRow(rs.getLong("id"), rs.getString("case_number"), rs.getString("head_name"),
                        rs.getString("head_id"), rs.getInt("size"), rs.getBigDecimal("monthly_amount"),
                        rs.getTimestamp("started").toLocalDateTime()))
                .list();
    }
}

package cn.minzheng.bureau.dibao.verification;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;

/** The only writer of dibao_economic_check: a case's authorisation and the answer of its check. */
@Repository
public class EconomicCheckRepository {

    private final JdbcClient jdbc;

    public EconomicCheckRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row as stored; answeredAt and the rest are null until the provider answered. */
    public record StoredCheck(long id, long caseId, String authorisedBy, LocalDateTime authorisedAt,
                              LocalDateTime answeredAt, String provider, BigDecimal financialAssets, String report) {
    }

    public void authorise(long caseId, String authorisedBy, LocalDateTime at) {
        jdbc.sql("insert into dibao_economic_check (case_id, authorised_by, authorised_at) values (?, ?, ?)")
                .params(caseId, authorisedBy, Timestamp.valueOf(at)).update();
    }

    public void answer(long checkId, EconomicStatusReport report, String reportJson) {
        jdbc.sql("""
                update dibao_economic_check set answered_at = ?, provider = ?, financial_assets = ?, vehicles = ?,
                    homes = ?, commercial_properties = ?, report = ?
                where id = ?""")
                .params(Timestamp.valueOf(report.checkedAt()), report.provider(), report.financialAssets(),
                        report.vehicles(), report.homes(), report.commercialProperties(), reportJson, checkId)
                .update();
    }

    /** The case's latest check, answered or not. */
    public Optional<StoredCheck> latest(long caseId) {
        return jdbc.sql("""
                select id, case_id, authorised_by, authorised_at, answered_at, provider, financial_assets, report
                from dibao_economic_check where case_id = ? order by id desc""")
                .param(caseId)
                .query(RecordRows.of(StoredCheck.class))
                .list().stream().findFirst();
    }
}

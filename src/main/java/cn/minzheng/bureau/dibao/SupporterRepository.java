package cn.minzheng.bureau.dibao;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.ResidentIdNumber;

/** The one writer of dibao_supporter: the supporters recorded on a case. */
@Repository
public class SupporterRepository {

    private final JdbcClient jdbc;

    public SupporterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long caseId, List<Supporter> supporters, String recordedBy) {
        Timestamp now = Timestamp.from(EngineClock.instant());
        for (Supporter s : supporters) {
            jdbc.sql("""
                    insert into dibao_supporter (case_id, name, id_number, relation, monthly_income, recorded_by,
                        recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(caseId, s.name(), s.idNumber().value(), s.relation().name(), s.monthlyIncome(), recordedBy,
                            now)
                    .update();
        }
    }

    private record Row(String name, String idNumber, String relation, BigDecimal monthlyIncome) {
    }

    /** The supporters of a case, in the order recorded. */
    public List<Supporter> forCase(long caseId) {
        return jdbc.sql("""
                select name, id_number, relation, monthly_income from dibao_supporter where case_id = ? order by id""")
                .param(caseId)
                .query(RecordRows.of(Row.class))
                .list().stream()
                .map(r -> new Supporter(r.name(), ResidentIdNumber.parse(r.idNumber()),
                        SupporterRelation.valueOf(r.relation()), r.monthlyIncome()))
                .toList();
    }
}

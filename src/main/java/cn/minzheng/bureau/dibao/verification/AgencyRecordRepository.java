package cn.minzheng.bureau.dibao.verification;

import java.sql.Date;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;

/** The only writer of agency_record: the bureau's own copy of what the agencies hold, per ID number. */
@Repository
public class AgencyRecordRepository {

    private final JdbcClient jdbc;

    public AgencyRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AgencyRecord record) {
        if (record.amount() != null && record.amount().signum() < 0) {
            throw new RuleViolation("NEGATIVE_ASSET", "部门核对记录的金额不能为负数：" + record.description());
        }
        jdbc.sql("""
                insert into agency_record (id_number, kind, agency, description, amount, commercial, for_disability,
                    recorded_on)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(record.idNumber(), record.kind().name(), record.agency(), record.description(), record.amount(),
                        record.commercial(), record.forDisability(), Date.valueOf(record.recordedOn()))
                .update();
    }

    /** Everything held on these people, by person and kind. */
    public List<AgencyRecord> forIdNumbers(Collection<String> idNumbers) {
        if (idNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id_number, kind, agency, description, amount, commercial, for_disability, recorded_on
                from agency_record where id_number in (:ids) order by id_number, kind, id""")
                .paramSource(new MapSqlParameterSource("ids", idNumbers))
                .query(RecordRows.of(AgencyRecord.class))
                .list();
    }
}

package cn.minzheng.bureau.dibao.deadline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.calendar.WorkingCalendar;

/** The table dibao_time_limit; times are read as Beijing time. */
@Repository
public class TimeLimitRepository {

    private static final String COLUMNS = "id, case_id, township_code, limit_kind, process_instance_id, working_days, "
            + "started_at, due_at, met_at, overrun_at, extended_by, extended_at, extension_reason, supervised_by, "
            + "supervised_at, supervision_comment";

    private final JdbcClient jdbc;

    public TimeLimitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long open(long caseId, String townshipCode, LimitKind kind, String processInstanceId, int workingDays,
                     Date startedAt, Date dueAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into dibao_time_limit (case_id, township_code, limit_kind, process_instance_id, working_days,
                    started_at, due_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, townshipCode, kind.name(), processInstanceId, workingDays,
                        new Timestamp(startedAt.getTime()), new Timestamp(dueAt.getTime()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The limit of this kind still running for the case (not met yet), if any. */
    public Optional<TimeLimit> running(long caseId, LimitKind kind) {
        return jdbc.sql("select " + COLUMNS + " from dibao_time_limit where case_id = ? and limit_kind = ? "
                        + "and met_at is null order by id desc")
                .params(caseId, kind.name()).query(TimeLimitRepository::row).stream().findFirst();
    }

    public Optional<TimeLimit> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from dibao_time_limit where id = ?").param(id)
                .query(TimeLimitRepository::row).optional();
    }

    public List<TimeLimit> forCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from dibao_time_limit where case_id = ? order by id").param(caseId)
                .query(TimeLimitRepository::row).list();
    }

    /** The case's running limit of this kind is met (a limit already met, or none, is left as it is). */
    public void met(long caseId, LimitKind kind, Date at) {
        jdbc.sql("update dibao_time_limit set met_at = ? where case_id = ? and limit_kind = ? and met_at is null")
                .params(new Timestamp(at.getTime()), caseId, kind.name()).update();
    }

    public void overrun(long id, Date at) {
        jdbc.sql("update dibao_time_limit set overrun_at = ? where id = ? and overrun_at is null")
                .params(new Timestamp(at.getTime()), id).update();
    }

    /** Extends the limit once; false when it was already extended (nothing changed then). */
    public boolean extend(long id, int workingDays, Date dueAt, String user, Date at, String reason) {
        return jdbc.sql("""
                update dibao_time_limit set working_days = ?, due_at = ?, extended_by = ?, extended_at = ?,
                    extension_reason = ? where id = ? and extended_at is null""")
                .params(workingDays, new Timestamp(dueAt.getTime()), user, new Timestamp(at.getTime()), reason, id)
                .update() == 1;
    }

    public void supervised(long id, String user, Date at, String comment) {
        jdbc.sql("update dibao_time_limit set supervised_by = ?, supervised_at = ?, supervision_comment = ? where id = ?")
                .params(user, new Timestamp(at.getTime()), comment, id).update();
    }

    private static TimeLimit row(ResultSet rs, int n) throws SQLException {
        return new TimeLimit(rs.getLong("id"), rs.getLong("case_id"), rs.getString("township_code"),
                LimitKind.valueOf(rs.getString("limit_kind")), rs.getString("process_instance_id"),
                rs.getInt("working_days"), time(rs, "started_at"), time(rs, "due_at"), time(rs, "met_at"),
                time(rs, "overrun_at"), rs.getString("extended_by"), time(rs, "extended_at"),
                rs.getString("extension_reason"), rs.getString("supervised_by"), time(rs, "supervised_at"),
                rs.getString("supervision_comment"));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().atZone(WorkingCalendar.ZONE).toLocalDateTime();
    }
}

package cn.minzheng.bureau.deadline;

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

/** The table statutory_time_limit, its only writer; times are read as Beijing time. */
@Repository
public class StatutoryTimeLimitRepository {

    private static final String COLUMNS = "id, subject_type, subject_id, subject_name, limit_kind, process_instance_id, "
            + "working_days, started_at, due_at, met_at, overrun_at, supervisor_group, supervised_by, supervised_at, "
            + "supervision_comment, extended_by, extended_at, extension_reason";

    private final JdbcClient jdbc;

    public StatutoryTimeLimitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long open(String subjectType, long subjectId, String subjectName, StatutoryLimit limit, String processInstanceId,
                     Date startedAt, Date dueAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into statutory_time_limit (subject_type, subject_id, subject_name, limit_kind, process_instance_id,
                    working_days, started_at, due_at, supervisor_group) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(subjectType, subjectId, subjectName, limit.name(), processInstanceId, limit.workingDays(),
                        new Timestamp(startedAt.getTime()), new Timestamp(dueAt.getTime()), limit.supervisorGroup())
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The limit of this kind still running for the subject (not met yet), if any. */
    public Optional<StatutoryTimeLimit> running(String subjectType, long subjectId, StatutoryLimit limit) {
        return jdbc.sql("select " + COLUMNS + " from statutory_time_limit where subject_type = ? and subject_id = ? "
                        + "and limit_kind = ? and met_at is null order by id desc")
                .params(subjectType, subjectId, limit.name()).query(StatutoryTimeLimitRepository::row).stream().findFirst();
    }

    public Optional<StatutoryTimeLimit> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from statutory_time_limit where id = ?").param(id)
                .query(StatutoryTimeLimitRepository::row).optional();
    }

    public List<StatutoryTimeLimit> of(String subjectType, long subjectId) {
        return jdbc.sql("select " + COLUMNS + " from statutory_time_limit where subject_type = ? and subject_id = ? order by id")
                .params(subjectType, subjectId).query(StatutoryTimeLimitRepository::row).list();
    }

    /** The subject's running limit of this kind is met (a limit already met, or none, is left as it is). */
    public void met(String subjectType, long subjectId, StatutoryLimit limit, Date at) {
        jdbc.sql("update statutory_time_limit set met_at = ? where subject_type = ? and subject_id = ? and limit_kind = ? "
                        + "and met_at is null")
                .params(new Timestamp(at.getTime()), subjectType, subjectId, limit.name()).update();
    }

    public void overrun(long id, Date at) {
        jdbc.sql("update statutory_time_limit set overrun_at = ? where id = ? and overrun_at is null")
                .params(new Timestamp(at.getTime()), id).update();
    }

    public void supervised(long id, String user, Date at, String comment) {
        jdbc.sql("update statutory_time_limit set supervised_by = ?, supervised_at = ?, supervision_comment = ? where id = ?")
                .params(user, new Timestamp(at.getTime()), comment, id).update();
    }

    /** The limit extended to this many working days and this due date, once: false if it was extended before. */
    public boolean extend(long id, int workingDays, Date dueAt, String user, Date at, String reason) {
        return jdbc.sql("""
                update statutory_time_limit set working_days = ?, due_at = ?, extended_by = ?, extended_at = ?,
                    extension_reason = ? where id = ? and extended_at is null and overrun_at is null and met_at is null""")
                .params(workingDays, new Timestamp(dueAt.getTime()), user, new Timestamp(at.getTime()), reason, id)
                .update() == 1;
    }

    private static StatutoryTimeLimit row(ResultSet rs, int n) throws SQLException {
        return new StatutoryTimeLimit(rs.getLong("id"), rs.getString("subject_type"), rs.getLong("subject_id"),
                rs.getString("subject_name"), rs.getString("limit_kind"), rs.getString("process_instance_id"),
                rs.getInt("working_days"), time(rs, "started_at"), time(rs, "due_at"), time(rs, "met_at"),
                time(rs, "overrun_at"), rs.getString("supervisor_group"), rs.getString("supervised_by"),
                time(rs, "supervised_at"), rs.getString("supervision_comment"), rs.getString("extended_by"),
                time(rs, "extended_at"), rs.getString("extension_reason"));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().atZone(WorkingCalendar.ZONE).toLocalDateTime();
    }
}

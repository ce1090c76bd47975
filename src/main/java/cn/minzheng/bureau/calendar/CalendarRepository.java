package cn.minzheng.bureau.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table calendar_day: the non-standard days of each year. */
@Repository
public class CalendarRepository {

    private final JdbcClient jdbc;

    public CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CalendarDay> all() {
        return jdbc.sql("select cal_date, kind, holiday_name from calendar_day order by cal_date")
                .query((rs, n) -> day(rs)).list();
    }

    public List<CalendarDay> year(int year) {
        return jdbc.sql("select cal_date, kind, holiday_name from calendar_day where calendar_year = ? order by cal_date")
                .param(year).query((rs, n) -> day(rs)).list();
    }

    public List<Integer> years() {
        return jdbc.sql("select distinct calendar_year from calendar_day order by calendar_year").query(Integer.class).list();
    }

    /** Replaces every day of the year; call inside a transaction. */
    public void replaceYear(int year, List<CalendarDay> days, String user) {
        jdbc.sql("delete from calendar_day where calendar_year = ?").param(year).update();
        Timestamp now = Timestamp.from(Instant.now());
        for (CalendarDay day : days) {
            jdbc.sql("""
                    insert into calendar_day (cal_date, calendar_year, kind, holiday_name, updated_by, updated_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(Date.valueOf(day.date()), year, day.kind().name(), day.holidayName(), user, now).update();
        }
    }

    private static CalendarDay day(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CalendarDay(rs.getDate("cal_date").toLocalDate(), DayKind.valueOf(rs.getString("kind")),
                rs.getString("holiday_name"));
    }
}

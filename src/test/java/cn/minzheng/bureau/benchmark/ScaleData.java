package cn.minzheng.bureau.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * Builds a district of N households on PostgreSQL, set-based ({@code INSERT … SELECT generate_series}), as the
 * application's own pages read them: households in the demo district's townships and villages / communities,
 * members with valid resident ID numbers (address code 410322, birth date, sequence, check character), 低保 cases
 * in every status with their members and dated status history, the enrolments of 低保 (mirroring the cases),
 * 特困供养 and 高龄津贴 (persons) and 临时救助 (one-off grants), a year of issued payrolls and payments of every
 * program (a few failed, with their failure reports). Household {@code i} of the run is shaped by {@code i} alone,
 * so two runs of the same N give the same data.
 *
 * <p>Shares per household: a spouse in 1 of 2, a child in 1 of 4, a parent aged 80–97 in 1 of 10; a 低保 case in
 * 4 of 10 (of which 1 in 50 open, 1 in 30 cancelled mid-year, 1 in 50 rejected, the rest approved);
 * 特困供养 for the parent of 1 in 20 households without a case; 高龄津贴 for every parent aged 80+; 临时救助 for
 * 1 in 25 households. Every scale household's address starts with {@link #MARK}.
 *
 * <p>Use a database of its own: the rows are meant to stay (the page benchmark reads them).
 */
public final class ScaleData {

    public static final String MARK = "规模测试";
    static final String ADDRESS_CODE = "410322";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红春梅海波宁辉鹏斌飞凤琴";

    private final DataSource dataSource;
    private final List<String> report = new ArrayList<>();

    public ScaleData(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How many scale households the database holds. */
    public static long households(Connection connection) throws SQLException {
        try (var rs = connection.createStatement().executeQuery(
                "select count(*) from household where address like '" + MARK + "%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Builds N households with a year of payments in {@code year}; returns the lines it printed. */
    public List<String> generate(int n, int year) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            long start = System.nanoTime();
            long base = single(c, "select coalesce(max(id), 0) from household");
            step(c, "helpers", helpers(year));
            step(c, "households", """
                    insert into household (township_code, community_code, address, bank_name, bank_account, created_at)
                    select a.township, a.community, '%s' || a.name || (i / 18 + 1) || '号', '中国农业银行',
                           '622848' || lpad(i::text, 13, '0'), timestamp '%d-01-01' - (i %% 900) * interval '1 day'
                    from generate_series(1, %d) i join scale_area a on a.idx = i %% (select count(*) from scale_area)
                    order by i""".formatted(MARK, year - 1, n));
            step(c, "scale household index", """
                    create temporary table scale_household as
                    select h.id, h.id - %d as i, h.township_code, h.community_code, h.created_at
                    from household h where h.id > %d and h.address like '%s%%'""".formatted(base, base, MARK));
            step(c, "", "create index on scale_household (i); analyze scale_household");
            long baseMember = single(c, "select coalesce(max(id), 0) from household_member");
            // person key k = 4i + role; birth dates: adults 25–75 years before the year, children 1–16, parents 80–97
            step(c, "members", """
                    insert into household_member (household_id, name, id_number, birth_date, sex, relation,
                        employment_status, disability_level)
                    select id, name, first17 || pg_temp.id_check(first17), birth,
                           case when substr(first17, 17, 1)::int %% 2 = 1 then 'MALE' else 'FEMALE' end,
                           relation, employment, disability
                    from (select h.id, r.relation, r.employment, r.disability,
                                 pg_temp.person_name(4 * h.i + r.role) as name,
                                 pg_temp.birth(4 * h.i + r.role, r.role, %d) as birth,
                                 '%s' || to_char(pg_temp.birth(4 * h.i + r.role, r.role, %d), 'YYYYMMDD')
                                     || lpad(((4 * h.i + r.role) %% 1000)::text, 3, '0') as first17
                          from scale_household h
                          join (values (0, 'HEAD', 'UNEMPLOYED', 'NONE'), (1, 'SPOUSE', 'FLEXIBLE', 'NONE'),
                                       (2, 'CHILD', 'STUDENT', 'NONE'), (3, 'PARENT', 'RETIRED', 'NONE'))
                               as r(role, relation, employment, disability)
                            on r.role = 0 or (r.role = 1 and h.i %% 2 = 0) or (r.role = 2 and h.i %% 4 = 1)
                               or (r.role = 3 and h.i %% 10 in (3, 5))
                          order by h.id, r.role) m""".formatted(year, ADDRESS_CODE, year));
            step(c, "", "analyze household, household_member");
            step(c, "低保 cases", """
                    insert into dibao_case (case_number, household_id, township_code, category, status, per_capita_income,
                        monthly_standard, category_addition, monthly_amount, start_month, closing_reason, created_at,
                        updated_at)
                    select 'GM' || %d || '-' || lpad(h.i::text, 8, '0'), h.id, h.township_code,
                           case when h.i %% 10 = 3 then 'ELDERLY' else 'ORDINARY' end, s.status,
                           300 + h.i %% 300, 700, 0, 700 - (300 + h.i %% 300), s.start_month,
                           case s.status when 'CANCELLED' then '家庭收入超过低保标准' when 'REJECTED' then '家庭财产超过规定' end,
                           s.created_at, s.created_at + interval '20 day'
                    from scale_household h
                    cross join lateral (select
                        case when h.i %% 500 = 0 then 'APPLIED' when h.i %% 500 = 10 then 'UNDER_SURVEY'
                             when h.i %% 500 = 20 then 'UNDER_REVIEW' when h.i %% 500 = 30 then 'IN_NOTICE'
                             when h.i %% 300 = 1 then 'CANCELLED' when h.i %% 500 = 2 then 'REJECTED'
                             else 'APPROVED' end as status,
                        case when h.i %% 4 = 0 then '%d-' || lpad((1 + h.i / 10 %% 12)::text, 2, '0')
                             else '%d-01' end as start_month,
                        case when h.i %% 4 = 0 then timestamp '%d-01-01' + (h.i / 10 %% 12) * interval '1 month' - interval '25 day'
                             else timestamp '%d-12-01' - (h.i %% 300) * interval '1 day' end as created_at) s
                    where h.i %% 10 in (0, 1, 2, 3)
                    order by h.id""".formatted(year, year, year, year, year - 1));
            step(c, "", "update dibao_case set start_month = null, monthly_amount = null where case_number like 'GM%' "
                    + "and status in ('APPLIED', 'UNDER_SURVEY', 'UNDER_REVIEW', 'IN_NOTICE', 'REJECTED')");
            step(c, "", "analyze dibao_case");
            step(c, "case members", """
                    insert into dibao_case_person (case_id, id_number, open_id_number)
                    select dc.id, m.id_number, case when dc.status in ('CANCELLED', 'REJECTED') then null else m.id_number end
                    from dibao_case dc join scale_household h on h.id = dc.household_id
                    join household_member m on m.household_id = dc.household_id""");
            step(c, "case status history", """
                    insert into dibao_case_status_history (case_id, status, changed_at, changed_by, reason)
                    select dc.id, s.status, s.changed_at, s.changed_by, s.reason
                    from dibao_case dc join scale_household h on h.id = dc.household_id
                    cross join lateral (values
                        ('APPLIED', dc.created_at, 'clerk.' || dc.township_code, null::varchar, true),
                        ('APPROVED', dc.updated_at, 'approver', null, dc.status in ('APPROVED', 'CANCELLED')),
                        ('REJECTED', dc.updated_at, 'approver', dc.closing_reason, dc.status = 'REJECTED'),
                        ('CANCELLED', timestamp '%d-06-20', 'approver', dc.closing_reason, dc.status = 'CANCELLED'),
                        (dc.status, dc.created_at + interval '3 day', 'clerk.' || dc.township_code, null,
                            dc.status in ('UNDER_SURVEY', 'UNDER_REVIEW', 'IN_NOTICE'))) as s(status, changed_at, changed_by, reason, wanted)
                    where s.wanted
                    order by dc.id, s.changed_at""".formatted(year));
            step(c, "enrolments: 低保 (mirror of the cases)", """
                    insert into enrolment (program_code, household_id, township_code, status, amount, start_month, end_month,
                        program_case_id, created_at, updated_at)
                    select 'DIBAO', dc.household_id, dc.township_code,
                           case dc.status when 'APPROVED' then 'ACTIVE' when 'CANCELLED' then 'ENDED'
                                when 'REJECTED' then 'REFUSED' else 'APPLIED' end,
                           dc.monthly_amount, dc.start_month, case when dc.status = 'CANCELLED' then '%d-06' end,
                           dc.id, dc.created_at, dc.updated_at
                    from dibao_case dc join scale_household h on h.id = dc.household_id order by dc.id""".formatted(year));
            step(c, "enrolments: 特困供养, 高龄津贴 (persons), 临时救助 (one-off)", """
                    insert into enrolment (program_code, household_id, person_id_number, township_code, status, amount,
                        start_month, created_at, updated_at)
                    select e.program, h.id, e.person, h.township_code, 'ACTIVE', e.amount, e.start_month,
                           timestamp '%d-12-10', timestamp '%d-12-20'
                    from scale_household h
                    left join household_member p on p.household_id = h.id and p.relation = 'PARENT'
                    cross join lateral (values
                        ('TEKUN', p.id_number, 1100.00, '%d-01', h.i %% 20 = 5),
                        ('GAOLING', p.id_number, case when p.birth_date <= date '%d-01-01' then 300.00
                             when p.birth_date <= date '%d-01-01' then 200.00 else 100.00 end, '%d-01', p.id is not null),
                        ('LINSHI', null, 1000.00 + (h.i %% 5) * 500, '%d-' || lpad((1 + h.i %% 12)::text, 2, '0'),
                            h.i %% 25 = 7)) as e(program, person, amount, start_month, wanted)
                    where e.wanted
                    order by h.id""".formatted(year - 1, year - 1, year, year - 100, year - 90, year, year));
            step(c, "", "analyze enrolment");
            step(c, "enrolment status history", """
                    insert into enrolment_status_history (enrolment_id, status, changed_at, changed_by, reason)
                    select e.id, s.status, s.changed_at, s.changed_by, s.reason
                    from enrolment e join scale_household h on h.id = e.household_id
                    cross join lateral (values
                        ('APPLIED', e.created_at, 'clerk.' || e.township_code, null::varchar, true),
                        (e.status, e.updated_at, 'approver', null, e.status in ('ACTIVE', 'REFUSED', 'ENDED')),
                        ('ENDED', timestamp '%d-06-20', 'approver', '家庭收入超过低保标准', e.status = 'ENDED'))
                        as s(status, changed_at, changed_by, reason, wanted)
                    where s.wanted and not (s.status = 'ENDED' and s.changed_at = e.updated_at)
                    order by e.id, s.changed_at""".formatted(year));
            step(c, "payrolls (a year of every program)", """
                    insert into payroll (payroll_month, program_code, status, created_at, updated_at, computed_at,
                        approved_at, issued_at, checked_by, approved_by)
                    select '%d-' || lpad(m::text, 2, '0'), p.code, 'ISSUED', t, t, t, t, t + interval '5 day',
                           'finance', 'approver'
                    from generate_series(1, 12) m cross join (values ('DIBAO'), ('TEKUN'), ('GAOLING'), ('LINSHI')) p(code)
                    cross join lateral (select timestamp '%d-01-05' + (m - 1) * interval '1 month' as t) x
                    on conflict do nothing""".formatted(year, year));
            step(c, "payments (12 months of the monthly programs, the one-off grants)", """
                    insert into payment (payroll_id, enrolment_id, one_off_enrolment_id, case_id, benefit_month, household_id,
                        township_code, payee_name, payee_id_number, bank_name, bank_account, people_count, amount, status,
                        failure_reason, issued_at, created_at)
                    select r.id, e.id, case when e.program_code = 'LINSHI' then e.id end,
                           case when e.program_code = 'DIBAO' then e.program_case_id end, mo.month, e.household_id,
                           e.township_code, payee.name, payee.id_number, h.bank_name, h.bank_account,
                           case when e.person_id_number is null then mc.members else 1 end, e.amount,
                           case when (e.id + mo.m) %% 997 = 0 then 'FAILED' else 'ISSUED' end,
                           case when (e.id + mo.m) %% 997 = 0 then '账户已销户' end,
                           r.issued_at, r.created_at
                    from enrolment e
                    join scale_household h0 on h0.id = e.household_id
                    join household h on h.id = e.household_id
                    join household_member payee on payee.household_id = e.household_id
                        and ((e.person_id_number is null and payee.relation = 'HEAD') or payee.id_number = e.person_id_number)
                    join (select household_id, count(*) as members from household_member group by household_id) mc
                        on mc.household_id = e.household_id
                    cross join lateral (select m, '%d-' || lpad(m::text, 2, '0') as month from generate_series(1, 12) m) mo
                    join payroll r on r.program_code = e.program_code and r.payroll_month = mo.month
                    where e.status in ('ACTIVE', 'ENDED') and e.amount > 0 and e.start_month <= mo.month
                      and (e.end_month is null or mo.month <= e.end_month)
                      and (e.program_code <> 'LINSHI' or e.start_month = mo.month)
                    order by mo.m, e.id""".formatted(year));
            step(c, "failure reports of the failed payments", """
                    insert into payment_failure (payment_id, payroll_id, bank_account, reason, reported_by, reported_at)
                    select p.id, p.payroll_id, p.bank_account, p.failure_reason, 'finance', p.issued_at + interval '3 day'
                    from payment p join scale_household h on h.id = p.household_id where p.status = 'FAILED'""");
            step(c, "payroll totals", """
                    update payroll r set household_count = t.households, people_count = t.people, total_amount = t.amount
                    from (select payroll_id, count(*) as households, sum(people_count) as people, sum(amount) as amount
                          from payment group by payroll_id) t
                    where t.payroll_id = r.id and r.payroll_month like '%d-%%'""".formatted(year));
            step(c, "vacuum analyze", "vacuum analyze");
            line("built %,d households in %.1f s", n, (System.nanoTime() - start) / 1e9);
            for (String table : List.of("household", "household_member", "dibao_case", "dibao_case_person",
                    "dibao_case_status_history", "enrolment", "enrolment_status_history", "payroll", "payment",
                    "payment_failure")) {
                line("  %-26s %,12d rows", table, single(c, "select count(*) from " + table));
            }
            line("  database size %s", text(c, "select pg_size_pretty(pg_database_size(current_database()))"));
        }
        return report;
    }

    /** Session-local helpers: the areas to spread households over, names, birth dates, ID check characters. */
    private static String helpers(int year) {
        StringBuilder sum = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            sum.append(i == 0 ? "" : " + ").append("substr(s, ").append(i + 1).append(", 1)::int * ").append(WEIGHTS[i]);
        }
        return """
                drop table if exists scale_area;
                create temporary table scale_area as
                    select (row_number() over (order by c.code) - 1)::int as idx, c.parent_code as township, c.code as community,
                           c.name
                    from region c join region t on t.code = c.parent_code
                    where t.parent_code = 'district' and c.kind in ('VILLAGE', 'COMMUNITY');
                create or replace function pg_temp.id_check(s text) returns text language sql immutable as
                    $$ select substr('10X98765432', (%s) %% 11 + 1, 1) $$;
                create or replace function pg_temp.person_name(k bigint) returns text language sql immutable as
                    $$ select substr('%s', (k %% %d)::int + 1, 1) || substr('%s', (k / 7 %% %d)::int + 1, 1)
                              || case when k %% 3 = 0 then '' else substr('%s', (k / 301 %% %d)::int + 1, 1) end $$;
                create or replace function pg_temp.birth(k bigint, role int, y int) returns date language sql immutable as
                    $$ select case role when 2 then make_date(y - 17, 1, 1) + (k / 1000 %% 5800)::int
                                        when 3 then make_date(y - 98, 1, 1) + (k / 1000 %% 6200)::int
                                        else make_date(y - 76, 1, 1) + (k / 1000 %% 18000)::int end $$
                """.formatted(sum, SURNAMES, SURNAMES.length(), GIVEN, GIVEN.length(), GIVEN, GIVEN.length());
    }

    private void step(Connection c, String name, String sql) throws SQLException {
        long start = System.nanoTime();
        int rows;
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
            rows = Math.max(statement.getUpdateCount(), 0);
        }
        if (!name.isEmpty()) {
            line("%-62s %,11d rows %8.1f s", name, rows, (System.nanoTime() - start) / 1e9);
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.add(text);
        System.out.println("[scale] " + text);
    }
}

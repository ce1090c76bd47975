package cn.minzheng.bureau.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.DatabaseProduct;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.web.LedgerUser;

/**
 * The ledgers' read queries. Every query is confined to the townships the user may see. The household searches run
 * through {@link CustomPlans}: their filters' values decide their plans.
 */
@Repository
public class LedgerQueries {

    private static final String HOUSEHOLD_COLUMNS =
            householdColumns("(select count(*) from household_member mm where mm.household_id = h.id)");

    private static final String HEADS = """
            from household h
            join household_member m on m.household_id = h.id and m.relation = 'HEAD'
            """;

    private static final String REGIONS = """
            join region t on t.code = h.township_code
            join region c on c.code = h.community_code
            """;

    /** The household's latest 低保 case (highest id), or none. */
    private static final String ANY_LATEST_CASE =
            "left join dibao_case dc on dc.id = (select max(x.id) from dibao_case x where x.household_id = h.id)\n";

    /**
     * The same latest case where the search asks for its status (the filter drops households without one), written
     * so that the database can start from the cases in that status.
     */
    private static final String LATEST_CASE = """
            join dibao_case dc on dc.household_id = h.id
                and not exists (select 1 from dibao_case x where x.household_id = h.id and x.id > dc.id)
            """;

    /**
     * A download's rows on PostgreSQL: the same columns, each household's members read once for its head and their
     * count, and, without a status filter, its latest 低保 case by one probe of the case index (a lateral read). With
     * the joins above, the planner hashed all the district's cases for a community's download and counted the members
     * in a second probe per household; a community's households lie all over the table, so each probe is a page read
     * (docs/benchmarks.md, the community export). H2 has no lateral join and keeps the statement of the pages.
     */
    private static final String DOWNLOAD_COLUMNS = householdColumns("m.members");

    private static final String HEADS_WITH_MEMBER_COUNT = """
            from household h
            join lateral (select mm.name, mm.id_number, mm.relation, count(*) over () as members
                          from household_member mm where mm.household_id = h.id) m on m.relation = 'HEAD'
            """;

    private static final String ANY_LATEST_CASE_PROBED = """
            left join lateral (select x.id, x.case_number, x.status, x.monthly_amount from dibao_case x
                               where x.household_id = h.id order by x.id desc limit 1) dc on true
            """;

    /** Rows a download reads from the database at a time (PostgreSQL streams through a cursor only with a fetch size). */
    private static final int DOWNLOAD_FETCH_SIZE = 2000;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final CustomPlans customPlans;
    private final DatabaseProduct database;

    LedgerQueries(JdbcClient jdbc, JdbcTemplate jdbcTemplate, CustomPlans customPlans, DatabaseProduct database) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(jdbcTemplate.getDataSource());
        fetching.setFetchSize(DOWNLOAD_FETCH_SIZE);
        this.streaming = JdbcClient.create(fetching);
        this.customPlans = customPlans;
        this.database = database;
    }

    public record Page<T>(List<T> rows, long total, int page, int pageSize) {

        public long pages() {
            return Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    /**
     * One page of a search, newest household first, by keyset: the households below the cursor's id (or the page right
     * above it), read along the index of the search's filter without reading the rows of the pages before it.
     * {@code known}: the count the search's first page made, which its page links carry (counted up to
     * {@link HouseholdCount#BOUND} when null); {@code number}: the page's number as the links carry it, for the page to
     * show (null: unknown).
     */
    public HouseholdPage households(HouseholdSearch search, Keyset keyset, HouseholdCount known, Integer number,
                                    LedgerUser user) {
        return customPlans.read(() -> page(search, keyset, known, number, user));
    }

    private HouseholdPage page(HouseholdSearch search, Keyset keyset, HouseholdCount known, Integer number,
                               LedgerUser user) {
        HouseholdCount count = known != null ? known : boundedCount(HouseholdCount.BOUND, search, user);
        if (keyset.before() != null) {
            List<HouseholdRow> above = pageRows(search, user, ">", keyset.before(), " order by h.id asc");
            if (above.size() > HouseholdSearch.PAGE_SIZE) {
                List<HouseholdRow> rows = new ArrayList<>(above.subList(0, HouseholdSearch.PAGE_SIZE));
                Collections.reverse(rows);
                return new HouseholdPage(withPrograms(rows), count, number, rows.get(0).householdId(),
                        rows.get(rows.size() - 1).householdId());
            }
            // fewer than a page above the cursor: the search's first page
            keyset = Keyset.FIRST;
        }
        List<HouseholdRow> rows = pageRows(search, user, "<", keyset.after(), " order by h.id desc");
        boolean more = rows.size() > HouseholdSearch.PAGE_SIZE;
        if (more) {
            rows = rows.subList(0, HouseholdSearch.PAGE_SIZE);
        }
        Long previous = keyset.first() || rows.isEmpty() ? null : rows.get(0).householdId();
        Long next = more ? rows.get(rows.size() - 1).householdId() : null;
        return new HouseholdPage(withPrograms(rows), count, keyset.first() ? Integer.valueOf(1) : number, previous, next);
    }

    /** How many households a search finds in the user's area, exactly (every match read). */
    public long count(HouseholdSearch search, LedgerUser user) {
        Where where = householdWhere(search, user);
        return customPlans.read(() -> where.bind(jdbc.sql("select count(*) " + matchesOf(search, user) + where.sql()))
                .query(Long.class).single());
    }

    /**
     * The search's count, read up to {@code bound} matches: exact where it finds at most that many, else "more than
     * {@code bound}" (at most bound + 1 matches read, whatever the size of the search).
     */
    public HouseholdCount countUpTo(long bound, HouseholdSearch search, LedgerUser user) {
        return customPlans.read(() -> boundedCount(bound, search, user));
    }

    private HouseholdCount boundedCount(long bound, HouseholdSearch search, LedgerUser user) {
        Where where = householdWhere(search, user);
        long found = where.bind(jdbc.sql("select count(*) from (select 1 as found " + matchesOf(search, user)
                + where.sql() + " limit " + (bound + 1) + ") matches")).query(Long.class).single();
        return found > bound ? HouseholdCount.moreThan(bound) : HouseholdCount.exactly(found);
    }

    /**
     * The id of the last household on the page before the {@code page}th (counted from 0) in offset paging, for an old
     * {@code ?page=N} link: the page it meant starts below that id. Empty when no row is left for that page. Reads the
     * skipped ids once, as offset paging did on every page.
     */
    public Optional<Long> lastIdBeforePage(HouseholdSearch search, int page, LedgerUser user) {
        if (page <= 0) {
            return Optional.empty();
        }
        Where where = householdWhere(search, user);
        // the last row before the page, and the page's first row: without the latter the page would be empty
        List<Long> ids = customPlans.read(() -> where.bind(jdbc.sql("select h.id " + HEADS
                        + (search.status() == null ? "" : LATEST_CASE) + where.sql() + " order by h.id desc limit 2 offset "
                        + ((long) page * HouseholdSearch.PAGE_SIZE - 1)))
                .query(Long.class).list());
        return ids.size() == 2 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    /**
     * At most a page and one row (the one telling whether another page follows) beyond the cursor {@code id} in the
     * given order. The cursor's condition also on the head and on the status search's case: the database does not
     * carry a range from one side of a join to the other, and a plan that merges the households with the heads (or the
     * cases in a status) in id order would otherwise read their index from the newest down to the cursor.
     */
    private List<HouseholdRow> pageRows(HouseholdSearch search, LedgerUser user, String comparison, Long id,
                                        String order) {
        Where where = householdWhere(search, user);
        if (id != null) {
            where.and("h.id " + comparison + " ?", id);
            where.and("m.household_id " + comparison + " ?", id);
            if (search.status() != null) {
                where.and("dc.household_id " + comparison + " ?", id);
            }
        }
        return where.bind(jdbc.sql(rowsOf(search) + where.sql() + order + " limit " + (HouseholdSearch.PAGE_SIZE + 1)))
                .query((rs, n) -> row(rs)).list();
    }

    /**
     * Every matching household, streamed (for the .xlsx download), in the same order as the pages, with its programs
     * read in the same statement (a chunked lookup beside the cursor cost a planned statement per 2,000 households).
     */
    public void eachHousehold(HouseholdSearch search, LedgerUser user, Consumer<HouseholdRow> sink) {
        Where where = householdWhere(search, user);
        // in a read-only transaction: the rows come through a cursor, a fetch at a time, not all at once
        customPlans.stream(() -> {
            String sql = downloadRowsOf(search) + where.sql() + " order by h.id desc";
            try (var rows = where.bind(streaming.sql(sql))
                    .query((rs, n) -> row(rs).withPrograms(programs(programsOfTheRow(rs)))).stream()) {
                rows.forEach(sink);
            }
        });
    }

    /**
     * A household's enrolments as "status:program name", in the order {@link #programs} reads them; null without
     * any. The status first: a status code has no colon, a program's name might.
     */
    private static final String PROGRAMS_OF_THE_ROW = """
            , (select array_agg(e.status || ':' || p.name order by e.program_code, e.id desc)
               from enrolment e join program p on p.code = e.program_code where e.household_id = h.id) as programs
            """;

    private static List<Enrolled> programsOfTheRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Array array = rs.getArray("programs");
        if (array == null) {
            return List.of();
        }
        List<Enrolled> enrolments = new ArrayList<>();
        for (Object enrolment : (Object[]) array.getArray()) {
            String text = (String) enrolment;
            int colon = text.indexOf(':');
            enrolments.add(new Enrolled(text.substring(colon + 1), text.substring(0, colon)));
        }
        return enrolments;
    }

    /** One enrolment of a household: its program's name and its status (a code). */
    private record Enrolled(String programName, String status) {
    }

    /**
     * The rows with each household's programs, looked up for the rows at once: one entry per program it has an
     * enrolment in (a household's or a member's), by program code, with the statuses of its enrolments, the newest
     * first and each once.
     */
    private List<HouseholdRow> withPrograms(List<HouseholdRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Enrolled>> enrolments = new LinkedHashMap<>();
        jdbc.sql("""
                select e.household_id, p.name, e.status from enrolment e join program p on p.code = e.program_code
                where e.household_id in (%s) order by e.household_id, e.program_code, e.id desc"""
                        .formatted(String.join(",", rows.stream().map(r -> "?").toList())))
                .params(rows.stream().map(r -> (Object) r.householdId()).toList())
                .query(rs -> {
                    enrolments.computeIfAbsent(rs.getLong(1), h -> new ArrayList<>())
                            .add(new Enrolled(rs.getString(2), rs.getString(3)));
                });
        return rows.stream().map(r -> r.withPrograms(programs(enrolments.getOrDefault(r.householdId(), List.of()))))
                .toList();
    }

    /** A household's programs from its enrolments, read in program code order, the newest first. */
    private static List<String> programs(List<Enrolled> enrolments) {
        Map<String, Set<String>> programs = new LinkedHashMap<>();
        for (Enrolled enrolment : enrolments) {
            programs.computeIfAbsent(enrolment.programName(), p -> new LinkedHashSet<>())
                    .add(EnrolmentStatus.valueOf(enrolment.status()).label());
        }
        return programs.entrySet().stream().map(p -> p.getKey() + "（" + String.join("、", p.getValue()) + "）").toList();
    }

    /** The columns of a household's row, its member count given by {@code memberCount}. */
    private static String householdColumns(String memberCount) {
        return """
                select h.id as household_id, m.name as head_name, m.id_number, t.name as township_name,
                       c.name as community_name, h.address, %s as members,
                       dc.id as case_id, dc.case_number, dc.status, dc.monthly_amount
                """.formatted(memberCount);
    }

    private String downloadRowsOf(HouseholdSearch search) {
        if (!database.isPostgres()) {
            return rowsOf(search, PROGRAMS_OF_THE_ROW);
        }
        return DOWNLOAD_COLUMNS + PROGRAMS_OF_THE_ROW + HEADS_WITH_MEMBER_COUNT + REGIONS
                + (search.status() == null ? ANY_LATEST_CASE_PROBED : LATEST_CASE);
    }

    /** The rows of a search: each household with its head, township, community and latest 低保 case. */
    private static String rowsOf(HouseholdSearch search) {
        return rowsOf(search, "");
    }

    /** The same with more columns. */
    private static String rowsOf(HouseholdSearch search, String columns) {
        return HOUSEHOLD_COLUMNS + columns + HEADS + REGIONS + (search.status() == null ? ANY_LATEST_CASE : LATEST_CASE);
    }

    /**
     * The from clause of the rows {@link #rowsOf} gives, for counting them, with only the joins that can change the
     * number: every household has its township and community (foreign keys, not null) and at most one latest case, so
     * these joins count only where the search filters by the case's status; a district-wide search without filters
     * counts the heads alone (each head's household exists, a foreign key).
     */
    private static String matchesOf(HouseholdSearch search, LedgerUser user) {
        boolean unfiltered = search.township() == null && search.community() == null && search.name() == null
                && search.idNumber() == null && search.status() == null && search.program() == null
                && search.programStatus() == null;
        if (unfiltered && user.districtWide()) {
            return "from (select m.id from household_member m where m.relation = 'HEAD') heads";
        }
        return HEADS + (search.status() == null ? "" : LATEST_CASE);
    }

    private static HouseholdRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String status = rs.getString("status");
        long caseId = rs.getLong("case_id");
        return new HouseholdRow(rs.getLong("household_id"), rs.getString("head_name"),
                ResidentIdNumber.mask(rs.getString("id_number")), rs.getString("township_name"),
                rs.getString("community_name"), rs.getString("address"), rs.getInt("members"),
                rs.wasNull() ? null : caseId, rs.getString("case_number"), status,
                status == null ? "无案件" : CaseStatus.valueOf(status).label(), rs.getBigDecimal("monthly_amount"), List.of());
    }

    private static Where householdWhere(HouseholdSearch search, LedgerUser user) {
        Where where = new Where();
        where.sql.append(" where 1 = 1");
        where.area("h.township_code", user);
        if (search.township() != null) {
            where.and("h.township_code = ?", search.township());
        }
        if (search.community() != null) {
            where.and("h.community_code = ?", search.community());
        }
        if (search.name() != null) {
            where.and("exists (select 1 from household_member mm where mm.household_id = h.id and mm.name like ?)",
                    "%" + search.name() + "%");
        }
        if (search.idNumber() != null) {
            where.and("exists (select 1 from household_member mm where mm.household_id = h.id and mm.id_number = ?)",
                    search.idNumber());
        }
        if (search.status() != null) {
            where.and("dc.status = ?", search.status());
        }
        if (search.program() != null && search.programStatus() != null) {
            where.and("exists (select 1 from enrolment e where e.household_id = h.id and e.program_code = ? and e.status = ?)",
                    search.program(), search.programStatus());
        } else if (search.program() != null) {
            where.and("exists (select 1 from enrolment e where e.household_id = h.id and e.program_code = ?)",
                    search.program());
        } else if (search.programStatus() != null) {
            where.and("exists (select 1 from enrolment e where e.household_id = h.id and e.status = ?)",
                    search.programStatus());
        }
        return where;
    }

    /** A WHERE clause built from the filters a user set, with its bound parameters. */
    static final class Where {

        private final StringBuilder sql = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        String sql() {
            return sql.toString();
        }

        void and(String condition, Object... params) {
            sql.append(" and ").append(condition);
            this.params.addAll(List.of(params));
        }

        void area(String column, LedgerUser user) {
            if (user.districtWide()) {
                return;
            }
            List<String> townships = user.townships();
            if (townships.isEmpty()) {
                sql.append(" and 1 = 0");
                return;
            }
            sql.append(" and ").append(column).append(" in (")
                    .append(String.join(",", townships.stream().map(t -> "?").toList())).append(")");
            params.addAll(townships);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            for (int i = 0; i < params.size(); i++) {
                statement = statement.param(i + 1, params.get(i));
            }
            return statement;
        }
    }
}

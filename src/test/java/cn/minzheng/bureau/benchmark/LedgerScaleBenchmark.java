package cn.minzheng.bureau.benchmark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.WebappSession;

/**
 * The ledgers at city scale: builds {@link ScaleData} (N households, default 1,000,000) unless the database holds
 * them already, then requests every ledger page as a township clerk ({@code clerk.yuecun}) and as a district user
 * ({@code approver}) through HTTP with their webapp login, authorizations on, and prints p50 / p95 per page. Floors
 * in the same run: the ledger's own not-found page (the same login, interceptor and page layout, no query) and a
 * plain indexed lookup by ID number in SQL. Exports print rows per second.
 *
 * <pre>
 * DB_URL=jdbc:postgresql://127.0.0.1:5432/scale ./mvnw -Pbenchmark test -Dtest.db=postgres \
 *     -Dtest=LedgerScaleBenchmark -Dbenchmark.households=100000 -Dbenchmark.requests=30
 * </pre>
 *
 * <p>{@code -Dbenchmark.pages=dashboard,yearly} measures only the pages whose name contains one of the words (and the
 * floors).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bureau.demo-data.applications=false")
class LedgerScaleBenchmark {

    private static final int HOUSEHOLDS = Integer.getInteger("benchmark.households", 1_000_000);
    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 30);
    private static final int WARMUP = Integer.getInteger("benchmark.warmup", 3);
    /** Downloads of each export measured after its first (the best counts). */
    private static final int EXPORTS = 3;
    private static final int YEAR = Year.now().getValue() - 1;
    /** Only the pages whose name contains one of these words (comma separated; all pages without it). */
    private static final List<String> PAGES = System.getProperty("benchmark.pages", "").isBlank() ? List.of()
            : List.of(System.getProperty("benchmark.pages").split(","));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    private final List<String> lines = new ArrayList<>();

    @Test
    void ledgerPagesAtScale() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assumeTrue(connection.getMetaData().getDatabaseProductName().startsWith("PostgreSQL"), "a PostgreSQL benchmark");
            long present = ScaleData.households(connection);
            if (present == 0) {
                lines.addAll(new ScaleData(dataSource).generate(HOUSEHOLDS, YEAR));
            } else {
                line("scale data present: %,d households (not rebuilt)", present);
            }
        }
        line("database: %,d households, %,d members, %,d 低保 cases, %,d enrolments, %,d payments; year %d; %d requests after %d warm-up",
                count("household"), count("household_member"), count("dibao_case"), count("enrolment"), count("payment"),
                YEAR, REQUESTS, WARMUP);

        List<String> heads = jdbc.sql("""
                select m.id_number from household h join household_member m on m.household_id = h.id and m.relation = 'HEAD'
                where h.township_code = 'yuecun' and h.address like ? order by h.id limit 50""")
                .param(ScaleData.MARK + "%").query(String.class).list();
        List<Long> files = jdbc.sql("select id from household where township_code = 'yuecun' and address like ? order by id limit 50")
                .param(ScaleData.MARK + "%").query(Long.class).list();
        String name = jdbc.sql("select name from household_member where id_number = ?").param(heads.get(7))
                .query(String.class).single();
        String community = jdbc.sql("select community_code from household where id = ?").param(files.get(0))
                .query(String.class).single();

        line("%-58s %9s %9s", "page (township clerk / district user)", "p50 ms", "p95 ms");
        measure("floor: SQL, one member by ID number (indexed)", i -> {
            jdbc.sql("select name from household_member where id_number = ?").param(heads.get(i % heads.size()))
                    .query(String.class).list();
            return 200;
        });
        for (String user : List.of("clerk.yuecun", "approver")) {
            WebappSession browser = new WebappSession(port);
            if (browser.login(user, "demo").statusCode() != 200) {
                throw new IllegalStateException(user + " could not log in");
            }
            Http api = new Http(port);
            String area = user.startsWith("clerk") ? "yuecun" : "district";
            line("-- as %s", user);
            measure("floor: the ledger's not-found page", i -> browser.get("/ledger/no-such-page").statusCode() == 404 ? 200 : 500);
            measure("ledger, first page (no filter)", i -> page(browser, "/ledger"));
            measure("search by name (" + name + ")", i -> page(browser, "/ledger?name=" + enc(name)));
            measure("search by ID number", i -> page(browser, "/ledger?idNumber=" + heads.get(i % heads.size())));
            measure("search by community", i -> page(browser, "/ledger?community=" + community));
            measure("search by status 在保 (APPROVED)", i -> page(browser, "/ledger?status=APPROVED"));
            measure("search by status 公示中 (IN_NOTICE)", i -> page(browser, "/ledger?status=IN_NOTICE"));
            deepPages(browser, user, "no filter", "");
            deepPages(browser, user, "在保", "status=APPROVED");
            measure("household file (家庭档案)", i -> page(browser, "/ledger/households/" + files.get(i % files.size())));
            measure("list: failed payments, first page", i -> page(browser, "/ledger/lists/failed-payments"));
            measure("list: failed payments, page 20", i -> page(browser, "/ledger/lists/failed-payments?page=20"));
            measure("list: statutory time limits", i -> page(browser, "/ledger/lists/time-limits"));
            measure("dashboard (" + YEAR + ", " + area + ")", i -> page(browser, "/ledger/dashboard?year=" + YEAR));
            measure("yearly figures API (" + YEAR + ", " + area + ")",
                    i -> api.get(user, "/api/dibao/yearly-figures?year=" + YEAR + "&area=" + area).status());
            measure("programs' yearly figures API (" + YEAR + ", " + area + ")",
                    i -> api.get(user, "/api/programs/yearly-figures?year=" + YEAR + "&area=" + area).status());
            export(browser, "export households.xlsx, community " + community, "/ledger/households.xlsx?community=" + community,
                    "select count(*) from household where community_code = '" + community + "'");
            if (!user.startsWith("clerk")) {
                exportFloor();
                export(browser, "export households.xlsx, the whole district", "/ledger/households.xlsx",
                        "select count(*) from household");
            }
        }
        Benchmarks.print("ledger pages at scale", lines);
    }

    /**
     * Pages 500–506 of a search. By keyset as a user reaches them: page 499 opened by an old offset link
     * ({@code ?page=498}, which the ledger redirects to its keyset link), then 下一页 followed from page to page; the
     * seven links (each with the cursor, the page number and the first page's count) are measured. Beside them what
     * offset paging cost: an old {@code ?page=N} link (one offset lookup of the page's cursor, the redirect and the
     * keyset page), and in SQL the rows of the page by offset (as the page read them before) against by keyset.
     */
    private void deepPages(WebappSession browser, String user, String label, String filter) {
        String prefix = filter.isEmpty() ? "/ledger?" : "/ledger?" + filter + "&";
        if (!selected("deep page: " + label)) {
            return;
        }
        String where = (user.startsWith("clerk") ? " and h.township_code = 'yuecun'" : "")
                + (filter.isEmpty() ? "" : " and dc.status = 'APPROVED'");
        String rows = """
                select h.id, m.name, m.id_number, t.name, c.name, h.address,
                       (select count(*) from household_member mm where mm.household_id = h.id),
                       dc.id, dc.case_number, dc.status, dc.monthly_amount
                from household h
                join household_member m on m.household_id = h.id and m.relation = 'HEAD'
                join region t on t.code = h.township_code
                join region c on c.code = h.community_code
                """ + (filter.isEmpty()
                ? "left join dibao_case dc on dc.id = (select max(x.id) from dibao_case x where x.household_id = h.id)"
                : "join dibao_case dc on dc.household_id = h.id"
                        + " and not exists (select 1 from dibao_case x where x.household_id = h.id and x.id > dc.id)")
                + " where 1 = 1" + where;
        long found = jdbc.sql("select count(*) from (" + rows + ") q").query(Long.class).single();
        // page 500, or as deep as the search goes (seven pages before its last)
        int deep = (int) Math.min(500, (found + 19) / 20 - 7);
        List<String> links = new ArrayList<>();
        String body = followed(browser, prefix + "page=" + (deep - 2)).body();
        for (int i = 0; i < 7; i++) {
            String next = nextLink(body);
            links.add(next);
            body = browser.get(next).body();
        }
        line("   (%,d households found; page %d by keyset: %s)", found, deep, links.get(0));
        String name = "deep page: page " + deep + ", " + label;
        measure(name + ", by keyset (下一页 links)", i -> page(browser, links.get(i % 7)));
        measure(name + ", old link ?page=N (redirect)",
                i -> followed(browser, prefix + "page=" + (deep - 1 + i % 7)).statusCode());
        measure(name + ", SQL rows by offset (as before)", i -> {
            jdbc.sql(rows + " order by h.id desc limit 20 offset " + (deep - 1 + i % 7) * 20).query().listOfRows();
            return 200;
        });
        List<Long> cursors = links.stream().map(l -> Long.valueOf(l.replaceAll(".*[?&]after=(\\d+).*", "$1"))).toList();
        measure(name + ", SQL rows by keyset", i -> {
            long cursor = cursors.get(i % 7);
            jdbc.sql(rows + " and h.id < " + cursor + (filter.isEmpty() ? "" : " and dc.household_id < " + cursor)
                    + " order by h.id desc limit 21").query().listOfRows();
            return 200;
        });
    }

    /** A page reached through the redirect the ledger answers (an old link). */
    private static HttpResponse<String> followed(WebappSession browser, String path) {
        HttpResponse<String> response = browser.get(path);
        if (response.statusCode() != 302) {
            return response;
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return browser.get(location.replaceFirst("^https?://[^/]+", ""));
    }

    /** The 下一页 link of a ledger page. */
    private static String nextLink(String body) {
        var matcher = java.util.regex.Pattern.compile("<a href=\"([^\"]+)\" class=\"next\">下一页</a>").matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no 下一页 link");
        }
        return matcher.group(1).replace("&amp;", "&");
    }

    private int page(WebappSession browser, String path) {
        HttpResponse<String> response = browser.get(path);
        return response.statusCode();
    }

    private static boolean selected(String name) {
        return name.startsWith("floor") || PAGES.isEmpty() || PAGES.stream().anyMatch(name::contains);
    }

    private void measure(String name, IntFunction<Integer> request) {
        if (!selected(name)) {
            return;
        }
        for (int i = 0; i < WARMUP; i++) {
            check(name, request.apply(i));
        }
        long[] ms = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            check(name, request.apply(i));
            ms[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(ms);
        line("%-58s %9.1f %9.1f", name, ms[REQUESTS / 2] / 1000.0, ms[(int) Math.ceil(REQUESTS * 0.95) - 1] / 1000.0);
    }

    private void export(WebappSession browser, String name, String path, String countSql) {
        if (!selected(name)) {
            return;
        }
        long rows = jdbc.sql(countSql).query(Long.class).single();
        // one download first, as the pages have their warm-up requests: the first after a start runs the sheet's
        // code in the interpreter (about twice the time of the later ones at 66,667 rows)
        double first = download(browser, name, path);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < EXPORTS; i++) {
            best = Math.min(best, download(browser, name, path));
        }
        line("%-58s %,9d rows in %.2f s = %,.0f rows/s (best of %d after one in %.2f s)", name, rows, best, rows / best,
                EXPORTS, first);
    }

    private static double download(WebappSession browser, String name, String path) {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = browser.download(path);
        check(name, response.statusCode());
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The export's floor: the same household rows (head, township and community names, member count, latest case)
     * read through JDBC with a fetch size and thrown away, best of two.
     */
    private void exportFloor() throws SQLException {
        if (!selected("export")) {
            return;
        }
        double best = Double.MAX_VALUE;
        long rows = 0;
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            rows = 0;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (var statement = connection.prepareStatement("""
                        select h.id, m.name, m.id_number, t.name, c.name, h.address,
                               (select count(*) from household_member mm where mm.household_id = h.id),
                               dc.id, dc.case_number, dc.status, dc.monthly_amount
                        from household h
                        join household_member m on m.household_id = h.id and m.relation = 'HEAD'
                        join region t on t.code = h.township_code
                        join region c on c.code = h.community_code
                        left join dibao_case dc on dc.id = (select max(x.id) from dibao_case x where x.household_id = h.id)
                        order by h.id desc""")) {
                    statement.setFetchSize(2000);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                        }
                    }
                } finally {
                    connection.rollback();
                }
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        line("%-58s %,9d rows in %.2f s = %,.0f rows/s (best of 2)", "floor: the district's rows read through JDBC", rows, best,
                rows / best);
    }

    private static void check(String name, int status) {
        if (status != 200) {
            throw new IllegalStateException(name + ": HTTP " + status);
        }
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void line(String format, Object... args) {
        lines.add(String.format(Locale.ROOT, format, args));
    }
}

package cn.minzheng.bureau.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A webapp's page carries in its scripts the Content-Security-Policy nonce its own header allows, however many other
 * requests the webapps serve meanwhile (WebappPageNonceFilter). Without the filter, Camunda took the nonce from an
 * attribute every request shares, and a page rendered while another request passed got a nonce its header did not
 * allow: the browser blocked all its scripts and Tasklist stayed on its spinner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebappPageNonceTest {

    private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
    private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"([^\"]*)\"");
    private static final int PAGES = 300;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyPageCarriesTheNonceOfItsOwnHeaderWhileOtherRequestsRun() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<String>> pages = new ArrayList<>();
        List<Future<Integer>> others = new ArrayList<>();
        try {
            for (int i = 0; i < PAGES; i++) {
                String webapp = i % 2 == 0 ? "/camunda/app/tasklist/default/" : "/camunda/app/cockpit/default/";
                pages.add(clients.submit(() -> mismatch(get(webapp))));
                // requests of the webapps' API pass Camunda's header filter too, each with a nonce of its own
                others.add(clients.submit(() -> get("/camunda/api/engine/engine/").statusCode()));
                others.add(clients.submit(() -> get("/camunda/api/admin/auth/user/default").statusCode()));
            }
            List<String> mismatches = new ArrayList<>();
            for (Future<String> page : pages) {
                String mismatch = page.get();
                if (mismatch != null) {
                    mismatches.add(mismatch);
                }
            }
            for (Future<Integer> other : others) {
                assertThat(other.get()).isPositive();
            }
            assertThat(mismatches).as("pages whose scripts carry another nonce than their header allows, of " + PAGES).isEmpty();
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aPageAloneCarriesItsHeadersNonceAndANewOneEachTime() throws Exception {
        HttpResponse<String> first = get("/camunda/app/tasklist/default/");
        HttpResponse<String> second = get("/camunda/app/tasklist/default/");
        assertThat(mismatch(first)).isNull();
        assertThat(mismatch(second)).isNull();
        assertThat(headerNonce(first)).isNotEqualTo(headerNonce(second));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String headerNonce(HttpResponse<String> page) {
        Matcher header = HEADER_NONCE.matcher(page.headers().firstValue("Content-Security-Policy").orElse(""));
        assertThat(header.find()).as("a nonce in the page's Content-Security-Policy").isTrue();
        return header.group(1);
    }

    /** Null where every script of the page carries its header's nonce; else what the page carried. */
    private static String mismatch(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(200);
        String allowed = headerNonce(page);
        Set<String> carried = new TreeSet<>();
        Matcher scripts = PAGE_NONCE.matcher(page.body());
        while (scripts.find()) {
            carried.add(scripts.group(1));
        }
        assertThat(carried).as("nonces in the page's scripts").isNotEmpty();
        return carried.equals(Set.of(allowed)) ? null : "header " + allowed + ", scripts " + carried;
    }
}

package cn.minzheng.bureau.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser-like session: logs in through the Camunda webapps' own login (as Tasklist does, with
 * its CSRF token) and keeps the session cookie, so a test sees what a logged-in user sees.
 */
public final class WebappSession {

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public WebappSession(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> login(String user, String password) {
        get("/camunda/app/tasklist/default/");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(form)), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> logout() {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default/logout"))
                .header("X-XSRF-TOKEN", xsrfToken())
                .POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A form posted as a browser posts it (application/x-www-form-urlencoded), with the session and the CSRF token
     * that the ledger pages put into their forms.
     */
    public HttpResponse<String> postForm(String path, java.util.Map<String, String> fields) {
        java.util.Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
        withToken.put("_csrf", pageToken());
        return postFormWithoutToken(path, withToken);
    }

    /** The CSRF token of this session, as the hidden field of a ledger page's form (the 退出 form on every page). */
    public String pageToken() {
        return pageToken("/ledger/calendar");
    }

    /** The CSRF token of this session, as the hidden field of a form on that page. */
    public String pageToken(String formPage) {
        String page = get(formPage).body();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the page: " + page);
        }
        return token.group(1);
    }

    /** A form posted as another site's page would post it: the session cookie, no token of ours. */
    public HttpResponse<String> postFormWithoutToken(String path, java.util.Map<String, String> fields) {
        String form = fields.entrySet().stream().map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart/form-data POST as a browser's file upload sends it: text fields and one file, with the session. */
    public HttpResponse<String> postMultipart(String path, java.util.Map<String, String> fields, String fileField,
                                              String fileName, byte[] content) {
        String boundary = "----bureau" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), HttpResponse.BodyHandlers.ofString());
    }

    /** JSON posted to the webapps' own APIs as Tasklist posts it, with the session and its CSRF token. */
    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", xsrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(json)), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> download(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The value of a cookie this session holds, if any (the session cookie {@code JSESSIONID}, {@code XSRF-TOKEN}). */
    public java.util.Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    private String xsrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

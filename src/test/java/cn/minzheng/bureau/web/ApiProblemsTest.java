package cn.minzheng.bureau.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every refusal of the project's API has one shape, RFC 9457 problem details with the project's code: a broken
 * rule and the framework's own refusals alike (no such address, wrong method, wrong content type, unreadable body),
 * and a fault of ours; the OpenAPI description documents that shape on every operation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiProblemsTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApiExceptionHandler handler;

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("a broken rule", "POST", "/api/payrolls", "application/json", "{\"month\":\"2026-13\"}",
                        400, "INVALID_MONTH", "发放月份"),
                Arguments.of("not found (a rule)", "GET", "/api/payrolls/987654321", null, null, 404, "NOT_FOUND", "不存在"),
                Arguments.of("no such address", "GET", "/api/no-such-thing", null, null, 404, "NOT_FOUND", "请求的地址不存在"),
                Arguments.of("wrong method", "DELETE", "/api/payrolls", null, null, 405, "METHOD_NOT_ALLOWED", "不支持 DELETE"),
                Arguments.of("wrong content type", "POST", "/api/payrolls", "application/xml", "<month/>",
                        415, "UNSUPPORTED_MEDIA_TYPE", "不支持的请求内容类型"),
                Arguments.of("unreadable body", "POST", "/api/payrolls", "application/json", "{not json",
                        400, "MALFORMED_REQUEST", "不是有效的JSON"),
                Arguments.of("an upload without its parts", "POST", "/api/imports", "multipart/form-data", "",
                        400, "MALFORMED_UPLOAD", "multipart/form-data"),
                Arguments.of("an upload cut off", "POST", "/api/admin/calendar/import", "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"2099.csv\"\r\n\r\n2099-01-01,放假",
                        400, "MALFORMED_UPLOAD", "上传内容无法读取"),
                Arguments.of("a parameter of the wrong type", "GET", "/api/payrolls/abc", null, null,
                        400, "INVALID_PARAMETER", "格式不正确"),
                Arguments.of("no right", "POST", "/api/payrolls", "application/json", "{\"month\":\"2091-01\"}",
                        403, "FORBIDDEN", "权限"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void answersInOneShape(String name, String method, String path, String contentType, String body,
                           int status, String code, String detail) throws Exception {
        String user = status == 403 ? "clerk.yuecun" : "finance";
        HttpResponse<String> response = send(user, method, path, contentType, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("detail").asText()).contains(detail).containsPattern("\\p{IsHan}");
        assertThat(problem.get("title").asText()).containsPattern("\\p{IsHan}");
        assertThat(problem.get("instance").asText()).isEqualTo(path);
        assertThat(problem.has("trace")).isFalse();
    }

    /** The rule is broken inside the engine (the process's registration step); the log gets no error for it. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aRuleBrokenInsideTheEngineIsA400AndNotAnErrorInTheLog(CapturedOutput log) throws Exception {
        HttpResponse<String> response = send("admin", "POST", "/api/youfu/recipients", "application/json", "{}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("detail").asText()).isEqualTo("身份证号不能为空");
        assertThat(log.getAll()).doesNotContain("ENGINE-16004").doesNotContain("身份证号不能为空");
    }

    @Test
    void aFaultOfOursIsA500WithoutItsStackTrace() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/payrolls/1");
        var response = handler.unexpected(new IllegalStateException("connection reset by a bug"), request);
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        ProblemDetail problem = response.getBody();
        String written = json.writeValueAsString(problem);
        JsonNode read = json.readTree(written);
        assertThat(read.get("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(read.get("detail").asText()).contains("系统内部错误");
        assertThat(written).doesNotContain("connection reset by a bug");
    }

    /** The engine kept another change of the same process and rolled this one back (SimultaneousCompletionTest). */
    @Test
    void aChangeThatLostARaceIsA409ToSendAgain() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/dibao/cases/1/review");
        var lost = new ProcessEngineException("wrapped", new OptimisticLockingException("ENGINE-03005 Entity was updated"));
        var response = handler.engine(lost, request);
        assertThat(response.getStatusCode().value()).isEqualTo(409);
        JsonNode read = json.readTree(json.writeValueAsString(response.getBody()));
        assertThat(read.get("code").asText()).isEqualTo(SimultaneousChange.CODE);
        assertThat(read.get("detail").asText()).isEqualTo(SimultaneousChange.MESSAGE);
    }

    @Test
    void theOpenApiDescriptionDocumentsEveryOperationAndTheErrorShape() throws Exception {
        JsonNode docs = json.readTree(send("finance", "GET", "/v3/api-docs", null, null).body());
        JsonNode schema = docs.at("/components/schemas/Problem/properties");
        assertThat(schema.fieldNames()).toIterable().contains("type", "title", "status", "detail", "instance", "code");
        int operations = 0;
        for (var path = docs.get("paths").fields(); path.hasNext(); ) {
            var entry = path.next();
            for (var operation = entry.getValue().fields(); operation.hasNext(); ) {
                var op = operation.next();
                operations++;
                String where = op.getKey() + " " + entry.getKey();
                assertThat(op.getValue().path("summary").asText()).as(where + ": what it does, in Chinese")
                        .containsPattern("\\p{IsHan}");
                assertThat(op.getValue().at("/responses/4XX/content/application~1problem+json/schema/$ref").asText())
                        .as(where).isEqualTo("#/components/schemas/Problem");
                assertThat(op.getValue().at("/responses/5XX/content/application~1problem+json/schema/$ref").asText())
                        .as(where).isEqualTo("#/components/schemas/Problem");
            }
        }
        assertThat(operations).isGreaterThan(40);
    }

    private HttpResponse<String> send(String user, String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

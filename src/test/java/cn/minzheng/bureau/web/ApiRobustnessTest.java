package cn.minzheng.bureau.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every operation of the OpenAPI description, sent input it must refuse, by a demo user of every role: a body of the wrong
 * shape, every field of the wrong type or out of range, every field empty, query parameters empty or not numbers and
 * dates, a path id that is not a number, an upload that is not multipart. Each must be refused as the user's mistake
 * or a lack of right (4xx, a problem with a Chinese detail), never answered as a fault of ours (5xx). A new operation
 * is covered without being named here. The bodies that might be accepted (an empty object, null: some operations
 * take every field as optional) are not sent, so that this test leaves nothing behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiRobustnessTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identityService;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Call(String user, String method, String path, String contentType, String body) {
        @Override
        public String toString() {
            return user + ": " + method + " " + path + (body == null ? "" : " " + abbreviate(body));
        }

        private static String abbreviate(String body) {
            return body.length() > 120 ? body.substring(0, 120) + "…" : body;
        }
    }

    @Test
    void inputThatMustBeRefusedIsRefusedAsTheSendersMistakeByEveryOperation() throws Exception {
        JsonNode docs = json.readTree(send(new Call("admin", "GET", "/v3/api-docs", null, null)).body());
        List<String> users = onePerRole();
        List<Call> calls = new ArrayList<>();
        for (String user : users) {
            calls.addAll(callsOf(docs, user));
        }
        SoftAssertions answers = new SoftAssertions();
        int refused = 0;
        for (Call call : calls) {
            HttpResponse<String> response = send(call);
            int status = response.statusCode();
            answers.assertThat(status).as(call + " answered " + response.body()).isLessThan(500);
            if (status >= 400 && status < 500) {
                refused++;
                answers.assertThat(response.headers().firstValue("Content-Type").orElse(""))
                        .as(call.toString()).startsWith("application/problem+json");
                answers.assertThat(json.readTree(response.body()).path("detail").asText())
                        .as(call.toString()).containsPattern("\\p{IsHan}");
            }
        }
        System.out.printf("[robustness] %d users, %d calls, %d refused%n", users.size(), calls.size(), refused);
        answers.assertAll();
        assertThat(users).hasSizeGreaterThan(10);
        assertThat(calls).hasSizeGreaterThan(2000);
        assertThat(refused).as("most of them refused").isGreaterThan(calls.size() * 3 / 4);
    }

    /**
     * One demo user of each role: users whose groups differ only in their township or community (四个乡镇的经办人)
     * meet the same rules.
     */
    private List<String> onePerRole() {
        Map<List<String>, String> byRole = new java.util.TreeMap<>(java.util.Comparator.comparing(List::toString));
        for (User user : identityService.createUserQuery().orderByUserId().asc().list()) {
            List<String> role = identityService.createGroupQuery().groupMember(user.getId()).list().stream()
                    .map(group -> group.getId().replaceFirst("^(clerk|reviewer|committee)-.*$", "$1"))
                    .distinct().sorted().toList();
            byRole.putIfAbsent(role, user.getId());
        }
        return List.copyOf(byRole.values());
    }

    private List<Call> callsOf(JsonNode docs, String user) {
        List<Call> calls = new ArrayList<>();
        JsonNode schemas = docs.at("/components/schemas");
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                JsonNode operation = op.getValue();
                List<String> paths1 = concretePaths(path.getKey(), operation);
                JsonNode content = operation.at("/requestBody/content");
                for (String concrete : paths1) {
                    if (content.has("application/json")) {
                        JsonNode schema = content.at("/application~1json/schema");
                        List<String> bodies = new ArrayList<>(List.of("[]", "\"不\""));
                        for (Mode mode : Mode.values()) {
                            bodies.add(write(sample(schema, schemas, mode, 0)));
                        }
                        for (String body : bodies) {
                            calls.add(new Call(user, method, concrete, "application/json", body));
                        }
                    } else if (content.has("multipart/form-data")) {
                        calls.add(new Call(user, method, concrete, "multipart/form-data", ""));
                    } else if (method.equals("GET")) {
                        calls.add(new Call(user, method, concrete, null, null));
                    }
                }
            }
        }
        return calls;
    }

    /** The path with its ids as "1", and as text that is no id at all; each with its query parameters empty or wrong. */
    private static List<String> concretePaths(String template, JsonNode operation) {
        List<String> paths = new ArrayList<>();
        for (String id : List.of("1", URLEncoder.encode("不", StandardCharsets.UTF_8))) {
            String path = template.replaceAll("\\{[^}]+}", id);
            paths.add(path);
            List<String> query = new ArrayList<>();
            operation.path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("query")) {
                    query.add(p.path("name").asText());
                }
            });
            if (!query.isEmpty()) {
                paths.add(path + "?" + String.join("&", query.stream().map(q -> q + "=").toList()));
                paths.add(path + "?" + String.join("&", query.stream().map(q -> q + "=%E4%B8%8D").toList()));
            }
            if (!template.contains("{")) {
                break;
            }
        }
        return paths;
    }

    /**
     * Values of the wrong type (text for a number, a date or a yes/no); every text too long, every number and date
     * far out of range; every value empty.
     */
    private enum Mode { WRONG_TYPE, OUT_OF_RANGE, EMPTY }

    /** A body of the schema's shape with every value as the mode says. */
    private static JsonNode sample(JsonNode schema, JsonNode schemas, Mode mode, int depth) {
        while (schema.has("$ref")) {
            schema = schemas.path(schema.get("$ref").asText().substring("#/components/schemas/".length()));
        }
        String type = schema.path("type").asText();
        if (type.equals("object") || schema.has("properties")) {
            ObjectNode object = NODES.objectNode();
            if (depth < 4) {
                schema.path("properties").fields().forEachRemaining(p ->
                        object.set(p.getKey(), sample(p.getValue(), schemas, mode, depth + 1)));
            }
            return object;
        }
        return switch (type) {
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (mode != Mode.EMPTY) {
                    array.add(sample(schema.path("items"), schemas, mode, depth + 1));
                }
                yield array;
            }
            case "string" -> NODES.textNode(switch (mode) {
                case EMPTY -> "";
                case WRONG_TYPE -> schema.path("format").asText().startsWith("date") ? "不是日期" : "长".repeat(2000);
                case OUT_OF_RANGE -> schema.path("format").asText().equals("date") ? "1900-01-01"
                        : schema.path("format").asText().equals("date-time") ? "1900-01-01T00:00:00Z" : "长".repeat(2000);
            });
            case "integer", "number" -> mode == Mode.WRONG_TYPE ? NODES.textNode("不")
                    : NODES.numberNode(mode == Mode.EMPTY ? 0 : -999_999_999);
            case "boolean" -> mode == Mode.WRONG_TYPE ? NODES.textNode("不") : NODES.booleanNode(false);
            default -> NODES.nullNode();
        };
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((call.user() + ":demo")
                        .getBytes(StandardCharsets.UTF_8)))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

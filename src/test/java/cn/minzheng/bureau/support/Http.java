package cn.minzheng.bureau.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for tests that call the running application as a given user. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;

    public Http(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public record Response(int status, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    public Response get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** A GET as a user whose password is not the demo's (a directory account). */
    public Response getWithPassword(String user, String password, String path) {
        return send(null, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    /** A download: status and the raw bytes. */
    public record Download(int status, byte[] body, String contentType) {
    }

    public Download download(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String user, String path, Object body) {
        String json;
        try {
            json = body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** A process's start form submitted over the engine REST API as Tasklist submits it: each value as {"value": …}. */
    public Response submitStartForm(String user, String processKey, java.util.Map<String, Object> values) {
        return post(user, "/engine-rest/process-definition/key/" + processKey + "/submit-form", formVariables(values));
    }

    /** A task's form submitted over the engine REST API as Tasklist submits it. */
    public Response submitTaskForm(String user, String taskId, java.util.Map<String, Object> values) {
        return post(user, "/engine-rest/task/" + taskId + "/submit-form", formVariables(values));
    }

    private static java.util.Map<String, Object> formVariables(java.util.Map<String, Object> values) {
        java.util.Map<String, Object> variables = new java.util.HashMap<>();
        values.forEach((name, value) -> variables.put(name, java.util.Map.of("value", value)));
        return java.util.Map.of("variables", variables);
    }

    public Response put(String user, String path, Object body) {
        String json;
        try {
            json = body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** A multipart/form-data POST, as Camunda Modeler sends a deployment: text fields and named files. */
    public Response postMultipart(String user, String path, java.util.Map<String, String> fields,
                                  java.util.Map<String, byte[]> files) {
        String boundary = "----bureau" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        files.forEach((name, content) -> {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(content);
            write(body, "\r\n");
        });
        write(body, "--" + boundary + "--\r\n");
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** One file uploaded as a form's file field, with its file name (what a browser sends for an input type=file). */
    public Response postFile(String user, String path, String field, String fileName, byte[] content) {
        return postFile(user, path, java.util.Map.of(), field, fileName, content);
    }

    /** A form's text fields and one file field with its file name, as a browser posts an upload form. */
    public Response postFile(String user, String path, java.util.Map<String, String> fields, String field, String fileName,
                             byte[] content) {
        String boundary = "----bureau" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void write(java.io.ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A POST of raw bytes (a file in a given encoding). */
    public Response postBytes(String user, String path, String contentType, byte[] body) {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response postText(String user, String path, String contentType, String body) {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private Response send(String user, HttpRequest.Builder request) {
        if (user != null) {
            String credentials = user + ":demo";
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package cn.minzheng.bureau.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.support.Http;

/** The import's REST API as a test calls it: upload a workbook, wait for the background job. */
final class ImportClient {

    private final int port;
    private final Http http;

    ImportClient(int port) {
        this.port = port;
        this.http = new Http(port);
    }

    Http http() {
        return http;
    }

    Http.Response upload(String user, String fileName, byte[] xlsx) {
        return upload(user, fileName, xlsx, "");
    }

    /** The disaster roster kind: uploads for {@code disasterId}. */
    Http.Response uploadDisasterRoster(String user, long disasterId, String fileName, byte[] xlsx) {
        return upload(user, fileName, xlsx, "?kind=DISASTER&disasterId=" + disasterId);
    }

    /** Uploads the disaster roster as {@code user} and waits until validation is over. */
    JsonNode validatedDisasterRoster(String user, long disasterId, String fileName, byte[] xlsx) {
        return awaitValidation(uploadDisasterRoster(user, disasterId, fileName, xlsx));
    }

    Http.Response upload(String user, String fileName, byte[] xlsx, String query) {
        String boundary = "----roster" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(xlsx);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports" + query))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Uploads as the administrator and waits until validation is over; the batch's progress. */
    JsonNode validated(String fileName, byte[] xlsx) {
        return awaitValidation(upload("admin", fileName, xlsx));
    }

    /** Uploads a roster of {@code kind} (TEKUN, GAOLING …) as the administrator and waits until validation is over. */
    JsonNode validated(String kind, String fileName, byte[] xlsx) {
        return awaitValidation(upload("admin", fileName, xlsx, "?kind=" + kind));
    }

    private JsonNode awaitValidation(Http.Response upload) {
        if (upload.status() != 202) {
            throw new AssertionError("upload: " + upload.status() + " " + upload.body());
        }
        return awaitFinished(upload.json().get("id").asLong());
    }

    /** Every row of the batch's report, in the file's order, problems or not. */
    JsonNode reportRows(long batchId) {
        return http.get("admin", "/api/imports/" + batchId + "/rows?problems=false&limit=1000").json();
    }

    JsonNode awaitFinished(long id) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode progress = http.get("admin", "/api/imports/" + id).json();
            if (progress.get("finished").asBoolean()) {
                return progress;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import batch " + id + " did not finish");
    }

    /** The rows of the batch's report by household key (户编号), each household's in the file's order. */
    Map<String, List<JsonNode>> reportRowsByHousehold(long batchId) {
        Map<String, List<JsonNode>> rows = new HashMap<>();
        for (JsonNode row : reportRows(batchId)) {
            rows.computeIfAbsent(row.get("householdKey").asText(), k -> new ArrayList<>()).add(row);
        }
        return rows;
    }

    /** Asks for the commit as the administrator; the answer, without waiting for the commit. */
    Http.Response requestCommit(long id, boolean acceptWarnings) {
        return http.post("admin", "/api/imports/" + id + "/commit", "{\"acceptWarnings\":" + acceptWarnings + "}");
    }

    JsonNode commit(long id, boolean acceptWarnings) {
        Http.Response response = requestCommit(id, acceptWarnings);
        if (response.status() != 202) {
            throw new AssertionError("commit: " + response.status() + " " + response.body());
        }
        return awaitFinished(id);
    }
}

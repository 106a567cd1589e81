package io.reelgate.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.CallbackReceiver;
import io.reelgate.server.testsupport.EndToEndTest;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.KieHttp.Answer;
import io.reelgate.server.testsupport.TaskEventStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Key B cannot reach key A's objects through any route: the routes are read from the served OpenAPI document, and
 * every parameter that names an object (a path parameter, a query or body field called {@code taskId},
 * {@code webhookId}, {@code url}, {@code before}, or anything ending in {@code Id}) is filled with A's object. B
 * must get exactly the answer it gets for an object that does not exist, while A gets something else (so the
 * object is real). A route with an object parameter this test cannot fill fails the test: a new endpoint is covered
 * the day it is added. Operator routes ({@code /admin}) see every tenant by design; {@code /files} URLs are
 * capabilities (docs/security.md).
 */
class TenantIsolationEndToEndTest extends EndToEndTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> OPERATOR_OR_CAPABILITY = Set.of("/admin/", "/files/");
    private static final String STREAM = "/api/v1/tasks/stream";
    private static final CallbackReceiver RECEIVER = new CallbackReceiver();

    /** What key A owns, by the parameter that names it. */
    private record Owned(String generateTask, String alephTask, String webhookId, String resultUrl, String uploadUrl,
                         String veoTask, String marketTask, String video, String deletableVideo) {

        /** A task of the dialect the route belongs to: each dialect reads back only its own tasks. */
        String taskFor(String route) {
            if (route.contains("/aleph/")) {
                return alephTask;
            }
            if (route.contains("/veo/")) {
                return veoTask;
            }
            return route.contains("/jobs/") ? marketTask : generateTask;
        }
    }

    private record Probe(String route, String slot, String owned, String unknown) {
    }

    @BeforeAll
    static void startReceiver() {
        RECEIVER.answer();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void everyRouteThatTakesAnIdAnswersAnotherKeyExactlyAsForAMissingObject() throws Exception {
        AdminHttp admin = new AdminHttp(baseUrl(), DATA_DIR);
        KieHttp a = new KieHttp(baseUrl(), admin.createKey("tenant-a", 100_000).secret());
        KieHttp b = new KieHttp(baseUrl(), admin.createKey("tenant-b", 100_000).secret());
        Owned owned = createObjectsOf(a);

        List<Probe> probes = new ArrayList<>();
        JsonNode docs = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString()).body());
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            if (OPERATOR_OR_CAPABILITY.stream().anyMatch(path.getKey()::startsWith) || path.getKey().equals(STREAM)) {
                continue; // the stream is checked event by event below
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                probes.addAll(probesOf(docs, path.getKey(), operation.getKey(), operation.getValue(), owned));
            }
        }

        assertThat(probes).extracting(Probe::route).contains("GET /api/v1/runway/record-detail",
                "GET /api/v1/aleph/record-info", "GET /api/v1/tasks/{taskId}", "POST /api/v1/tasks/{taskId}/cancel",
                "GET /api/v1/callbacks", "POST /api/v1/callbacks/{webhookId}/redeliver", "POST /api/v1/runway/extend",
                "POST /api/v1/common/download-url", "GET /api/v1/tasks", "GET /api/v1/veo/record-info",
                "GET /api/v1/veo/get-1080p-video", "POST /api/v1/veo/get-4k-video", "POST /api/v1/veo/extend",
                "GET /v1/videos/{video_id}", "DELETE /v1/videos/{video_id}", "POST /v1/videos/{video_id}/remix",
                "GET /v1/videos/{video_id}/content");
        for (Probe probe : probes) {
            // B first: A's own call may consume the object (a cancel, a delete)
            Answer theirs = send(b, probe, probe.owned());
            Answer missing = send(b, probe, probe.unknown());
            Answer mine = send(a, probe, probe.owned());

            assertThat(normalised(theirs, probe.owned())).as("key B on key A's %s through %s", probe.slot(), probe.route())
                    .isEqualTo(normalised(missing, probe.unknown()));
            assertThat(normalised(mine, probe.owned())).as("key A on its own %s through %s (the object is real)",
                    probe.slot(), probe.route()).isNotEqualTo(normalised(missing, probe.unknown()));
        }
    }

    @Test
    void anotherKeysListLedgerAndIdempotencyKeysShowNothingOfMine() {
        AdminHttp admin = new AdminHttp(baseUrl(), DATA_DIR);
        KieHttp a = new KieHttp(baseUrl(), admin.createKey("list-a", 10_000).secret());
        KieHttp b = new KieHttp(baseUrl(), admin.createKey("list-b", 10_000).secret());
        String body = "{\"prompt\":\"same key\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}";
        String idempotencyKey = UUID.randomUUID().toString();

        String mine = a.send(a.authorized("/api/v1/runway/generate").header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)).build())
                .data().get("taskId").asString();
        String theirs = b.send(b.authorized("/api/v1/runway/generate").header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)).build())
                .data().get("taskId").asString();

        assertThat(theirs).isNotEqualTo(mine);
        assertThat(b.get("/api/v1/tasks?limit=100").data().toString()).doesNotContain(mine);
        assertThat(b.get("/api/v1/account/ledger?limit=100").data().toString()).doesNotContain(mine);
        assertThat(a.get("/api/v1/account/ledger?limit=100").data().toString()).contains(mine);
    }

    @Test
    void anotherKeysTaskStreamNeverCarriesMyEvents() throws Exception {
        AdminHttp admin = new AdminHttp(baseUrl(), DATA_DIR);
        String keyA = admin.createKey("stream-a", 10_000).secret();
        String keyB = admin.createKey("stream-b", 10_000).secret();
        KieHttp a = new KieHttp(baseUrl(), keyA);
        KieHttp b = new KieHttp(baseUrl(), keyB);
        String mine = a.generate("{\"prompt\":\"stream a\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");
        try (TaskEventStream all = new TaskEventStream(baseUrl(), keyB, "", "0");
             TaskEventStream filtered = new TaskEventStream(baseUrl(), keyB, "?taskId=" + mine, "0")) {
            a.awaitTerminal(mine, TIMEOUT);
            String theirs = b.generate("{\"prompt\":\"stream b\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");

            // B's own task ends after A's: once B sees it, every event of A's task has been fanned out already
            List<TaskEventStream.Event> seen = new ArrayList<>(all.received());
            seen.addAll(all.until(theirs, "success", TIMEOUT));
            seen.addAll(all.received());

            assertThat(seen).extracting(TaskEventStream.Event::taskId).doesNotContain(mine).contains(theirs);
            assertThat(filtered.received()).isEmpty();
        }
    }

    private Owned createObjectsOf(KieHttp a) {
        String generate = a.generate("{\"prompt\":\"isolation\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\","
                + "\"callBackUrl\":\"" + RECEIVER.url("/isolation") + "\"}");
        String resultUrl = a.awaitTerminal(generate, TIMEOUT).get("videoInfo").get("videoUrl").asString();
        JsonNode deliveries = Await.until(TIMEOUT, "the callback is delivered",
                () -> a.get("/api/v1/callbacks?taskId=" + generate).data(),
                d -> d.size() > 0 && d.get(0).get("state").asString().equals("delivered"));
        Answer aleph = a.postJson("/api/v1/aleph/generate", "{\"prompt\":\"isolation\",\"videoUrl\":\"" + resultUrl + "\"}");
        String alephTask = aleph.data().get("taskId").asString();
        Await.until(TIMEOUT, "the Aleph task ends", () -> a.get("/api/v1/aleph/record-info?taskId=" + alephTask).data(),
                data -> data.get("successFlag").asInt() != 0);
        Answer upload = a.postJson("/api/file-base64-upload", "{\"uploadPath\":\"isolation\",\"base64Data\":"
                + "\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\"}");
        assertThat(upload.code()).as(upload.body().toString()).isEqualTo(200);
        String veoTask = a.postJson("/api/v1/veo/generate", "{\"prompt\":\"isolation\",\"duration\":4}").data()
                .get("taskId").asString();
        String marketTask = a.postJson("/api/v1/jobs/createTask", "{\"model\":\"grok-imagine/text-to-video\","
                + "\"input\":{\"prompt\":\"isolation\"}}").data().get("taskId").asString();
        Await.until(TIMEOUT, "the Veo task ends", () -> a.get("/api/v1/veo/record-info?taskId=" + veoTask).data(),
                data -> data.get("successFlag").asInt() != 0);
        return new Owned(generate, alephTask, deliveries.get(0).get("webhookId").asString(), resultUrl,
                upload.data().get("downloadUrl").asString(), veoTask, marketTask, completedVideo(a), completedVideo(a));
    }

    /** A video of the OpenAI dialect, completed, so remix and content have something to work on. */
    private static String completedVideo(KieHttp a) {
        String id = a.postJson("/v1/videos", "{\"prompt\":\"isolation\"}").body().get("id").asString();
        Await.until(TIMEOUT, "the video completes", () -> a.get("/v1/videos/" + id).body().get("status").asString(),
                "completed"::equals);
        return id;
    }

    /** One probe per object parameter of an operation; fails on an object parameter nobody taught this test. */
    private static List<Probe> probesOf(JsonNode docs, String path, String method, JsonNode operation, Owned owned) {
        String route = method.toUpperCase() + " " + path;
        List<Probe> probes = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String in = parameter.get("in").asString();
            String name = parameter.get("name").asString();
            if (!in.equals("header") && (in.equals("path") || namesAnObject(name))) {
                probes.addAll(fill(route, in + ":" + name, owned));
            }
        }
        for (String property : bodyProperties(docs, operation)) {
            if (namesAnObject(property)) {
                probes.addAll(fill(route, "body:" + property, owned));
            }
        }
        return probes;
    }

    private static boolean namesAnObject(String name) {
        return name.endsWith("Id") || name.equals("url") || name.equals("before") || name.equals("id");
    }

    private static List<Probe> fill(String route, String slot, Owned owned) {
        String missingTask = UUID.randomUUID().toString();
        String slotName = slot.substring(slot.indexOf(':') + 1);
        return switch (slotName) {
            case "taskId", "before" -> List.of(new Probe(route, slot, owned.taskFor(route), missingTask));
            case "webhookId" -> List.of(new Probe(route, slot, owned.webhookId(), "msg_" + UUID.randomUUID().toString()
                    .replace("-", "").substring(0, owned.webhookId().length() - 4)));
            case "video_id" -> List.of(new Probe(route, slot, route.startsWith("DELETE ") ? owned.deletableVideo()
                    : owned.video(), "video_" + UUID.randomUUID().toString().replace("-", "")));
            case "url" -> List.of(
                    new Probe(route, slot, owned.resultUrl(), owned.resultUrl().replaceAll("[^/]+$", UUID.randomUUID() + ".mp4")),
                    new Probe(route, slot, owned.uploadUrl(), owned.uploadUrl().replaceAll("[^/]+$", UUID.randomUUID() + ".png")));
            default -> throw new AssertionError(route + " takes " + slot + ", an object this isolation test does not "
                    + "know how to fill: teach it, so the new route is proven to keep keys apart");
        };
    }

    private static List<String> bodyProperties(JsonNode docs, JsonNode operation) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            schema = docs.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        List<String> names = new ArrayList<>();
        schema.path("properties").propertyNames().forEach(names::add);
        return names;
    }

    private Answer send(KieHttp key, Probe probe, String value) {
        String method = probe.route().substring(0, probe.route().indexOf(' '));
        String path = probe.route().substring(method.length() + 1);
        String slotIn = probe.slot().substring(0, probe.slot().indexOf(':'));
        String slotName = probe.slot().substring(slotIn.length() + 1);
        String target = switch (slotIn) {
            case "path" -> path.replace("{" + slotName + "}", value);
            case "query" -> path + "?" + slotName + "=" + value;
            default -> path;
        };
        if (method.equals("GET")) {
            return readable(key.getBytes(key.authorized(target).GET().build()));
        }
        if (method.equals("DELETE")) {
            return key.send(key.authorized(target).DELETE().build());
        }
        return key.postJson(target, slotIn.equals("body") ? exampleBodyWith(path, slotName, value) : "{}");
    }

    /** A JSON answer as it came; a binary one (a video's content) as its status, type and size. */
    private static Answer readable(HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode body = type.startsWith("application/json") ? JSON.readTree(response.body())
                : JSON.getNodeFactory().textNode(type + ", " + response.body().length + " bytes");
        return new Answer(response.statusCode(), body, null);
    }

    /** The operation's documented example body, with the object swapped in and no URL a server would fetch. */
    private String exampleBodyWith(String path, String field, String value) {
        ObjectNode body = JSON.createObjectNode();
        JsonNode docs = Await.until(Duration.ofSeconds(5), "api docs", this::apiDocs, d -> d != null);
        JsonNode examples = docs.get("paths").get(path).get("post").path("requestBody").path("content")
                .path("application/json").path("examples");
        Iterator<JsonNode> values = examples.values().iterator();
        if (values.hasNext()) {
            values.next().path("value").properties().forEach(e -> body.set(e.getKey(), e.getValue()));
        }
        body.properties().removeIf(e -> e.getKey().endsWith("Url") || e.getKey().endsWith("url"));
        body.put(field, value);
        return body.toString();
    }

    private JsonNode apiDocs() {
        try {
            return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(baseUrl() + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            return null;
        }
    }

    /** Status, code, message and data, with the id that was sent replaced, so two answers can be compared. */
    private static Map<String, String> normalised(Answer answer, String sent) {
        Map<String, String> shape = new LinkedHashMap<>();
        shape.put("status", Integer.toString(answer.status()));
        shape.put("body", answer.body().toString().replace(sent, "<sent>"));
        return shape;
    }
}

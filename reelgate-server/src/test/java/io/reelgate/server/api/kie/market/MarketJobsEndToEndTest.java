package io.reelgate.server.api.kie.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.client.CallbackVerifier;
import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.CallbackReceiver;
import io.reelgate.server.testsupport.WithReceiverAndHost;
import io.reelgate.server.testsupport.ImageHost;
import io.reelgate.server.testsupport.TaskEventStream;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.TinyMp4;
import io.reelgate.server.testsupport.VideoProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** KIE's Market jobs API over real HTTP: createTask, recordInfo and the callback, per the documented examples. */
class MarketJobsEndToEndTest extends WithReceiverAndHost {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** The keys of the documented recordInfo record, in the documented order. */
    private static final List<String> RECORD_KEYS = List.of("taskId", "model", "state", "param", "resultJson",
            "failCode", "failMsg", "costTime", "completeTime", "createTime", "updateTime", "progress",
            "creditsConsumed");

    @Test
    void theDocumentedKlingExampleRunsAndTheRecordAndCallbackHaveTheDocumentedShape() throws Exception {
        AdminHttp admin = new AdminHttp(baseUrl(), DATA_DIR);
        AdminHttp.Key key = admin.createKey("market-signed", 1000);
        String secret = admin.post("/admin/api/keys/" + key.id() + "/webhook-secret", "").data().asString();
        KieHttp market = new KieHttp(baseUrl(), key.secret());
        String body = "{\"model\":\"kling-2.6/text-to-video\",\"callBackUrl\":\"" + receiver.url("/kling") + "\","
                + "\"input\":{\"prompt\":\"A fox runs through fresh snow at dawn\",\"sound\":false,"
                + "\"aspect_ratio\":\"16:9\",\"duration\":\"5\"}}";

        KieHttp.Answer created = market.postJson("/api/v1/jobs/createTask", body);

        assertThat(created.code()).as(created.body().toString()).isEqualTo(200);
        assertThat(created.msg()).isEqualTo("success");
        String taskId = created.data().get("taskId").asString();
        JsonNode first = market.get("/api/v1/jobs/recordInfo?taskId=" + taskId).data();
        assertThat(first.propertyNames()).containsExactlyElementsOf(RECORD_KEYS);
        assertThat(first.get("state").asString()).isIn("waiting", "queuing", "generating");
        assertThat(first.get("resultJson").asString()).isEmpty();
        assertThat(first.get("completeTime").isNull()).isTrue();

        JsonNode done = awaitState(market, taskId, "success");
        assertThat(done.propertyNames()).containsExactlyElementsOf(RECORD_KEYS);
        assertThat(done.get("model").asString()).isEqualTo("kling-2.6/text-to-video");
        assertThat(done.get("param").isString()).isTrue();
        assertThat(JSON.readTree(done.get("param").asString())).isEqualTo(JSON.readTree(body));
        assertThat(done.get("resultJson").isString()).isTrue();
        assertThat(done.get("failCode").asString()).isEmpty();
        assertThat(done.get("failMsg").asString()).isEmpty();
        assertThat(done.get("creditsConsumed").asLong()).isEqualTo(55);
        assertThat(done.get("costTime").isIntegralNumber()).isTrue();
        assertThat(done.get("createTime").asLong()).isGreaterThan(1_700_000_000_000L);
        assertThat(done.get("completeTime").asLong()).isGreaterThanOrEqualTo(done.get("createTime").asLong());
        assertThat(done.get("updateTime").asLong()).isEqualTo(done.get("completeTime").asLong());
        String url = resultUrl(done);
        VideoProbe.Info video = download(url);
        assertThat(List.of(video.width(), video.height(), video.decodedFrames())).containsExactly(1920, 1080, 120);
        assertThat(video.codecName()).isEqualTo("h264");

        CallbackReceiver.Received callback = receiver.await("/kling", 1, TIMEOUT).get(0);
        JsonNode payload = JSON.readTree(callback.body());
        assertThat(payload.propertyNames()).containsExactly("code", "msg", "data");
        assertThat(payload.get("code").asInt()).isEqualTo(200);
        assertThat(payload.get("msg").asString()).isEqualTo("Playground task completed successfully.");
        // the same record; result URLs name the host as the callback's configured public base, not this request's
        assertThat(withoutResult(payload.get("data"))).isEqualTo(withoutResult(done));
        assertThat(URI.create(resultUrl(payload.get("data"))).getPath()).isEqualTo(URI.create(url).getPath());
        CallbackVerifier.kie(secret).verify(callback.headers(), callback.body());
        CallbackVerifier.standardWebhooks(secret).verify(callback.headers(), callback.body());
    }

    @Test
    void hailuo768pSixSecondsFromAnImageRendersAtThatSizeAndLength() throws IOException {
        String image = host.serve("/lighthouse.png", ImageHost.png(1280, 720));
        String taskId = create("{\"model\":\"hailuo/2-3-image-to-video-standard\",\"input\":{\"prompt\":\"The beam "
                + "sweeps the fog\",\"image_url\":\"" + image + "\",\"duration\":\"6\",\"resolution\":\"768P\"}}");

        JsonNode done = awaitState(kie, taskId, "success");

        VideoProbe.Info video = download(resultUrl(done));
        assertThat(List.of(video.width(), video.height())).containsExactly(1366, 768);
        assertThat(video.durationSeconds()).isEqualTo(6.0);
        assertThat(done.get("creditsConsumed").asLong()).isEqualTo(30);
    }

    @Test
    void videoToVideoTransformsTheSourceAsAlephDoes() throws IOException {
        String source = host.serve("/source.mp4", TinyMp4.render(640, 360, 48), "video/mp4");
        String taskId = create("{\"model\":\"wan/2-6-video-to-video\",\"input\":{\"prompt\":\"make it black and "
                + "white\",\"video_urls\":[\"" + source + "\"],\"resolution\":\"720p\"}}");

        JsonNode done = awaitState(kie, taskId, "success");

        VideoProbe.Info video = download(resultUrl(done));
        assertThat(video.codecName()).isEqualTo("h264");
        assertThat(done.get("creditsConsumed").asLong()).isEqualTo(70);
    }

    @Test
    void aFailedTaskSaysSoInRecordAndCallbackAndIsRefunded() throws IOException {
        AdminHttp.Key key = new AdminHttp(baseUrl(), DATA_DIR).createKey("market-fail", 100);
        KieHttp market = new KieHttp(baseUrl(), key.secret());
        String missing = host.serve("/here.png", ImageHost.png(64, 64)).replace("here", "missing");
        KieHttp.Answer created = market.postJson("/api/v1/jobs/createTask", "{\"model\":\"kling-2.6/image-to-video\","
                + "\"callBackUrl\":\"" + receiver.url("/fail") + "\",\"input\":{\"prompt\":\"p\",\"sound\":false,"
                + "\"duration\":\"5\",\"image_urls\":[\"" + missing + "\"]}}");
        String taskId = created.data().get("taskId").asString();

        JsonNode failed = awaitState(market, taskId, "fail");

        assertThat(failed.get("failCode").asString()).isEqualTo("422");
        assertThat(failed.get("failMsg").asString()).isNotEmpty();
        assertThat(failed.get("resultJson").asString()).isEmpty();
        assertThat(failed.get("creditsConsumed").asLong()).isZero();
        JsonNode callback = JSON.readTree(receiver.await("/fail", 1, TIMEOUT).get(0).body());
        assertThat(callback.get("code").asInt()).isEqualTo(501);
        assertThat(callback.get("msg").asString()).isEqualTo("Playground task failed.");
        assertThat(callback.get("data").get("state").asString()).isEqualTo("fail");
        assertThat(Await.until(TIMEOUT, "the refund", () -> market.get("/api/v1/chat/credit").data().asLong(),
                credits -> credits == 100)).isEqualTo(100);
    }

    @Test
    void theDocumentedErrorsNameWhatIsWrong() {
        assertThat(kie.postJson("/api/v1/jobs/createTask", "{\"model\":\"kling-9/none\",\"input\":{\"prompt\":\"p\"}}")
                .raw().body()).isEqualTo("{\"code\":422,\"msg\":\"The model is not supported\",\"data\":null}");
        KieHttp.Answer badValue = kie.postJson("/api/v1/jobs/createTask", "{\"model\":\"kling-2.6/text-to-video\","
                + "\"input\":{\"prompt\":\"p\",\"sound\":false,\"duration\":\"7\"}}");
        assertThat(badValue.code()).isEqualTo(422);
        assertThat(badValue.msg()).contains("input.duration");
        KieHttp.Answer unknownField = kie.postJson("/api/v1/jobs/createTask", "{\"model\":\"kling-2.6/text-to-video\","
                + "\"input\":{\"prompt\":\"p\",\"sound\":false,\"duration\":\"5\",\"colour\":\"red\"}}");
        assertThat(unknownField.code()).isEqualTo(422);
        assertThat(unknownField.msg()).contains("input.colour");
        KieHttp.Answer trap = kie.postJson("/api/v1/jobs/createTask", "{\"model\":\"hailuo/2-3-image-to-video-pro\","
                + "\"input\":{\"prompt\":\"p\",\"image_url\":\"https://img.example/a.png\",\"resolution\":\"768p\"}}");
        assertThat(trap.msg()).as("768P is upper case").contains("input.resolution");
        assertThat(kie.postJson("/api/v1/jobs/createTask", "{\"model\":\"kling-2.6/text-to-video\"}").msg())
                .contains("input");
        assertThat(kie.get("/api/v1/jobs/recordInfo?taskId=no-such-task").raw().body())
                .isEqualTo("{\"code\":422,\"msg\":\"recordInfo is null\",\"data\":null}");
        assertThat(kie.get("/api/v1/jobs/recordInfo").code()).isEqualTo(400);
        assertThat(new KieHttp(baseUrl(), "not-a-key").postJson("/api/v1/jobs/createTask",
                "{\"model\":\"kling-2.6/text-to-video\",\"input\":{}}").code()).isEqualTo(401);
        KieHttp poor = new KieHttp(baseUrl(), new AdminHttp(baseUrl(), DATA_DIR).createKey("market-poor", 10).secret());
        assertThat(poor.postJson("/api/v1/jobs/createTask", "{\"model\":\"kling-2.6/text-to-video\",\"input\":"
                + "{\"prompt\":\"p\",\"sound\":false,\"duration\":\"5\"}}").code()).isEqualTo(402);
    }

    @Test
    void theLiveStreamAndTheTaskListNameTheDialectAndModelOfEveryEvent() throws Exception {
        String secret = new AdminHttp(baseUrl(), DATA_DIR).createKey("market-stream", 1000).secret();
        KieHttp market = new KieHttp(baseUrl(), secret);
        try (TaskEventStream stream = new TaskEventStream(baseUrl(), secret, "", null)) {
            String taskId = market.postJson("/api/v1/jobs/createTask", "{\"model\":\"grok-imagine/text-to-video\","
                    + "\"input\":{\"prompt\":\"streamed\",\"duration\":\"6\"}}").data().get("taskId").asString();

            List<TaskEventStream.Event> events = stream.until(taskId, "success", TIMEOUT);

            assertThat(events).isNotEmpty().allSatisfy(event -> {
                assertThat(event.data().get("dialect").asString()).isEqualTo("kie-market");
                assertThat(event.data().get("model").asString()).isEqualTo("grok-imagine/text-to-video");
            });
            JsonNode listed = market.get("/api/v1/tasks").data().get("tasks").get(0);
            assertThat(listed.get("taskId").asString()).isEqualTo(taskId);
            assertThat(listed.get("dialect").asString()).isEqualTo("kie-market");
            assertThat(listed.get("model").asString()).isEqualTo("grok-imagine/text-to-video");
        }
    }

    @Test
    void aTaskIsReadOnlyThroughTheDialectAndKeyThatCreatedIt() {
        String marketTask = create("{\"model\":\"grok-imagine/text-to-video\",\"input\":{\"prompt\":\"p\"}}");
        String runwayTask = kie.generate("{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");

        assertThat(kie.get("/api/v1/runway/record-detail?taskId=" + marketTask).code()).isEqualTo(404);
        assertThat(kie.get("/api/v1/jobs/recordInfo?taskId=" + runwayTask).msg()).isEqualTo("recordInfo is null");
        KieHttp other = new KieHttp(baseUrl(), new AdminHttp(baseUrl(), DATA_DIR).createKey("market-other", 100).secret());
        assertThat(other.get("/api/v1/jobs/recordInfo?taskId=" + marketTask).msg()).isEqualTo("recordInfo is null");
        JsonNode view = kie.get("/api/v1/tasks/" + marketTask).data();
        assertThat(view.get("dialect").asString()).isEqualTo("kie-market");
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameTask() {
        String body = "{\"model\":\"grok-imagine/text-to-video\",\"input\":{\"prompt\":\"once\"}}";
        HttpRequest request = kie.authorized("/api/v1/jobs/createTask").header("Content-Type", "application/json")
                .header("Idempotency-Key", "market-once").POST(HttpRequest.BodyPublishers.ofString(body)).build();

        String first = kie.send(request).data().get("taskId").asString();
        String second = kie.send(request).data().get("taskId").asString();

        assertThat(second).isEqualTo(first);
    }

    private static JsonNode withoutResult(JsonNode record) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) record.deepCopy();
        copy.remove("resultJson");
        return copy;
    }

    private static String resultUrl(JsonNode record) {
        return JSON.readTree(record.get("resultJson").asString()).get("resultUrls").get(0).asString();
    }

    private String create(String body) {
        KieHttp.Answer created = kie.postJson("/api/v1/jobs/createTask", body);
        assertThat(created.code()).as(created.body().toString()).isEqualTo(200);
        return created.data().get("taskId").asString();
    }

    private static JsonNode awaitState(KieHttp client, String taskId, String state) {
        JsonNode record = Await.until(TIMEOUT, "task " + taskId + " ends",
                () -> client.get("/api/v1/jobs/recordInfo?taskId=" + taskId).data(),
                r -> List.of("success", "fail").contains(r.get("state").asString()));
        assertThat(record.get("state").asString()).as(record.toString()).isEqualTo(state);
        return record;
    }

    private VideoProbe.Info download(String url) throws IOException {
        Path file = Files.createTempFile(dir, "result", ".mp4");
        kie.download(URI.create(url).toString(), file);
        return VideoProbe.probe(file);
    }
}

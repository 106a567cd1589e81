package io.reelgate.server.api.kie.veo;

import static io.reelgate.server.api.kie.veo.VeoTasks.TIMEOUT;
import static io.reelgate.server.api.kie.veo.VeoTasks.awaitFlag;
import static io.reelgate.server.api.kie.veo.VeoTasks.create;
import static io.reelgate.server.api.kie.veo.VeoTasks.download;
import static io.reelgate.server.api.kie.veo.VeoTasks.keyWith;
import static io.reelgate.server.api.kie.veo.VeoTasks.record;
import static io.reelgate.server.api.kie.veo.VeoTasks.signed;
import static io.reelgate.server.api.kie.veo.VeoTasks.typesOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.client.CallbackVerifier;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.CallbackReceiver;
import io.reelgate.server.testsupport.WithReceiverAndHost;
import io.reelgate.server.testsupport.ImageHost;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.VideoProbe;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** KIE's Veo 3.1 endpoints over real HTTP, per the documented examples (docs/compatibility.md, "KIE Veo 3.1"). */
class VeoEndToEndTest extends WithReceiverAndHost {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The documented record-info example (§4.3 of the contract): its keys and the JSON type of each value. */
    private static final String DOCUMENTED_RECORD = """
            {"taskId":"veo_task_abcdef123456",
             "paramJson":"{\\"prompt\\":\\"A futuristic city with flying cars at sunset.\\",\\"waterMark\\":\\"KieAI\\"}",
             "completeTime":1749205800000,"response":{"taskId":"veo_task_abcdef123456",
             "resultUrls":["http://example.com/video1.mp4"],"originUrls":["http://example.com/original_video1.mp4"],
             "resolution":"1080p"},"successFlag":1,"errorCode":null,"errorMessage":"","createTime":1749205500000,
             "fallbackFlag":false}""";
    private static final List<String> RECORD_KEYS = List.of("taskId", "paramJson", "completeTime", "response",
            "successFlag", "errorCode", "errorMessage", "createTime", "fallbackFlag");

    @Test
    void everyDocumentedExampleRequestIsAccepted() {
        String first = host.serve("/first.png", ImageHost.png(1280, 720));
        String last = host.serve("/last.png", ImageHost.png(1280, 720));
        List<String> bodies = List.of(VeoExamples.GENERATE_REFERENCE, VeoExamples.GENERATE_TEXT,
                "{\"prompt\":\"The lighthouse beam sweeps the fog\",\"imageUrls\":[\"" + first + "\"],"
                        + "\"aspectRatio\":\"Auto\",\"model\":\"veo3\"}",
                "{\"prompt\":\"Day turns to night\",\"imageUrls\":[\"" + first + "\",\"" + last + "\"],"
                        + "\"generationType\":\"FIRST_AND_LAST_FRAMES_2_VIDEO\",\"model\":\"veo3_lite\"}",
                "{\"prompt\":\"A cat\",\"imageUrls\":[\"" + first + "\"],\"generationType\":\"REFERENCE_2_VIDEO\","
                        + "\"aspectRatio\":\"9:16\"}");
        for (String body : bodies) {
            KieHttp.Answer created = kie.postJson(VeoController.GENERATE, body);
            assertThat(created.code()).as(body + " → " + created.body()).isEqualTo(200);
            assertThat(created.msg()).isEqualTo("success");
            assertThat(created.data().propertyNames()).containsExactly("taskId");
            JsonNode running = record(kie, created.data().get("taskId").asString());
            assertThat(running.propertyNames()).containsExactlyElementsOf(RECORD_KEYS);
            assertThat(JSON.readTree(running.get("paramJson").asString())).isEqualTo(JSON.readTree(body));
        }
    }

    @Test
    void aFastTextVideoHasTheDocumentedRecordAndCallbackAndIsCharged60() throws Exception {
        VeoTasks.Signed signed = signed(baseUrl(), DATA_DIR, "veo-signed", 1000);
        KieHttp veo = signed.client();
        String secret = signed.secret();
        String body = "{\"prompt\":\"A futuristic city with flying cars at sunset.\",\"model\":\"veo3_fast\","
                + "\"aspectRatio\":\"16:9\",\"seeds\":12345,\"watermark\":\"KieAI\",\"callBackUrl\":\""
                + receiver.url("/generate") + "\"}";

        String taskId = create(veo, body);

        JsonNode running = record(veo, taskId);
        assertThat(running.get("successFlag").asInt()).isZero();
        assertThat(running.get("response").isNull()).isTrue();
        assertThat(running.get("completeTime").isNull()).isTrue();
        JsonNode done = awaitFlag(veo, taskId, 1);
        assertThat(typesOf(done)).isEqualTo(typesOf(JSON.readTree(DOCUMENTED_RECORD)));
        assertThat(done.get("response").get("taskId").asString()).isEqualTo(taskId);
        assertThat(done.get("response").get("resultUrls")).hasSize(1).allMatch(JsonNode::isString);
        assertThat(done.get("response").get("resolution").asString()).isEqualTo("720p");
        assertThat(done.get("response").get("originUrls")).as("16:9 has no uncropped original").isEmpty();
        assertThat(done.get("completeTime").asLong()).isGreaterThanOrEqualTo(done.get("createTime").asLong());
        assertThat(done.get("createTime").asLong()).isGreaterThan(1_700_000_000_000L);
        VideoProbe.Info video = download(veo, dir, done.get("response").get("resultUrls").get(0).asString());
        assertThat(List.of(video.width(), video.height())).containsExactly(1280, 720);
        assertThat(video.durationSeconds()).isEqualTo(8.0);
        assertThat(video.codecName()).isEqualTo("h264");
        assertThat(veo.get("/api/v1/chat/credit").data().asLong()).isEqualTo(1000 - 60);

        CallbackReceiver.Received callback = receiver.await("/generate", 1, TIMEOUT).get(0);
        JsonNode payload = JSON.readTree(callback.body());
        assertThat(typesOf(payload)).isEqualTo(typesOf(JSON.readTree("""
                {"code":200,"msg":"Veo3.1 video generated successfully.","data":{"taskId":"veo_task_abcdef123456",
                 "info":{"resultUrls":["http://example.com/video1.mp4"],
                 "originUrls":["http://example.com/original_video1.mp4"],"resolution":"1080p"},"fallbackFlag":false}}""")));
        assertThat(payload.get("msg").asString()).isEqualTo("Veo3.1 video generated successfully.");
        assertThat(payload.get("data").get("taskId").asString()).isEqualTo(taskId);
        assertThat(payload.get("data").get("info").get("resultUrls")).hasSize(1).allMatch(JsonNode::isString);
        assertThat(URI.create(payload.get("data").get("info").get("resultUrls").get(0).asString()).getPath())
                .isEqualTo(URI.create(done.get("response").get("resultUrls").get(0).asString()).getPath());
        CallbackVerifier.kie(secret).verify(callback.headers(), callback.body());
        CallbackVerifier.standardWebhooks(secret).verify(callback.headers(), callback.body());
    }

    @Test
    void aLitePortraitVideoRendersAt720x1280ForItsDurationAndCosts30() throws IOException {
        KieHttp veo = keyWith(baseUrl(), DATA_DIR, "veo-portrait", 100);
        String taskId = create(veo, "{\"prompt\":\"A waterfall\",\"model\":\"veo3_lite\",\"aspect_ratio\":\"9:16\","
                + "\"duration\":4}");

        JsonNode done = awaitFlag(veo, taskId, 1);

        assertThat(done.get("response").get("originUrls")).as("not 16:9: the original is listed").hasSize(1);
        VideoProbe.Info video = download(veo, dir, done.get("response").get("resultUrls").get(0).asString());
        assertThat(List.of(video.width(), video.height())).containsExactly(720, 1280);
        assertThat(video.durationSeconds()).isEqualTo(4.0);
        assertThat(veo.get("/api/v1/chat/credit").data().asLong()).isEqualTo(70);
    }

    @Test
    void aFirstAndLastFramePairStartsOnTheFirstFrame() throws IOException {
        KieHttp veo = keyWith(baseUrl(), DATA_DIR, "veo-frames", 1000);
        String first = host.serve("/red.png", ImageHost.png(1280, 720));
        String last = host.serve("/blue.png", ImageHost.png(1280, 720));
        String taskId = create(veo, "{\"prompt\":\"From dawn to dusk\",\"model\":\"veo3\",\"imageUrls\":[\""
                + first + "\",\"" + last + "\"],\"generationType\":\"FIRST_AND_LAST_FRAMES_2_VIDEO\",\"duration\":4}");

        JsonNode done = awaitFlag(veo, taskId, 1);

        VideoProbe.Info video = download(veo, dir, done.get("response").get("resultUrls").get(0).asString());
        assertThat(List.of(video.width(), video.height())).containsExactly(1280, 720);
        assertThat(video.durationSeconds()).isEqualTo(4.0);
        assertThat(host.requests("/red.png")).isPositive();
        assertThat(host.requests("/blue.png")).isPositive();
        assertThat(veo.get("/api/v1/chat/credit").data().asLong()).isEqualTo(1000 - 250);
    }

    @Test
    void anExtensionIsANewTaskContinuingTheParentWithItsOwnCallbackAndPrice() throws Exception {
        VeoTasks.Signed signed = signed(baseUrl(), DATA_DIR, "veo-extend", 1000);
        KieHttp veo = signed.client();
        String secret = signed.secret();
        String parent = create(veo, "{\"prompt\":\"A dog in a park\",\"duration\":4}");
        assertThat(veo.postJson(VeoController.EXTEND, "{\"taskId\":\"" + parent + "\",\"prompt\":\"p\"}").msg())
                .as("a running task cannot be extended").contains("taskId");
        awaitFlag(veo, parent, 1);

        KieHttp.Answer extended = veo.postJson(VeoController.EXTEND, "{\"taskId\":\"" + parent + "\",\"prompt\":"
                + "\"The dog jumps into the lake\",\"seeds\":12345,\"model\":\"quality\",\"watermark\":\"MyBrand\","
                + "\"callBackUrl\":\"" + receiver.url("/extend") + "\"}");

        assertThat(extended.code()).as(extended.body().toString()).isEqualTo(200);
        String child = extended.data().get("taskId").asString();
        assertThat(child).isNotEqualTo(parent);
        assertThat(veo.get("/api/v1/tasks/" + child).data().get("parentTaskId").asString()).isEqualTo(parent);
        JsonNode done = awaitFlag(veo, child, 1);
        assertThat(done.get("response").get("fullResultUrls")).hasSize(1);
        VideoProbe.Info video = download(veo, dir, done.get("response").get("resultUrls").get(0).asString());
        assertThat(List.of(video.width(), video.height())).containsExactly(1280, 720);
        assertThat(veo.get("/api/v1/chat/credit").data().asLong()).as("60 + quality 250").isEqualTo(1000 - 310);
        CallbackReceiver.Received callback = receiver.await("/extend", 1, TIMEOUT).get(0);
        JsonNode payload = JSON.readTree(callback.body());
        assertThat(payload.get("msg").asString()).isEqualTo("Veo3.1 video extension successful.");
        assertThat(payload.get("data").propertyNames()).containsExactly("taskId", "info", "fallbackFlag");
        assertThat(payload.get("data").get("taskId").asString()).isEqualTo(child);
        CallbackVerifier.kie(secret).verify(callback.headers(), callback.body());
    }

    @Test
    void aFailedTaskHasTheDocumentedFailureRecordAndCallbackAndIsRefunded() throws IOException {
        KieHttp veo = keyWith(baseUrl(), DATA_DIR, "veo-fail", 100);
        String missing = host.serve("/here.png", ImageHost.png(64, 64)).replace("here", "missing");
        String taskId = create(veo, "{\"prompt\":\"p\",\"imageUrls\":[\"" + missing + "\"],\"callBackUrl\":\""
                + receiver.url("/fail") + "\"}");

        JsonNode failed = Await.until(TIMEOUT, "the task fails", () -> record(veo, taskId),
                r -> r.get("successFlag").asInt() != 0);

        assertThat(failed.propertyNames()).containsExactlyElementsOf(RECORD_KEYS);
        assertThat(failed.get("successFlag").asInt()).isIn(2, 3);
        assertThat(failed.get("errorCode").asInt()).isIn(400, 500, 501);
        assertThat(failed.get("errorMessage").asString()).isNotEmpty();
        assertThat(failed.get("response").isNull()).isTrue();
        JsonNode callback = JSON.readTree(receiver.await("/fail", 1, TIMEOUT).get(0).body());
        assertThat(callback.get("code").asInt()).isEqualTo(failed.get("errorCode").asInt());
        assertThat(callback.get("data").propertyNames()).containsExactly("taskId", "fallbackFlag");
        assertThat(Await.until(TIMEOUT, "the refund", () -> veo.get("/api/v1/chat/credit").data().asLong(),
                credits -> credits == 100)).isEqualTo(100);
    }

    @Test
    void theDocumentedErrorsNameWhatIsWrong() throws IOException {
        assertThat(kie.get(VeoController.RECORD_INFO + "?taskId=no-such-task").raw().body())
                .isEqualTo(VeoExamples.RECORD_UNKNOWN.strip());
        assertThat(kie.get(VeoController.FULL_HD + "?taskId=no-such-task").msg()).isEqualTo("record is null");
        assertThat(kie.postJson(VeoController.FOUR_K, "{\"taskId\":\"no-such-task\"}").msg()).isEqualTo("record is null");
        assertThat(kie.postJson(VeoController.GENERATE, "{\"prompt\":\"p\",\"model\":\"veo4\"}").raw().body())
                .isEqualTo(VeoExamples.UNSUPPORTED_MODEL.strip());
        assertThat(kie.postJson(VeoController.GENERATE, "{\"prompt\":\"p\",\"model\":\"veo-3-1\"}").msg())
                .as("a Market model is not a Veo one").isEqualTo("The model is not supported");
        KieHttp.Answer ratio = kie.postJson(VeoController.GENERATE, "{\"prompt\":\"p\",\"aspectRatio\":\"1:1\"}");
        assertThat(ratio.code()).isEqualTo(422);
        assertThat(ratio.msg()).contains("aspectRatio");
        assertThat(kie.postJson(VeoController.GENERATE, "{\"prompt\":\"p\",\"seeds\":5}").msg()).contains("seeds");
        assertThat(kie.postJson(VeoController.GENERATE, "{\"model\":\"veo3\"}").raw().body())
                .isEqualTo("{\"code\":422,\"msg\":\"Please enter prompt\",\"data\":null}");
        assertThat(kie.postJson(VeoController.GENERATE, "{\"prompt\":\" \"}").msg()).isEqualTo("Please enter prompt");
        assertThat(kie.postJson(VeoController.GENERATE, "{\"prompt\":\"p\",\"colour\":\"red\"}").msg())
                .contains("colour");
        assertThat(kie.postJson(VeoController.GENERATE, "{\"prompt\":\"p\",\"model\":\"veo3\",\"generationType\":"
                + "\"REFERENCE_2_VIDEO\",\"imageUrls\":[\"https://img.example/a.png\"]}").msg())
                .as("Quality has no reference mode").contains("generationType");
        assertThat(kie.postJson(VeoController.GENERATE, "{\"prompt\":\"p\",\"imageUrls\":[\"https://img.example/a.png\","
                + "\"https://img.example/b.png\",\"https://img.example/c.png\"]}").msg()).contains("imageUrls");
        assertThat(kie.postJson(VeoController.EXTEND, "{\"taskId\":\"no-such-task\",\"prompt\":\"p\"}").msg())
                .contains("taskId");
        KieHttp.Answer badKey = new KieHttp(baseUrl(), "not-a-key").postJson(VeoController.GENERATE, "{\"prompt\":\"p\"}");
        assertThat(badKey.code()).isEqualTo(401);
        KieHttp poor = keyWith(baseUrl(), DATA_DIR, "veo-poor", 59);
        assertThat(poor.postJson(VeoController.GENERATE, "{\"prompt\":\"p\"}").code()).isEqualTo(402);
        assertThat(poor.postJson(VeoController.GENERATE, "{\"prompt\":\"p\",\"model\":\"veo3_lite\"}").code())
                .as("Lite costs 30").isEqualTo(200);
    }

    @Test
    void aTaskIsReadOnlyThroughTheDialectAndKeyThatCreatedIt() throws IOException {
        String veoTask = create(kie, "{\"prompt\":\"p\",\"duration\":4}");
        String marketTask = kie.postJson("/api/v1/jobs/createTask",
                "{\"model\":\"grok-imagine/text-to-video\",\"input\":{\"prompt\":\"p\"}}").data().get("taskId").asString();
        String runwayTask = kie.generate("{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");

        for (String foreign : List.of(marketTask, runwayTask)) {
            assertThat(kie.get(VeoController.RECORD_INFO + "?taskId=" + foreign).msg()).isEqualTo("record is null");
            assertThat(kie.get(VeoController.FULL_HD + "?taskId=" + foreign).msg()).isEqualTo("record is null");
            assertThat(kie.postJson(VeoController.FOUR_K, "{\"taskId\":\"" + foreign + "\"}").msg())
                    .isEqualTo("record is null");
        }
        assertThat(kie.get("/api/v1/jobs/recordInfo?taskId=" + veoTask).msg()).isEqualTo("recordInfo is null");
        assertThat(kie.get("/api/v1/runway/record-detail?taskId=" + veoTask).code()).isEqualTo(404);
        KieHttp other = keyWith(baseUrl(), DATA_DIR, "veo-other", 100);
        assertThat(other.get(VeoController.RECORD_INFO + "?taskId=" + veoTask).msg()).isEqualTo("record is null");
        assertThat(other.postJson(VeoController.EXTEND, "{\"taskId\":\"" + veoTask + "\",\"prompt\":\"p\"}").msg())
                .isEqualTo("taskId " + veoTask + " is not a task of yours");
        assertThat(kie.get("/api/v1/tasks/" + veoTask).data().get("dialect").asString()).isEqualTo("kie-veo");
    }
}

package io.reelgate.server.api.kie.veo;

import static io.reelgate.server.api.kie.veo.VeoTasks.TIMEOUT;
import static io.reelgate.server.api.kie.veo.VeoTasks.awaitFlag;
import static io.reelgate.server.api.kie.veo.VeoTasks.create;
import static io.reelgate.server.api.kie.veo.VeoTasks.download;
import static io.reelgate.server.api.kie.veo.VeoTasks.keyWith;
import static io.reelgate.server.api.kie.veo.VeoTasks.signed;
import static io.reelgate.server.api.kie.veo.VeoTasks.typesOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.client.CallbackVerifier;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.CallbackReceiver;
import io.reelgate.server.testsupport.EndToEndTest;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.VideoProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Veo's 1080p and 4K versions over real HTTP: real re-renders at that size, charged once, 4K with its callback. */
class VeoRenditionsEndToEndTest extends EndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static CallbackReceiver receiver;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        receiver = new CallbackReceiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @Test
    void the1080pVersionIsProcessingFirstThenAReRenderAt1920x1080ChargedOnce() throws IOException {
        KieHttp veo = keyWith(baseUrl(), DATA_DIR, "veo-1080p", 100);
        String taskId = create(veo, "{\"prompt\":\"Rolling hills\",\"duration\":4}");
        awaitFlag(veo, taskId, 1);

        KieHttp.Answer first = veo.get(VeoController.FULL_HD + "?taskId=" + taskId + "&index=0");

        assertThat(first.raw().body()).isEqualTo(VeoExamples.FULL_HD_PROCESSING.strip());
        KieHttp.Answer ready = Await.until(TIMEOUT, "the 1080p version",
                () -> veo.get(VeoController.FULL_HD + "?taskId=" + taskId + "&index=0"), a -> a.code() != 400);
        assertThat(ready.code()).as(ready.body().toString()).isEqualTo(200);
        assertThat(ready.data().propertyNames()).containsExactly("resultUrl");
        VideoProbe.Info video = download(veo, dir, ready.data().get("resultUrl").asString());
        assertThat(List.of(video.width(), video.height())).containsExactly(1920, 1080);
        assertThat(video.durationSeconds()).isEqualTo(4.0);
        assertThat(veo.get(VeoController.FULL_HD + "?taskId=" + taskId).data().get("resultUrl").asString())
                .isEqualTo(ready.data().get("resultUrl").asString());
        assertThat(veo.get("/api/v1/chat/credit").data().asLong()).as("60 + 5 once").isEqualTo(35);
        assertThat(veo.postJson(VeoController.EXTEND, "{\"taskId\":\"" + taskId + "\",\"prompt\":\"more\"}").msg())
                .as("a video that went through 1080p cannot be extended").contains("taskId");
    }

    @Test
    void the4kVersionIsATaskWithItsOwnCallbackAt3840x2160ChargedOnce() throws Exception {
        VeoTasks.Signed signed = signed(baseUrl(), DATA_DIR, "veo-4k", 200);
        KieHttp veo = signed.client();
        String secret = signed.secret();
        String taskId = create(veo, "{\"prompt\":\"A harbour at night\",\"duration\":4}");
        awaitFlag(veo, taskId, 1);
        String request = "{\"taskId\":\"" + taskId + "\",\"index\":0,\"callBackUrl\":\"" + receiver.url("/4k") + "\"}";

        KieHttp.Answer started = veo.postJson(VeoController.FOUR_K, request);

        assertThat(started.code()).as(started.body().toString()).isEqualTo(200);
        assertThat(typesOf(started.data())).isEqualTo(typesOf(JSON.readTree(VeoExamples.FOUR_K_STARTED).get("data")));
        String fourK = started.data().get("taskId").asString();
        KieHttp.Answer again = veo.postJson(VeoController.FOUR_K, request);
        assertThat(again.code()).isEqualTo(422);
        assertThat(again.msg()).isIn(VeoController.FOUR_K_PROCESSING, VeoController.FOUR_K_DONE);
        JsonNode done = awaitFlag(veo, fourK, 1);
        assertThat(done.has("fallbackFlag")).as("documented: absent on 4K tasks").isFalse();
        assertThat(done.get("response").get("mediaIds")).hasSize(1);
        assertThat(done.get("response").get("resolution").asString()).isEqualTo("4k");
        VideoProbe.Info video = download(veo, dir, done.get("response").get("resultUrls").get(0).asString());
        assertThat(List.of(video.width(), video.height())).containsExactly(3840, 2160);
        assertThat(video.durationSeconds()).isEqualTo(4.0);
        KieHttp.Answer generated = veo.postJson(VeoController.FOUR_K, request);
        assertThat(generated.code()).isEqualTo(422);
        assertThat(generated.msg()).isEqualTo(VeoController.FOUR_K_DONE);
        assertThat(generated.data().get("resultUrls")).hasSize(1);
        assertThat(veo.get("/api/v1/chat/credit").data().asLong()).as("60 + 120 once").isEqualTo(20);

        CallbackReceiver.Received callback = receiver.await("/4k", 1, TIMEOUT).get(0);
        JsonNode payload = JSON.readTree(callback.body());
        assertThat(payload.get("code").asInt()).isEqualTo(200);
        assertThat(payload.get("msg").asString()).isEqualTo("4K Video generated successfully.");
        assertThat(payload.get("data").propertyNames()).contains("taskId", "info", "task_id", "result_urls",
                "media_ids", "image_urls");
        assertThat(payload.get("data").get("info").propertyNames()).containsExactlyInAnyOrder("resultUrls", "imageUrls");
        assertThat(payload.get("data").get("info").get("resultUrls").get(0).isString()).isTrue();
        assertThat(payload.get("data").get("taskId").asString()).isEqualTo(fourK);
        CallbackVerifier.kie(secret).verify(callback.headers(), callback.body());
    }
}

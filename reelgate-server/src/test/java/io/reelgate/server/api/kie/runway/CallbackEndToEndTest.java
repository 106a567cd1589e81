package io.reelgate.server.api.kie.runway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.client.CallbackVerificationException;
import io.reelgate.client.CallbackVerifier;
import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.CallbackReceiver.Received;
import io.reelgate.server.testsupport.CallbackReceiver;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.TestDataDirs;
import io.reelgate.server.testsupport.WithReceiverAndHost;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Callbacks arrive at a real loopback receiver with the documented payloads, retries and signatures. */
class CallbackEndToEndTest extends WithReceiverAndHost {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @Test
    void generateSuccessSendsTheDocumentedRunwayPayload() {
        String taskId = kie.generate(body("/gen-ok", "\"aspectRatio\":\"16:9\""));
        JsonNode info = kie.awaitTerminal(taskId, TIMEOUT).get("videoInfo");

        JsonNode callback = JSON.readTree(receiver.await("/gen-ok", 1, TIMEOUT).get(0).body());

        assertThat(callback.propertyNames()).containsExactly("code", "msg", "data");
        assertThat(callback.get("code").asInt()).isEqualTo(200);
        assertThat(callback.get("msg").asString()).isEqualTo("All generated successfully.");
        JsonNode data = callback.get("data");
        assertThat(data.propertyNames()).containsExactly("task_id", "video_id", "video_url", "image_url");
        assertThat(data.get("task_id").asString()).isEqualTo(taskId);
        assertThat(data.get("video_id").asString()).isEqualTo(info.get("videoId").asString());
        assertThat(path(data.get("video_url"))).isEqualTo(path(info.get("videoUrl")));
        assertThat(path(data.get("image_url"))).isEqualTo(path(info.get("imageUrl")));
        assertThat(receiver.at("/gen-ok").get(0).headers().get("Content-Type")).startsWith("application/json");
    }

    @Test
    void callbacksArePlainHttp11WithoutAnUpgradeToH2c() {
        String taskId = kie.generate(body("/h11", "\"aspectRatio\":\"16:9\""));
        kie.awaitTerminal(taskId, TIMEOUT);

        CallbackReceiver.Received callback = receiver.await("/h11", 1, TIMEOUT).get(0);

        assertThat(callback.protocol()).isEqualTo("HTTP/1.1");
        assertThat(callback.headers()).doesNotContainKeys("Upgrade", "HTTP2-Settings");
        assertThat(callback.headers().getOrDefault("Connection", "")).doesNotContainIgnoringCase("upgrade");
        assertThat(callback.headers().get("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void generateFailureSendsCode400WithTheMessageAndEmptyFields() {
        String taskId = kie.generate(body("/gen-fail", "\"imageUrl\":\"" + host.serve("/gone.png", new byte[0]).replace("gone", "missing") + "\""));

        JsonNode callback = JSON.readTree(receiver.await("/gen-fail", 1, TIMEOUT).get(0).body());

        assertThat(callback.toString()).isEqualTo("{\"code\":400,\"msg\":\"Failed to fetch the image: the server answered HTTP 404\","
                + "\"data\":{\"task_id\":\"" + taskId + "\",\"video_id\":\"\",\"video_url\":\"\",\"image_url\":\"\"}}");
    }

    @Test
    void extensionCallbacksUseTheRunwayShapeForSuccessAndFailure() throws Exception {
        String parent = kie.generate("{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");
        kie.awaitTerminal(parent, TIMEOUT);
        String ok = extend(parent, "/ext-ok");
        JsonNode success = JSON.readTree(receiver.await("/ext-ok", 1, TIMEOUT).get(0).body());
        assertThat(success.get("code").asInt()).isEqualTo(200);
        assertThat(success.get("data").get("task_id").asString()).isEqualTo(ok);
        assertThat(success.get("data").get("video_url").asString()).endsWith(".mp4");

        try (Stream<Path> files = Files.list(DATA_DIR.resolve("files/results").resolve(parent))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        String failed = extend(parent, "/ext-fail");
        JsonNode failure = JSON.readTree(receiver.await("/ext-fail", 1, TIMEOUT).get(0).body());
        assertThat(failure.toString()).isEqualTo("{\"code\":400,\"msg\":\"The video to extend has expired\","
                + "\"data\":{\"task_id\":\"" + failed + "\",\"video_id\":\"\",\"video_url\":\"\",\"image_url\":\"\"}}");
    }

    @Test
    void alephCallbacksUseTheirOwnShapeWithATopLevelTaskId() throws Exception {
        String source = kie.generate("{\"prompt\":\"colours\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");
        Path video = TestDataDirs.freshFile("source", ".mp4");
        kie.download(kie.awaitTerminal(source, TIMEOUT).get("videoInfo").get("videoUrl").asString(), video);
        String videoUrl = host.serve("/aleph-source.mp4", Files.readAllBytes(video), "video/mp4");

        String ok = aleph(videoUrl, "/aleph-ok");
        JsonNode success = JSON.readTree(receiver.await("/aleph-ok", 1, TIMEOUT).get(0).body());
        assertThat(success.propertyNames()).containsExactly("code", "msg", "data", "taskId");
        assertThat(success.get("code").asInt()).isEqualTo(200);
        assertThat(success.get("msg").asString()).isEqualTo("success");
        assertThat(success.get("taskId").asString()).isEqualTo(ok);
        assertThat(success.get("data").propertyNames()).containsExactly("result_video_url", "result_image_url");

        String failed = aleph(host.serve("/not-a-video.mp4", "text".getBytes(), "video/mp4"), "/aleph-fail");
        JsonNode failure = JSON.readTree(receiver.await("/aleph-fail", 1, TIMEOUT).get(0).body());
        assertThat(failure.get("code").asInt()).isEqualTo(400);
        assertThat(failure.get("msg").asString()).isNotBlank();
        assertThat(failure.get("data").isNull()).isTrue();
        assertThat(failure.get("taskId").asString()).isEqualTo(failed);
    }

    @Test
    void failedAttemptsAreRetriedWithTheSameWebhookIdAndGrowingDelays() {
        receiver.answer(500, 503);
        String taskId = kie.generate(body("/retry", "\"aspectRatio\":\"1:1\""));

        List<Received> attempts = receiver.await("/retry", 3, TIMEOUT);

        assertThat(attempts).extracting(r -> r.headers().get("webhook-id")).containsOnly(attempts.get(0).headers().get("webhook-id"));
        assertThat(attempts).extracting(Received::body).containsOnly(attempts.get(0).body());
        Duration first = Duration.between(attempts.get(0).at(), attempts.get(1).at());
        Duration second = Duration.between(attempts.get(1).at(), attempts.get(2).at());
        assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(second).isGreaterThanOrEqualTo(Duration.ofMillis(1900)).isGreaterThan(first);
        JsonNode deliveries = awaitDeliveryState(kie, taskId, "delivered");
        JsonNode log = deliveries.get(0).get("attemptLog");
        assertThat(log).hasSize(3);
        assertThat(log.get(0).get("httpStatus").asInt()).isEqualTo(500);
        assertThat(log.get(1).get("httpStatus").asInt()).isEqualTo(503);
        assertThat(log.get(2).get("httpStatus").asInt()).isEqualTo(200);
    }

    @Test
    void aDeliveryThatNeverSucceedsGoesDeadAndCanBeResentByItsOwner() {
        receiver.answer(500, 500, 500, 500);
        String taskId = kie.generate(body("/dead", "\"aspectRatio\":\"1:1\""));

        receiver.await("/dead", 4, TIMEOUT);
        JsonNode dead = awaitDeliveryState(kie, taskId, "dead").get(0);
        assertThat(dead.get("attempts").asInt()).isEqualTo(4);
        String webhookId = dead.get("webhookId").asString();

        KieHttp.Answer resent = kie.postJson("/api/v1/callbacks/" + webhookId + "/redeliver", "");
        assertThat(resent.code()).isEqualTo(200);
        List<Received> all = receiver.await("/dead", 5, TIMEOUT);
        assertThat(all.get(4).headers().get("webhook-id")).isEqualTo(webhookId);
        awaitDeliveryState(kie, taskId, "delivered");
    }

    @Test
    void anotherKeySeesNoneOfMyCallbacks() {
        String taskId = kie.generate(body("/private", "\"aspectRatio\":\"1:1\""));
        receiver.await("/private", 1, TIMEOUT);
        AdminHttp admin = new AdminHttp(baseUrl(), DATA_DIR);
        KieHttp other = new KieHttp(baseUrl(), admin.createKey("nosy", 0).secret());

        assertThat(other.get("/api/v1/callbacks?taskId=" + taskId).data()).isEmpty();
        String webhookId = awaitDeliveryState(kie, taskId, "delivered").get(0).get("webhookId").asString();
        assertThat(other.postJson("/api/v1/callbacks/" + webhookId + "/redeliver", "").code()).isEqualTo(404);
    }

    @Test
    void signedCallbacksVerifyWithBothSchemesAndTamperingFails() throws Exception {
        AdminHttp admin = new AdminHttp(baseUrl(), DATA_DIR);
        AdminHttp.Key key = admin.createKey("signed", 100);
        String secret = admin.post("/admin/api/keys/" + key.id() + "/webhook-secret", "").data().asString();
        assertThat(secret).startsWith("whsec_");
        KieHttp signed = new KieHttp(baseUrl(), key.secret());
        String taskId = signed.generate(body("/signed", "\"aspectRatio\":\"1:1\""));

        Received callback = receiver.await("/signed", 1, TIMEOUT).get(0);
        var headers = callback.headers();

        CallbackVerifier.kie(secret).verify(headers, callback.body());
        CallbackVerifier.standardWebhooks(secret).verify(headers, callback.body());
        long timestamp = Long.parseLong(headers.get("X-Webhook-Timestamp"));
        assertThat(headers.get("X-Webhook-Signature")).isEqualTo(independentKieSignature(secret, taskId, timestamp));
        String tampered = callback.body().replace("All generated successfully.", "All generated successfully!");
        assertThatThrownBy(() -> CallbackVerifier.standardWebhooks(secret).verify(headers, tampered))
                .isInstanceOf(CallbackVerificationException.class);
        Clock later = Clock.fixed(Instant.ofEpochSecond(timestamp).plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        assertThatThrownBy(() -> CallbackVerifier.kie(secret).withClock(later).verify(headers, callback.body()))
                .hasMessageContaining("timestamp");
        assertThatThrownBy(() -> CallbackVerifier.standardWebhooks(secret).withClock(later).verify(headers, callback.body()))
                .hasMessageContaining("timestamp");
        assertThatThrownBy(() -> CallbackVerifier.kie("whsec_wrong").verify(headers, callback.body()))
                .isInstanceOf(CallbackVerificationException.class);
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneDuringTheOverlap() {
        AdminHttp admin = new AdminHttp(baseUrl(), DATA_DIR);
        AdminHttp.Key key = admin.createKey("rotating", 100);
        String old = admin.post("/admin/api/keys/" + key.id() + "/webhook-secret", "").data().asString();
        String current = admin.post("/admin/api/keys/" + key.id() + "/webhook-secret", "").data().asString();
        new KieHttp(baseUrl(), key.secret()).generate(body("/rotated", "\"aspectRatio\":\"1:1\""));

        Received callback = receiver.await("/rotated", 1, TIMEOUT).get(0);

        assertThat(callback.headers().get("webhook-signature").split(" ")).hasSize(2);
        CallbackVerifier.standardWebhooks(old).verify(callback.headers(), callback.body());
        CallbackVerifier.standardWebhooks(current).verify(callback.headers(), callback.body());
        CallbackVerifier.kie(current).verify(callback.headers(), callback.body());
    }

    @Test
    void unsignedCallbacksStillCarryAStableWebhookId() {
        kie.generate(body("/unsigned", "\"aspectRatio\":\"1:1\""));

        Received callback = receiver.await("/unsigned", 1, TIMEOUT).get(0);

        assertThat(callback.headers().get("webhook-id")).startsWith("msg_");
        assertThat(callback.headers()).doesNotContainKey("X-Webhook-Signature");
    }

    private static String independentKieSignature(String secret, String taskId, long timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((taskId + "." + timestamp).getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode awaitDeliveryState(KieHttp client, String taskId, String state) {
        return Await.until(TIMEOUT, "delivery of " + taskId + " becomes " + state,
                () -> client.get("/api/v1/callbacks?taskId=" + taskId).data(),
                deliveries -> deliveries.size() > 0 && deliveries.get(0).get("state").asString().equals(state));
    }

    private String extend(String parent, String path) {
        KieHttp.Answer answer = kie.postJson("/api/v1/runway/extend", "{\"taskId\":\"" + parent
                + "\",\"prompt\":\"more\",\"quality\":\"720p\",\"callBackUrl\":\"" + receiver.url(path) + "\"}");
        assertThat(answer.code()).as(answer.body().toString()).isEqualTo(200);
        return answer.data().get("taskId").asString();
    }

    private String aleph(String videoUrl, String path) {
        KieHttp.Answer answer = kie.postJson("/api/v1/aleph/generate", "{\"prompt\":\"black and white\",\"videoUrl\":\""
                + videoUrl + "\",\"callBackUrl\":\"" + receiver.url(path) + "\"}");
        assertThat(answer.code()).as(answer.body().toString()).isEqualTo(200);
        return answer.data().get("taskId").asString();
    }

    private static String body(String path, String extra) {
        return "{\"prompt\":\"callback " + path + "\",\"duration\":5,\"quality\":\"720p\",\"callBackUrl\":\""
                + receiver.url(path) + "\"," + extra + "}";
    }

    private static String path(JsonNode url) {
        return URI.create(url.asString()).getPath();
    }
}

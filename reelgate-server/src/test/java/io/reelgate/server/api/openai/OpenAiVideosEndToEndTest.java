package io.reelgate.server.api.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.client.CallbackVerifier;
import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.CallbackReceiver;
import io.reelgate.server.testsupport.EndToEndTest;
import io.reelgate.server.testsupport.ImageHost;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.MultipartBody;
import io.reelgate.server.testsupport.VideoProbe;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAI-style Videos API over real HTTP, against the wire contract in docs/compatibility.md. */
class OpenAiVideosEndToEndTest extends EndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** Every key of the Video object, always present, in the SDK type's order. */
    private static final List<String> VIDEO_KEYS = List.of("id", "object", "model", "status", "progress", "prompt",
            "created_at", "completed_at", "expires_at", "size", "seconds", "remixed_from_video_id", "error");
    private static final List<String> ERROR_KEYS = List.of("message", "type", "param", "code");

    private static final CallbackReceiver RECEIVER = new CallbackReceiver();
    private static final ImageHost HOST = new ImageHost();

    @TempDir
    Path dir;

    @AfterAll
    static void closeFakes() {
        RECEIVER.close();
        HOST.close();
    }

    private VideosHttp videos(long credits) {
        return new VideosHttp(baseUrl(), new AdminHttp(baseUrl(), DATA_DIR).createKey("openai", credits).secret());
    }

    @Test
    void aJsonCreateRunsToCompletedWithEveryKeyAndItsContentInEachVariant() throws Exception {
        VideosHttp api = videos(1000);

        VideosHttp.Answer created = api.postJson("/v1/videos",
                "{\"model\":\"sora-2\",\"prompt\":\"A calico cat plays a piano\",\"seconds\":4,\"size\":\"1280x720\"}");

        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        assertThat(created.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode queued = created.body();
        assertThat(queued.propertyNames()).containsExactlyElementsOf(VIDEO_KEYS);
        assertThat(queued.get("id").asString()).matches("video_[0-9a-f]{32}");
        assertThat(queued.get("object").asString()).isEqualTo("video");
        assertThat(queued.get("status").asString()).isIn("queued", "in_progress");
        assertThat(queued.get("seconds").isString()).isTrue();
        assertThat(queued.get("seconds").asString()).isEqualTo("4");
        assertThat(queued.get("completed_at").isNull()).isTrue();
        assertThat(queued.get("error").isNull()).isTrue();
        assertThat(queued.get("remixed_from_video_id").isNull()).isTrue();
        long createdAt = queued.get("created_at").asLong();
        assertThat(createdAt).isBetween(1_700_000_000L, 4_000_000_000L);

        JsonNode done = api.awaitStatus(queued.get("id").asString(), "completed", TIMEOUT);

        assertThat(done.propertyNames()).containsExactlyElementsOf(VIDEO_KEYS);
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        assertThat(done.get("model").asString()).isEqualTo("sora-2");
        assertThat(done.get("prompt").asString()).isEqualTo("A calico cat plays a piano");
        assertThat(done.get("size").asString()).isEqualTo("1280x720");
        assertThat(done.get("completed_at").isIntegralNumber()).isTrue();
        assertThat(done.get("completed_at").asLong()).isBetween(createdAt, createdAt + 600);
        assertThat(done.get("expires_at").asLong()).isGreaterThan(done.get("completed_at").asLong());
        String id = done.get("id").asString();

        HttpResponse<byte[]> mp4 = api.bytes("/v1/videos/" + id + "/content");
        assertThat(mp4.statusCode()).isEqualTo(200);
        assertThat(mp4.headers().firstValue("Content-Type").orElse("")).isEqualTo("video/mp4");
        Path file = Files.write(dir.resolve("video.mp4"), mp4.body());
        VideoProbe.Info video = VideoProbe.probe(file);
        assertThat(List.of(video.width(), video.height())).containsExactly(1280, 720);
        assertThat(video.durationSeconds()).isEqualTo(4.0);

        HttpResponse<byte[]> thumbnail = api.bytes("/v1/videos/" + id + "/content?variant=thumbnail");
        assertThat(thumbnail.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/webp");
        BufferedImage webp = decodeWithFfmpeg(Files.write(dir.resolve("thumb.webp"), thumbnail.body()));
        assertThat(List.of(webp.getWidth(), webp.getHeight())).containsExactly(1280, 720);

        HttpResponse<byte[]> sheet = api.bytes("/v1/videos/" + id + "/content?variant=spritesheet");
        assertThat(sheet.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/jpeg");
        BufferedImage grid = ImageIO.read(new ByteArrayInputStream(sheet.body()));
        assertThat(List.of(grid.getWidth(), grid.getHeight())).containsExactly(256 * 5, 144 * 2);

        VideosHttp.Answer unknownVariant = api.get("/v1/videos/" + id + "/content?variant=poster");
        assertError(unknownVariant, 400, "invalid_request_error", "variant");
    }

    @Test
    void aMultipartCreateTakesItsImageAsAFilePartOrAsInputReferenceImageUrl() throws Exception {
        VideosHttp api = videos(1000);
        MultipartBody withFile = new MultipartBody().field("prompt", "The beam sweeps the fog")
                .field("model", "sora-2-pro").field("seconds", "4").field("size", "1024x1792")
                .file("input_reference", "lighthouse.png", "image/png", ImageHost.png(1024, 1792));
        String image = HOST.serve("/fog.png", ImageHost.png(720, 1280));
        MultipartBody withUrl = new MultipartBody().field("prompt", "Fog rolls in").field("seconds", "4")
                .field("input_reference[image_url]", image);

        VideosHttp.Answer fromFile = api.postMultipart("/v1/videos", withFile);
        VideosHttp.Answer fromUrl = api.postMultipart("/v1/videos", withUrl);

        assertThat(fromFile.status()).as(fromFile.body().toString()).isEqualTo(200);
        assertThat(fromUrl.status()).as(fromUrl.body().toString()).isEqualTo(200);
        JsonNode pro = api.awaitStatus(fromFile.body().get("id").asString(), "completed", TIMEOUT);
        JsonNode standard = api.awaitStatus(fromUrl.body().get("id").asString(), "completed", TIMEOUT);
        assertThat(pro.get("model").asString()).isEqualTo("sora-2-pro");
        assertThat(pro.get("size").asString()).isEqualTo("1024x1792");
        assertThat(standard.get("model").asString()).isEqualTo("sora-2");
        assertThat(standard.get("size").asString()).isEqualTo("720x1280");
        VideoProbe.Info video = VideoProbe.probe(Files.write(dir.resolve("pro.mp4"),
                api.bytes("/v1/videos/" + pro.get("id").asString() + "/content").body()));
        assertThat(List.of(video.width(), video.height())).containsExactly(1024, 1792);
        assertThat(video.durationSeconds()).isEqualTo(4.0);
    }

    @Test
    void anyRegistryModelTakesTheOpenAiFieldsOnItsOwnFields() throws Exception {
        VideosHttp api = videos(1000);
        String image = HOST.serve("/beam.png", ImageHost.png(1280, 720));

        String id = api.create("{\"model\":\"hailuo/2-3-image-to-video-standard\",\"prompt\":\"The beam sweeps\","
                + "\"seconds\":\"10\",\"input_reference\":{\"image_url\":\"" + image + "\"}}");
        VideosHttp.Answer noSound = api.postJson("/v1/videos", "{\"model\":\"kling-2.6/text-to-video\",\"prompt\":\"p\","
                + "\"seconds\":\"5\"}");
        VideosHttp.Answer noDuration = api.postJson("/v1/videos", "{\"model\":\"kling-2.6/text-to-video\","
                + "\"prompt\":\"p\",\"sound\":false}");
        VideosHttp.Answer kling = api.postJson("/v1/videos", "{\"model\":\"kling-2.6/text-to-video\",\"prompt\":\"p\","
                + "\"sound\":false,\"seconds\":5,\"size\":\"1920x1080\"}");
        VideosHttp.Answer noRatio = api.postJson("/v1/videos", "{\"model\":\"wan/2-6-text-to-video\",\"prompt\":\"p\","
                + "\"size\":\"1280x720\"}");

        JsonNode done = api.awaitStatus(id, "completed", TIMEOUT);
        assertThat(List.of(done.get("model").asString(), done.get("seconds").asString(), done.get("size").asString()))
                .containsExactly("hailuo/2-3-image-to-video-standard", "10", "1366x768");
        VideoProbe.Info video = VideoProbe.probe(Files.write(dir.resolve("hailuo.mp4"),
                api.bytes("/v1/videos/" + id + "/content").body()));
        assertThat(video.durationSeconds()).isEqualTo(10.0);
        assertThat(kling.status()).as(kling.body().toString()).isEqualTo(200);
        assertThat(kling.body().get("seconds").asString()).isEqualTo("5");
        assertError(noSound, 400, "invalid_request_error", "sound");
        assertError(noDuration, 400, "invalid_request_error", "seconds");
        assertError(noRatio, 400, "invalid_request_error", "size");
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyAnswersTheSameVideo() {
        VideosHttp api = videos(1000);
        MultipartBody form = new MultipartBody().field("prompt", "Once only").field("seconds", "4");
        String key = "create-" + UUID.randomUUID();

        VideosHttp.Answer first = api.postMultipart("/v1/videos", form, key);
        VideosHttp.Answer retried = api.postMultipart("/v1/videos", form, key);
        VideosHttp.Answer changed = api.postMultipart("/v1/videos",
                new MultipartBody().field("prompt", "Something else").field("seconds", "4"), key);

        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(retried.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
        assertError(changed, 409, "invalid_request_error", "Idempotency-Key");
        assertThat(idsOf(api.get("/v1/videos").body())).containsExactly(first.body().get("id").asString());
    }

    @Test
    void theListPagesNewestFirstByAfterWithHasMoreFirstAndLastIds() {
        VideosHttp api = videos(1000);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(api.create("{\"prompt\":\"clip " + i + "\"}"));
        }

        JsonNode first = api.get("/v1/videos?limit=2").body();
        JsonNode second = api.get("/v1/videos?limit=2&after=" + first.get("last_id").asString()).body();
        JsonNode ascending = api.get("/v1/videos?order=asc&limit=100").body();

        assertThat(first.propertyNames()).containsExactly("object", "data", "first_id", "last_id", "has_more");
        assertThat(first.get("object").asString()).isEqualTo("list");
        assertThat(idsOf(first)).containsExactly(ids.get(2), ids.get(1));
        assertThat(first.get("first_id").asString()).isEqualTo(ids.get(2));
        assertThat(first.get("last_id").asString()).isEqualTo(ids.get(1));
        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(idsOf(second)).containsExactly(ids.get(0));
        assertThat(second.get("has_more").asBoolean()).isFalse();
        assertThat(idsOf(ascending)).containsExactlyElementsOf(ids);
        assertThat(first.get("data").get(0).propertyNames()).containsExactlyElementsOf(VIDEO_KEYS);
        assertError(api.get("/v1/videos?order=sideways"), 400, "invalid_request_error", "order");
        assertError(api.get("/v1/videos?after=video_" + "0".repeat(32)), 400, "invalid_request_error", "after");
    }

    @Test
    void aDeletedVideoIsGoneAndARemixIsANewVideoFromItsSource() throws IOException {
        VideosHttp api = videos(1000);
        String source = api.create("{\"prompt\":\"A paper boat\",\"seconds\":\"4\",\"size\":\"1280x720\"}");
        api.awaitStatus(source, "completed", TIMEOUT);

        VideosHttp.Answer remixed = api.postJson("/v1/videos/" + source + "/remix", "{\"prompt\":\"The boat sinks\"}");

        assertThat(remixed.status()).as(remixed.body().toString()).isEqualTo(200);
        assertThat(remixed.body().get("remixed_from_video_id").asString()).isEqualTo(source);
        JsonNode remix = api.awaitStatus(remixed.body().get("id").asString(), "completed", TIMEOUT);
        assertThat(remix.get("prompt").asString()).isEqualTo("The boat sinks");
        assertThat(List.of(remix.get("model").asString(), remix.get("size").asString(), remix.get("seconds").asString()))
                .containsExactly("sora-2", "1280x720", "4");

        assertThat(api.bytes("/v1/videos/" + source + "/content?variant=thumbnail").statusCode()).isEqualTo(200);
        assertThat(api.bytes("/v1/videos/" + source + "/content?variant=spritesheet").statusCode()).isEqualTo(200);
        Path results = DATA_DIR.resolve("files/results/" + VideoIds.taskIdOf(source).orElseThrow());
        try (Stream<Path> files = Files.list(results)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .anyMatch(name -> name.endsWith("-thumbnail.webp")).anyMatch(name -> name.endsWith("-spritesheet.jpg"));
        }

        VideosHttp.Answer deleted = api.delete("/v1/videos/" + source);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo(JSON.readTree(
                "{\"id\":\"" + source + "\",\"deleted\":true,\"object\":\"video.deleted\"}"));
        assertError(api.get("/v1/videos/" + source), 404, "invalid_request_error", null);
        try (Stream<Path> files = Files.exists(results) ? Files.list(results) : Stream.empty()) {
            assertThat(files).as("the result, its cover and the derived files are gone").isEmpty();
        }
        assertThat(api.bytes("/v1/videos/" + source + "/content").statusCode()).isEqualTo(404);
        assertThat(idsOf(api.get("/v1/videos").body())).containsExactly(remix.get("id").asString());
        assertError(api.postJson("/v1/videos/" + source + "/remix", "{\"prompt\":\"again\"}"), 404,
                "invalid_request_error", null);
    }

    @Test
    void refusalsCarryTheirHttpStatusAndTheErrorObjectNamingTheField() {
        VideosHttp api = videos(1000);

        VideosHttp.Answer badSeconds = api.postJson("/v1/videos", "{\"prompt\":\"p\",\"seconds\":\"10\"}");
        assertError(badSeconds, 400, "invalid_request_error", "seconds");
        assertThat(badSeconds.error().get("code").asString()).isEqualTo("invalid_value");
        assertThat(badSeconds.error().get("message").asString())
                .isEqualTo("Invalid value: '10'. Supported values are: '4', '8', '12', '16', and '20'.");
        assertError(api.postJson("/v1/videos", "{\"prompt\":\"p\",\"size\":\"1792x1024\"}"), 400,
                "invalid_request_error", "size");
        assertError(api.postJson("/v1/videos", "{\"seconds\":\"4\"}"), 400, "invalid_request_error", "prompt");
        assertError(api.postMultipart("/v1/videos", new MultipartBody().field("seconds", "4")), 400,
                "invalid_request_error", "prompt");
        assertError(api.postJson("/v1/videos", "{\"prompt\":\"p\",\"model\":\"sora-9\"}"), 400,
                "invalid_request_error", "model");
        assertError(api.postJson("/v1/videos", "{\"prompt\":"), 400, "invalid_request_error", null);
        assertError(api.get("/v1/videos/video_" + "a".repeat(32)), 404, "invalid_request_error", null);
        assertError(api.get("/v1/videos/not-a-video"), 404, "invalid_request_error", null);
        assertError(api.postJson("/v1/videos/edits", "{\"prompt\":\"p\"}"), 404, "invalid_request_error", null);

        VideosHttp.Answer badKey = new VideosHttp(baseUrl(), "sk-not-a-key").get("/v1/videos");
        assertError(badKey, 401, "invalid_request_error", null);
        assertThat(badKey.error().get("code").asString()).isEqualTo("invalid_api_key");

        VideosHttp.Answer broke = videos(0).postJson("/v1/videos", "{\"prompt\":\"p\"}");
        assertError(broke, 429, "insufficient_quota", null);
        assertThat(broke.raw().headers().firstValue("retry-after")).isPresent();
    }

    @Test
    void aCompletedVideoSendsASignedEventToTheKeysWebhookEndpoint() throws Exception {
        AdminHttp admin = new AdminHttp(baseUrl(), DATA_DIR);
        AdminHttp.Key key = admin.createKey("openai-webhooks", 1000);
        String secret = admin.post("/admin/api/keys/" + key.id() + "/webhook-secret", "").data().asString();
        KieHttp.Answer set = admin.put("/admin/api/keys/" + key.id() + "/webhook-endpoint",
                "{\"url\":\"" + RECEIVER.url("/openai") + "\"}");
        assertThat(set.code()).as(set.body().toString()).isEqualTo(200);
        assertThat(admin.put("/admin/api/keys/" + key.id() + "/webhook-endpoint", "{\"url\":\"ftp://x\"}").code())
                .isEqualTo(422);
        VideosHttp api = new VideosHttp(baseUrl(), key.secret());

        String id = api.create("{\"prompt\":\"A lantern drifts\"}");

        CallbackReceiver.Received webhook = RECEIVER.await("/openai", 1, TIMEOUT).get(0);
        JsonNode event = JSON.readTree(webhook.body());
        assertThat(event.propertyNames()).containsExactly("id", "object", "created_at", "type", "data");
        assertThat(event.get("id").asString()).startsWith("evt_");
        assertThat(event.get("object").asString()).isEqualTo("event");
        assertThat(event.get("type").asString()).isEqualTo("video.completed");
        assertThat(event.get("data")).isEqualTo(JSON.readTree("{\"id\":\"" + id + "\"}"));
        assertThat(event.get("created_at").asLong()).isEqualTo(api.get("/v1/videos/" + id).body().get("completed_at").asLong());
        CallbackVerifier.standardWebhooks(secret).verify(webhook.headers(), webhook.body());

        assertThat(admin.delete("/admin/api/keys/" + key.id() + "/webhook-endpoint").code()).isEqualTo(200);
        assertThat(admin.get("/admin/api/keys/" + key.id() + "/webhook-endpoint").data().isNull()).isTrue();
    }

    @Test
    void tasksOfOtherDialectsAndOtherKeysAreNotFoundHere() throws IOException {
        VideosHttp api = videos(1000);
        KieHttp.Answer market = kie.postJson("/api/v1/jobs/createTask", "{\"model\":\"kling-2.6/text-to-video\","
                + "\"input\":{\"prompt\":\"p\",\"sound\":false,\"aspect_ratio\":\"16:9\",\"duration\":\"5\"}}");
        String marketTask = market.data().get("taskId").asString();
        String runwayTask = kie.generate("{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");
        String mine = api.create("{\"prompt\":\"mine\"}");

        VideosHttp devKey = new VideosHttp(baseUrl(), devKey());
        assertError(devKey.get("/v1/videos/" + VideoIds.of(marketTask)), 404, "invalid_request_error", null);
        assertError(devKey.get("/v1/videos/" + VideoIds.of(runwayTask)), 404, "invalid_request_error", null);
        assertError(devKey.get("/v1/videos/" + mine), 404, "invalid_request_error", null);
        assertError(devKey.delete("/v1/videos/" + mine), 404, "invalid_request_error", null);
        assertThat(idsOf(devKey.get("/v1/videos?limit=100").body())).doesNotContain(mine);
        String mineAsTask = VideoIds.taskIdOf(mine).orElseThrow();
        assertThat(kie.get("/api/v1/jobs/recordInfo?taskId=" + mineAsTask).msg()).isEqualTo("recordInfo is null");
    }

    @Test
    void theServedApiDocumentShowsTheVideosEndpointsWithTheirExamples() throws Exception {
        JsonNode docs = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode paths = docs.get("paths");

        assertThat(paths.get("/v1/videos").propertyNames()).contains("get", "post");
        assertThat(paths.get("/v1/videos/{video_id}").propertyNames()).contains("get", "delete");
        assertThat(paths.has("/v1/videos/{video_id}/remix")).isTrue();
        assertThat(paths.has("/v1/videos/{video_id}/content")).isTrue();
        JsonNode example = paths.get("/v1/videos").get("post").get("requestBody").get("content")
                .get("application/json").get("examples").get("sora-2 text-to-video").get("value");
        assertThat(example.get("model").asString()).isEqualTo("sora-2");
        assertThat(paths.get("/v1/videos/{video_id}").get("get").get("responses").get("404").toString())
                .contains("not_found");
    }

    private static void assertError(VideosHttp.Answer answer, int status, String type, String param) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode error = answer.error();
        assertThat(error).as(answer.body().toString()).isNotNull();
        assertThat(error.propertyNames()).containsExactlyElementsOf(ERROR_KEYS);
        assertThat(error.get("type").asString()).isEqualTo(type);
        assertThat(error.get("message").asString()).isNotBlank();
        if (param == null) {
            assertThat(error.get("param").isNull()).isTrue();
        } else {
            assertThat(error.get("param").asString()).isEqualTo(param);
        }
    }

    private static List<String> idsOf(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(video -> ids.add(video.get("id").asString()));
        return ids;
    }

    private static BufferedImage decodeWithFfmpeg(Path image) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(image.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            Frame frame = grabber.grabImage();
            assertThat(frame).as("a decodable WebP").isNotNull();
            return converter.convert(frame);
        }
    }
}

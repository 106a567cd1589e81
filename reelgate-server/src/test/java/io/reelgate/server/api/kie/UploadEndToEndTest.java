package io.reelgate.server.api.kie;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.account.ApiKeyRepository;
import io.reelgate.server.account.ApiKeySecrets;
import io.reelgate.server.testsupport.ImageHost;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.MultipartBody;
import io.reelgate.server.testsupport.WithImageHost;
import io.reelgate.server.upload.UploadRetentionSweep;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The KIE File Upload API over real HTTP: the three modes, the upload envelope, names, content checks, expiry. */
class UploadEndToEndTest extends WithImageHost {

    private static final byte[] PNG = ImageHost.png(64, 48);
    private static final String UPLOADED_AT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final String NAMESPACE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static byte[] mp4;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiKeyRepository keys;

    @Autowired
    UploadRetentionSweep sweep;

    enum Mode { STREAM, URL, BASE64, DATA_URL }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void pngRoundTripsInEveryMode(Mode mode) {
        String name = "photo-" + mode.name().toLowerCase() + ".png";
        JsonNode data = success(upload(kie, mode, "images/user-uploads", name, PNG, "image/png"));

        assertThat(fieldNames(data)).containsExactly("fileName", "filePath", "downloadUrl", "fileSize", "mimeType",
                "uploadedAt");
        assertThat(data.get("fileName").asString()).isEqualTo(name);
        assertThat(data.get("filePath").asString()).matches(NAMESPACE + "/images/user-uploads/" + name);
        assertThat(data.get("downloadUrl").asString())
                .isEqualTo(baseUrl() + "/files/uploads/" + data.get("filePath").asString());
        assertThat(data.get("fileSize").isInt()).isTrue();
        assertThat(data.get("fileSize").asInt()).isEqualTo(PNG.length);
        assertThat(data.get("mimeType").asString()).isEqualTo("image/png");
        assertThat(data.get("uploadedAt").asString()).matches(UPLOADED_AT);
        assertThat(Instant.parse(data.get("uploadedAt").asString()))
                .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertDownloads(data, PNG, "image/png");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void mp4RoundTripsInEveryModeWithARandomNameWhenNoneIsGiven(Mode mode) {
        byte[] video = mp4();
        JsonNode data = success(upload(kie, mode, "/videos/", null, video, "video/mp4"));

        assertThat(data.get("fileName").asString()).matches("\\d{13}-[a-z0-9]{10}\\.mp4");
        assertThat(data.get("filePath").asString()).matches(NAMESPACE + "/videos/" + data.get("fileName").asString());
        assertThat(data.get("fileSize").asLong()).isEqualTo(video.length);
        assertThat(data.get("mimeType").asString()).isEqualTo("video/mp4");
        assertDownloads(data, video, "video/mp4");
    }

    @Test
    void theSameNameFromTheSameKeyOverwrites() {
        JsonNode first = success(upload(kie, Mode.STREAM, "same", "name.png", PNG, "image/png"));
        byte[] other = ImageHost.png(20, 20);
        JsonNode second = success(upload(kie, Mode.BASE64, "same", "name.png", other, null));

        assertThat(second.get("downloadUrl").asString()).isEqualTo(first.get("downloadUrl").asString());
        assertDownloads(second, other, "image/png");
    }

    @Test
    void keysHaveSeparateUnguessableNamespaces() {
        String secret = ApiKeySecrets.newSecret();
        keys.create("upload-test-" + UUID.randomUUID(), secret, Instant.now());
        KieHttp other = new KieHttp(baseUrl(), secret);
        byte[] otherPng = ImageHost.png(30, 30);

        JsonNode mine = success(upload(kie, Mode.STREAM, "shared", "a.png", PNG, "image/png"));
        JsonNode theirs = success(upload(other, Mode.STREAM, "shared", "a.png", otherPng, "image/png"));

        String myNamespace = mine.get("filePath").asString().split("/")[0];
        String theirNamespace = theirs.get("filePath").asString().split("/")[0];
        assertThat(myNamespace).matches(NAMESPACE).isNotEqualTo(theirNamespace);
        assertThat(theirs.get("downloadUrl").asString()).doesNotContain(myNamespace);
        assertDownloads(mine, PNG, "image/png");
        assertDownloads(theirs, otherPng, "image/png");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fileName   | ../../etc/passwd",
            "fileName   | a/../../b",
            "fileName   | ..",
            "fileName   | a\\b.png",
            "fileName   | .hidden",
            "fileName   | semi;colon.png",
            "uploadPath | ../escape",
            "uploadPath | a/../../b",
            "uploadPath | a//b",
            "uploadPath | C:\\temp",
            "uploadPath | ./here",
            "uploadPath | with space"})
    void unsafeNamesAreRefusedNamingTheField(String field, String value) {
        String uploadPath = field.equals("uploadPath") ? value : "images";
        String fileName = field.equals("fileName") ? value : "x.png";
        for (Mode mode : List.of(Mode.STREAM, Mode.BASE64)) {
            KieHttp.Answer answer = upload(kie, mode, uploadPath, fileName, PNG, "image/png");
            assertUploadError(answer, 400, null);
            assertThat(answer.msg()).startsWith(field + " ");
        }
    }

    @Test
    void tooLongNamesAreRefused() {
        assertUploadError(upload(kie, Mode.STREAM, "a".repeat(201), null, PNG, null), 400,
                "uploadPath is longer than 200 characters");
        assertUploadError(upload(kie, Mode.STREAM, "a", "b".repeat(97) + ".png", PNG, null), 400,
                "fileName is longer than 100 characters");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void missingUploadPathIsTheDocumented400(Mode mode) {
        assertUploadError(upload(kie, mode, null, "x.png", PNG, "image/png"), 400,
                "Missing required parameter: uploadPath");
    }

    @Test
    void missingContentFieldsAreNamed() {
        MultipartBody noFile = new MultipartBody().field("uploadPath", "images");
        assertUploadError(kie.send(kie.authorized(UploadPaths.STREAM).header("Content-Type", noFile.contentType())
                .POST(noFile.publisher()).build()), 400, "Missing required parameter: file");
        assertUploadError(kie.postJson(UploadPaths.URL, "{\"uploadPath\":\"images\"}"), 400,
                "Missing required parameter: fileUrl");
        assertUploadError(kie.postJson(UploadPaths.BASE64, "{\"uploadPath\":\"images\"}"), 400,
                "Missing required parameter: base64Data");
        assertUploadError(kie.post(UploadPaths.STREAM, "uploadPath=images", "application/x-www-form-urlencoded"), 400,
                "Content-Type must be multipart/form-data");
    }

    @Test
    void badBase64IsTheDocumentedMessage() {
        for (String data : List.of("not base64 at all!", "data:image/png;base64,@@@@", "data:text/plain,hello")) {
            assertUploadError(kie.postJson(UploadPaths.BASE64, "{\"uploadPath\":\"b\",\"base64Data\":\"" + data + "\"}"),
                    400, "Base64 decoding failed: Invalid Base64 format");
        }
    }

    @Test
    void contentThatContradictsItsDeclaredTypeIsRefused() {
        byte[] text = "definitely not an image".getBytes(StandardCharsets.UTF_8);
        byte[] truncatedPng = Arrays.copyOf(PNG, 60);
        String refusal = "File content does not match its declared type ";

        assertUploadError(upload(kie, Mode.STREAM, "x", "note.bin", text, "image/png"), 400, refusal + "image/png");
        assertUploadError(upload(kie, Mode.DATA_URL, "x", null, text, "image/png"), 400, refusal + "image/png");
        assertUploadError(upload(kie, Mode.URL, "x", "fake.jpg", text, "image/jpeg"), 400, refusal + "image/jpeg");
        assertUploadError(upload(kie, Mode.STREAM, "x", "broken.png", truncatedPng, null), 400, refusal + "image/png");
        assertUploadError(upload(kie, Mode.BASE64, "x", "clip.mp4", PNG, null), 400, refusal + "video/mp4");
        // a generic part type and a neutral name claim nothing: stored as it is, typed by its bytes
        JsonNode stored = success(upload(kie, Mode.STREAM, "x", "note.txt", text, "application/octet-stream"));
        assertThat(stored.get("mimeType").asString()).isEqualTo("application/octet-stream");
    }

    @Test
    void base64BeyondItsLimitIsRefused() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        big[0] = 1;
        assertUploadError(upload(kie, Mode.BASE64, "big", "big.bin", big, null), 400,
                "File is larger than 10485760 bytes");
    }

    @Test
    void unreachableUrlIsA400SayingWhy() {
        KieHttp.Answer answer = kie.postJson(UploadPaths.URL,
                "{\"uploadPath\":\"u\",\"fileUrl\":\"" + host.serve("/present", PNG).replace("/present", "/absent") + "\"}");
        assertUploadError(answer, 400, "File download failed: the server answered HTTP 404");
    }

    @Test
    void wrongKeyGetsTheUploadHosts401() {
        KieHttp stranger = new KieHttp(baseUrl(), "rg_not-a-key");
        for (Mode mode : Mode.values()) {
            assertUploadError(upload(stranger, mode, "images", "x.png", PNG, "image/png"), 401,
                    "Authentication failed: Invalid API Key");
        }
    }

    @Test
    void otherMethodsGetA405InTheUploadEnvelope() {
        KieHttp.Answer answer = kie.get(UploadPaths.STREAM);
        assertUploadError(answer, 405, null);
    }

    @Test
    void uploadsAnswerRangeRequests() {
        JsonNode data = success(upload(kie, Mode.STREAM, "range", "r.png", PNG, "image/png"));
        HttpResponse<byte[]> part = kie.getBytes(HttpRequest.newBuilder(URI.create(data.get("downloadUrl").asString()))
                .header("Range", "bytes=0-7").GET().build());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOf(PNG, 8));
    }

    @Test
    void expiredUploadsAnswer404AndTheSweepDeletesThem() {
        JsonNode data = success(upload(kie, Mode.STREAM, "expiring", "soon.png", PNG, "image/png"));
        String key = "uploads/" + data.get("filePath").asString();
        jdbc.sql("UPDATE upload SET expires_at = :past WHERE blob_key = :key")
                .param("past", java.time.LocalDateTime.of(2000, 1, 1, 0, 0)).param("key", key).update();

        assertThat(fetch(data.get("downloadUrl").asString()).statusCode()).isEqualTo(404);
        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(Files.exists(DATA_DIR.resolve("files").resolve(key))).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM upload WHERE blob_key = :key").param("key", key)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anUploadedPngCanBeTheImageOfAGeneration() {
        JsonNode data = success(upload(kie, Mode.STREAM, "inputs", "start.png", ImageHost.png(640, 360), "image/png"));
        String taskId = kie.generate("{\"prompt\":\"a slow pan over the uploaded image\",\"duration\":5,"
                + "\"quality\":\"720p\",\"imageUrl\":\"" + data.get("downloadUrl").asString() + "\"}");

        JsonNode detail = kie.awaitTerminal(taskId, Duration.ofSeconds(60));

        assertThat(detail.get("state").asString()).as(detail.toString()).isEqualTo("success");
    }

    // --- helpers ---

    private KieHttp.Answer upload(KieHttp client, Mode mode, String uploadPath, String fileName, byte[] content,
                                  String type) {
        return switch (mode) {
            case STREAM -> {
                MultipartBody body = new MultipartBody();
                if (uploadPath != null) {
                    body.field("uploadPath", uploadPath);
                }
                if (fileName != null) {
                    body.field("fileName", fileName);
                }
                body.file("file", "original-name", type, content);
                yield client.send(client.authorized(UploadPaths.STREAM).header("Content-Type", body.contentType())
                        .POST(body.publisher()).build());
            }
            case URL -> client.postJson(UploadPaths.URL, json(uploadPath, fileName, "fileUrl",
                    host.serve("/" + UUID.randomUUID(), content, type == null ? "application/octet-stream" : type)));
            case BASE64 -> client.postJson(UploadPaths.BASE64, json(uploadPath, fileName, "base64Data",
                    Base64.getEncoder().encodeToString(content)));
            case DATA_URL -> client.postJson(UploadPaths.BASE64, json(uploadPath, fileName, "base64Data",
                    "data:" + (type == null ? "" : type) + ";base64," + Base64.getEncoder().encodeToString(content)));
        };
    }

    private static String json(String uploadPath, String fileName, String contentField, String content) {
        List<String> fields = new ArrayList<>();
        if (uploadPath != null) {
            fields.add("\"uploadPath\":" + quote(uploadPath));
        }
        if (fileName != null) {
            fields.add("\"fileName\":" + quote(fileName));
        }
        fields.add("\"" + contentField + "\":" + quote(content));
        return "{" + String.join(",", fields) + "}";
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static JsonNode success(KieHttp.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(fieldNames(answer.body())).containsExactly("success", "code", "msg", "data");
        assertThat(answer.body().get("success").asBoolean()).as(answer.body().toString()).isTrue();
        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.msg()).isEqualTo("File uploaded successfully");
        return answer.data();
    }

    private static void assertUploadError(KieHttp.Answer answer, int code, String msg) {
        assertThat(fieldNames(answer.body())).as(answer.body().toString()).containsExactly("success", "code", "msg", "data");
        assertThat(answer.body().get("success").asBoolean()).isFalse();
        assertThat(answer.code()).as(answer.body().toString()).isEqualTo(code);
        assertThat(answer.data().isNull()).isTrue();
        if (msg != null) {
            assertThat(answer.msg()).isEqualTo(msg);
        }
    }

    private void assertDownloads(JsonNode data, byte[] expected, String contentType) {
        HttpResponse<byte[]> download = fetch(data.get("downloadUrl").asString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("content-type")).hasValue(contentType);
        assertThat(download.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(download.body()).isEqualTo(expected);
    }

    private HttpResponse<byte[]> fetch(String url) {
        return kie.getBytes(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    /** One real MP4 from the preview engine, made on first use and shared by the MP4 tests. */
    private byte[] mp4() {
        synchronized (UploadEndToEndTest.class) {
            if (mp4 == null) {
                String taskId = kie.generate("{\"prompt\":\"uploaded clip\",\"duration\":5,\"quality\":\"720p\","
                        + "\"aspectRatio\":\"16:9\"}");
                JsonNode detail = kie.awaitTerminal(taskId, Duration.ofSeconds(60));
                mp4 = fetch(detail.get("videoInfo").get("videoUrl").asString()).body();
            }
            return mp4;
        }
    }
}

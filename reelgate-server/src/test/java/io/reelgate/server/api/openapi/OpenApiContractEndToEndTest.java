package io.reelgate.server.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.EndToEndTest;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.MultipartBody;
import io.reelgate.server.testsupport.OpenApiSchemaCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real answers of every KIE endpoint (successes and typical errors) checked against the schemas the server itself
 * serves at {@code /v3/api-docs}, without a key. A renamed, retyped, missing or extra field fails.
 */
class OpenApiContractEndToEndTest extends EndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** One finished generate task shared by the tests (the server and data directory are shared too). */
    private static JsonNode finished;

    private OpenApiSchemaCheck openApi;

    @BeforeEach
    void loadDocument() throws Exception {
        HttpResponse<String> docs = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).as("api-docs without a key").isEqualTo(200);
        openApi = new OpenApiSchemaCheck(JSON.readTree(docs.body()));
        if (finished == null) {
            finished = kie.awaitTerminal(kie.generate("""
                    {"prompt":"a lighthouse at dusk, waves rolling","duration":5,"quality":"720p","aspectRatio":"16:9"}"""),
                    TIMEOUT);
            assertThat(finished.get("state").asString()).isEqualTo("success");
        }
    }

    @Test
    void runwayGenerateRecordDetailAndExtendMatchTheirSchemas() {
        String generate = "/api/v1/runway/generate";
        KieHttp.Answer accepted = kie.postJson(generate, """
                {"prompt":"a red kite over a beach","duration":5,"quality":"720p","aspectRatio":"9:16"}""");
        assertMatches(generate, "post", accepted);
        assertMatches(generate, "post", kie.postJson(generate, "{\"prompt\":\"" + "x".repeat(1801)
                + "\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}"));

        String detail = "/api/v1/runway/record-detail";
        KieHttp.Answer success = kie.get(detail + "?taskId=" + finished.get("taskId").asString());
        assertThat(success.data().get("failCode").asString()).as("no failure: empty string").isEmpty();
        assertMatches(detail, "get", success);
        assertMatches(detail, "get", kie.get(detail + "?taskId=" + accepted.data().get("taskId").asString()));
        assertMatches(detail, "get", kie.get(detail + "?taskId=no-such-task"));

        // a cancelled task: failCode is an integer, videoInfo null
        String cancelled = kie.generate("""
                {"prompt":"to be cancelled","duration":5,"quality":"720p","aspectRatio":"1:1"}""");
        kie.postJson("/api/v1/tasks/" + cancelled + "/cancel", "{}");
        JsonNode failed = kie.awaitTerminal(cancelled, TIMEOUT);
        assertThat(failed.get("failCode").isIntegralNumber()).isTrue();
        assertMatches(detail, "get", kie.get(detail + "?taskId=" + cancelled));

        String extend = "/api/v1/runway/extend";
        KieHttp.Answer extended = kie.postJson(extend, "{\"taskId\":\"" + finished.get("taskId").asString()
                + "\",\"prompt\":\"the light turns on\",\"quality\":\"720p\"}");
        assertThat(extended.code()).isEqualTo(200);
        assertMatches(extend, "post", extended);
        assertMatches(extend, "post", kie.postJson(extend, "{\"prompt\":\"no task\",\"quality\":\"720p\"}"));
        String extensionId = extended.data().get("taskId").asString();
        kie.awaitTerminal(extensionId, TIMEOUT);
        assertMatches(detail, "get", kie.get(detail + "?taskId=" + extensionId));
    }

    @Test
    void alephGenerateAndRecordInfoMatchTheirSchemas() throws Exception {
        String generate = "/api/v1/aleph/generate";
        KieHttp.Answer accepted = kie.postJson(generate, "{\"prompt\":\"make it black and white\",\"videoUrl\":\""
                + finished.get("videoInfo").get("videoUrl").asString() + "\"}");
        assertThat(accepted.code()).as(accepted.body().toString()).isEqualTo(200);
        assertMatches(generate, "post", accepted);
        assertMatches(generate, "post", kie.postJson(generate, "{\"prompt\":\"no video\"}"));

        String info = "/api/v1/aleph/record-info";
        String taskId = accepted.data().get("taskId").asString();
        assertMatches(info, "get", kie.get(info + "?taskId=" + taskId)); // probably still running: nulls
        KieHttp.Answer answer = Await.atMost(TIMEOUT, () -> kie.get(info + "?taskId=" + taskId),
                a -> a.data().get("successFlag").asInt() != 0 || !a.data().get("errorMessage").asString().isEmpty());
        assertThat(answer.data().get("successFlag").asInt()).as(answer.body().toString()).isEqualTo(1);
        assertMatches(info, "get", answer);
        assertMatches(info, "get", kie.get(info + "?taskId=no-such-task"));
    }

    @Test
    void commonAndUploadEndpointsMatchTheirSchemas() {
        assertMatches("/api/v1/chat/credit", "get", kie.get("/api/v1/chat/credit"));
        assertMatches("/api/v1/chat/credit", "get", new KieHttp(baseUrl(), "rg_wrong").get("/api/v1/chat/credit"));

        String downloadUrl = "/api/v1/common/download-url";
        KieHttp.Answer signed = kie.postJson(downloadUrl, "{\"url\":\"" + finished.get("videoInfo").get("videoUrl").asString() + "\"}");
        assertThat(signed.code()).isEqualTo(200);
        assertMatches(downloadUrl, "post", signed);
        assertMatches(downloadUrl, "post", kie.postJson(downloadUrl, "{\"url\":\"https://example.com/a.mp4\"}"));

        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        MultipartBody form = new MultipartBody().field("uploadPath", "contract/stream").field("fileName", "dot.png")
                .file("file", "dot.png", "image/png", png);
        KieHttp.Answer streamed = kie.send(kie.authorized("/api/file-stream-upload")
                .header("Content-Type", form.contentType()).POST(form.publisher()).build());
        assertThat(streamed.code()).as(streamed.body().toString()).isEqualTo(200);
        assertMatches("/api/file-stream-upload", "post", streamed);

        KieHttp.Answer base64 = kie.postJson("/api/file-base64-upload", "{\"base64Data\":\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\",\"uploadPath\":\"contract/base64\"}");
        assertThat(base64.code()).isEqualTo(200);
        assertMatches("/api/file-base64-upload", "post", base64);
        assertMatches("/api/file-base64-upload", "post", kie.postJson("/api/file-base64-upload", "{\"base64Data\":\"AAAA\"}"));

        KieHttp.Answer fromUrl = kie.postJson("/api/file-url-upload", "{\"fileUrl\":\""
                + finished.get("videoInfo").get("imageUrl").asString() + "\",\"uploadPath\":\"contract/url\"}");
        assertThat(fromUrl.code()).as(fromUrl.body().toString()).isEqualTo(200);
        assertMatches("/api/file-url-upload", "post", fromUrl);
    }

    /** The check itself is not vacuous: a renamed, a retyped and a dropped field are each caught. */
    @Test
    void theCheckCatchesRenamedRetypedAndMissingFields() {
        JsonNode schema = openApi.responseSchema("/api/v1/runway/record-detail", "get");
        JsonNode real = kie.get("/api/v1/runway/record-detail?taskId=" + finished.get("taskId").asString()).body();
        assertThat(openApi.violations(schema, real)).isEmpty();

        ObjectNode renamed = (ObjectNode) real.deepCopy();
        ObjectNode data = (ObjectNode) renamed.get("data");
        data.set("expire_flag", data.remove("expireFlag"));
        assertThat(openApi.violations(schema, renamed)).anyMatch(v -> v.contains("expire_flag"))
                .anyMatch(v -> v.contains("expireFlag is missing"));

        ObjectNode retyped = (ObjectNode) real.deepCopy();
        ((ObjectNode) retyped.get("data").get("videoInfo")).put("videoUrl", 42);
        assertThat(openApi.violations(schema, retyped)).anyMatch(v -> v.contains("$.data.videoInfo"));

        ObjectNode credit = (ObjectNode) kie.get("/api/v1/chat/credit").body().deepCopy();
        credit.put("data", "100");
        assertThat(openApi.violations(openApi.responseSchema("/api/v1/chat/credit", "get"), credit)).isNotEmpty();
    }

    private void assertMatches(String path, String method, KieHttp.Answer answer) {
        List<String> violations = openApi.violations(openApi.responseSchema(path, method), answer.body());
        assertThat(violations).as("%s %s answered %s", method.toUpperCase(), path, answer.body()).isEmpty();
    }
}

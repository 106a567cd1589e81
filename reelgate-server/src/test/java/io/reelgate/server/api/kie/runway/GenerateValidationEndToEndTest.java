package io.reelgate.server.api.kie.runway;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.account.ApiKeyRepository;
import io.reelgate.server.account.ApiKeySecrets;
import io.reelgate.server.testsupport.EndToEndTest;
import io.reelgate.server.testsupport.KieHttp.Answer;
import io.reelgate.server.testsupport.KieHttp;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every documented rule of generate and record-detail, answered over HTTP with the KIE code and a message. */
class GenerateValidationEndToEndTest extends EndToEndTest {

    @Autowired
    ApiKeyRepository keys;

    @Autowired
    JdbcClient jdbc;

    static Stream<Arguments> invalidBodies() {
        String longPrompt = "x".repeat(1801);
        return Stream.of(
                Arguments.of("missing prompt", "{\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}", "prompt is required"),
                Arguments.of("blank prompt", "{\"prompt\":\"  \",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}", "prompt is required"),
                Arguments.of("prompt not a string", "{\"prompt\":42,\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}", "prompt must be a string"),
                Arguments.of("prompt over 1800", "{\"prompt\":\"" + longPrompt + "\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}",
                        "prompt must be at most 1800 characters (got 1801)"),
                Arguments.of("missing duration", "{\"prompt\":\"p\",\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}", "duration is required (5, 8 or 10)"),
                Arguments.of("duration 7", "{\"prompt\":\"p\",\"duration\":7,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}", "duration must be 5, 8 or 10 (got 7)"),
                Arguments.of("duration text", "{\"prompt\":\"p\",\"duration\":\"five\",\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}", "duration must be a whole number"),
                Arguments.of("duration fraction", "{\"prompt\":\"p\",\"duration\":5.5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}", "duration must be a whole number"),
                Arguments.of("missing quality", "{\"prompt\":\"p\",\"duration\":5,\"aspectRatio\":\"16:9\"}", "quality is required (720p or 1080p)"),
                Arguments.of("quality 4k", "{\"prompt\":\"p\",\"duration\":5,\"quality\":\"4k\",\"aspectRatio\":\"16:9\"}", "quality must be 720p or 1080p (got 4k)"),
                Arguments.of("1080p with 10 s", "{\"prompt\":\"p\",\"duration\":10,\"quality\":\"1080p\",\"aspectRatio\":\"16:9\"}",
                        "quality 1080p is only available with duration 5 (got duration 10)"),
                Arguments.of("1080p with 8 s", "{\"prompt\":\"p\",\"duration\":\"8\",\"quality\":\"1080p\",\"aspectRatio\":\"16:9\"}",
                        "quality 1080p is only available with duration 5 (got duration 8)"),
                Arguments.of("text-only without ratio", "{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\"}",
                        "aspectRatio is required when imageUrl is not provided"),
                Arguments.of("ratio 21:9", "{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"21:9\"}",
                        "aspectRatio must be one of 16:9, 4:3, 1:1, 3:4, 9:16 (got 21:9)"),
                Arguments.of("imageUrl ftp", "{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"imageUrl\":\"ftp://example.com/a.png\"}",
                        "imageUrl must be an absolute http or https URL"),
                Arguments.of("imageUrl relative", "{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"imageUrl\":\"/a.png\"}",
                        "imageUrl must be an absolute http or https URL"),
                Arguments.of("callBackUrl not a URL", "{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\",\"callBackUrl\":\"not a url\"}",
                        "callBackUrl must be an absolute http or https URL"),
                Arguments.of("waterMark not a string", "{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\",\"waterMark\":true}",
                        "waterMark must be a string"),
                Arguments.of("body is an array", "[1,2]", "Request body must be a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void invalidGenerateIsRefusedWith422NamingTheField(String rule, String body, String message) {
        int before = countTasks();

        Answer answer = kie.postJson("/api/v1/runway/generate", body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.code()).isEqualTo(422);
        assertThat(answer.msg()).isEqualTo(message);
        assertThat(answer.data().isNull()).isTrue();
        assertThat(countTasks()).as("no task created").isEqualTo(before);
    }

    @Test
    void lenientInputIsAcceptedAsKieAcceptsIt() {
        Answer answer = kie.postJson("/api/v1/runway/generate", """
                {"prompt":"a lighthouse at dusk","duration":"10","quality":"720P","aspectRatio":"9:16",
                 "model":"runway-duration-5-generate","expandPrompt":true,"waterMark":"","callBackUrl":"",
                 "resolution":"whatever","nested":{"unknown":[1,2,3]}}
                """);

        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.msg()).isEqualTo("success");
        String taskId = answer.data().get("taskId").asString();
        var detail = kie.detail(taskId);
        assertThat(detail.get("generateParam").get("prompt").asString()).isEqualTo("a lighthouse at dusk");
        assertThat(detail.get("generateParam").get("expandPrompt").asBoolean()).isTrue();
        assertThat(detail.get("generateParam").get("imageUrl").asString()).isEmpty();
    }

    @Test
    void aspectRatioIsIgnoredWhenAnImageIsGiven() {
        Answer answer = kie.postJson("/api/v1/runway/generate",
                "{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"imageUrl\":\"https://example.com/a.png\",\"aspectRatio\":\"21:9\"}");

        assertThat(answer.code()).isEqualTo(200);
    }

    @Test
    void malformedJsonIsA400NotA500() {
        Answer answer = kie.postJson("/api/v1/runway/generate", "{\"prompt\": \"unterminated");

        assertThat(answer.code()).isEqualTo(400);
        assertThat(answer.msg()).startsWith("Request body is not valid JSON");
    }

    @Test
    void aBodyOverTheJsonLimitIsA400BeforeItIsParsed() {
        Answer answer = kie.postJson("/api/v1/runway/generate", "{\"prompt\":\"" + "x".repeat(1_100_000) + "\"}");

        assertThat(answer.code()).isEqualTo(400);
        assertThat(answer.msg()).isEqualTo("Request body is larger than 1048576 bytes");
    }

    @Test
    void emptyBodyIsA400() {
        Answer answer = kie.postJson("/api/v1/runway/generate", "");

        assertThat(answer.code()).isEqualTo(400);
        assertThat(answer.msg()).isEqualTo("Request body is empty; send a JSON object");
    }

    @Test
    void wrongContentTypeIsA400NamingTheExpectedType() {
        Answer form = kie.post("/api/v1/runway/generate", "prompt=hello", "application/x-www-form-urlencoded");
        Answer text = kie.post("/api/v1/runway/generate", "{\"prompt\":\"p\"}", "text/plain");

        assertThat(form.code()).isEqualTo(400);
        assertThat(form.msg()).isEqualTo("Content-Type must be application/json (got application/x-www-form-urlencoded)");
        assertThat(text.code()).isEqualTo(400);
    }

    @Test
    void missingContentTypeIsToleratedLikeKie() {
        Answer answer = kie.post("/api/v1/runway/generate",
                "{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}", null);

        assertThat(answer.code()).isEqualTo(200);
    }

    @Test
    void missingOrWrongKeyGetsTheDocumented401() {
        KieHttp stranger = new KieHttp(baseUrl(), "rg_not-a-key");
        Answer wrong = stranger.postJson("/api/v1/runway/generate", "{}");
        Answer none = kie.send(HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/runway/record-detail?taskId=x"))
                .GET().build());
        Answer otherScheme = kie.send(HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/runway/record-detail?taskId=x"))
                .header("Authorization", "Basic abc").GET().build());

        for (Answer answer : new Answer[] {wrong, none, otherScheme}) {
            assertThat(answer.code()).isEqualTo(401);
            assertThat(answer.msg()).isEqualTo("You do not have access permissions");
            assertThat(answer.data().isNull()).isTrue();
        }
    }

    @Test
    void unknownTaskIsTheDocumentedNotFound() {
        Answer answer = kie.get("/api/v1/runway/record-detail?taskId=00000000-0000-0000-0000-000000000000");

        assertThat(answer.code()).isEqualTo(404);
        assertThat(answer.msg()).isEqualTo("Task not found: 00000000-0000-0000-0000-000000000000");
    }

    @Test
    void missingTaskIdIsA422NamingIt() {
        Answer answer = kie.get("/api/v1/runway/record-detail");

        assertThat(answer.code()).isEqualTo(422);
        assertThat(answer.msg()).isEqualTo("taskId is required");
    }

    @Test
    void anotherKeysTaskLooksExactlyLikeAMissingOne() {
        String secret = ApiKeySecrets.newSecret();
        keys.create("other", secret, Instant.now());
        KieHttp other = new KieHttp(baseUrl(), secret);
        String taskId = kie.generate("{\"prompt\":\"mine\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");

        Answer answer = other.get("/api/v1/runway/record-detail?taskId=" + taskId);

        assertThat(answer.code()).isEqualTo(404);
        assertThat(answer.msg()).isEqualTo("Task not found: " + taskId);
    }

    @Test
    void wrongMethodAndUnknownEndpointAreEnvelopes() {
        Answer method = kie.send(kie.authorized("/api/v1/runway/generate").DELETE().build());
        Answer unknown = kie.get("/api/v1/runway/nothing-here");

        assertThat(method.code()).isEqualTo(405);
        assertThat(unknown.code()).isEqualTo(404);
    }

    private int countTasks() {
        return jdbc.sql("SELECT COUNT(*) FROM task").query(Integer.class).single();
    }
}

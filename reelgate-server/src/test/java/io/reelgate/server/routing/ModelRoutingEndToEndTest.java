package io.reelgate.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.FakeRunway;
import io.reelgate.server.testsupport.HostedEngineProperties;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.TestDataDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * How a registry model's task finds its engine when a real engine runs (runway, against a fake Runway API): a
 * route's {@code accepts} refuses at submit with a 422 naming the field, the preview sandbox no longer catches what
 * the real engine cannot serve, and an operator's per-model list is the task's failover list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelRoutingEndToEndTest {

    private static final Path DATA_DIR = TestDataDirs.fresh("reelgate-model-routing-");
    private static final FakeRunway RUNWAY = new FakeRunway();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Runway's own entry, twice, with a route that only serves 5-second clips. */
    private static final String ENTRY = """
            {"id": "%s", "family": "runway", "modes": ["text-to-video"], "dialects": ["kie-market"],
             "fields": {"prompt": {"type": "string", "required": true},
                        "duration": {"type": "integer-duration", "values": [5, 10], "default": 5},
                        "aspect_ratio": {"type": "string", "values": ["16:9", "9:16"], "default": "16:9"}},
             "render": {"prompt": "prompt", "duration": "duration", "aspectRatio": {"field": "aspect_ratio"}},
             "price": [{"when": {"duration": 5}, "credits": 12}, {"when": {"duration": 10}, "credits": 30}],
             "routes": [{"engine": "runway", "accepts": {"duration": [5]}}, {"engine": "preview"}]}""";

    @LocalServerPort
    int port;

    private KieHttp kie;

    @DynamicPropertySource
    static void runwayRuns(DynamicPropertyRegistry registry) {
        RUNWAY.configure(registry);
        HostedEngineProperties.of(registry, DATA_DIR, "runway").backoffUpTo("50ms")
                .set("routing.models[test/runway-or-preview]", "runway,preview");
        registry.add("reelgate.models.file", ModelRoutingEndToEndTest::modelsFile);
    }

    private static String modelsFile() {
        try {
            Path file = DATA_DIR.resolveSibling(DATA_DIR.getFileName() + "-models.json");
            Files.writeString(file, "{\"models\": [" + ENTRY.formatted("test/runway-five") + ","
                    + ENTRY.formatted("test/runway-or-preview") + "]}");
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void connect() {
        kie = KieHttp.onLoopback(port, DATA_DIR);
    }

    @AfterAll
    static void stopFake() {
        RUNWAY.close();
    }

    @Test
    void aValueNoRunningRouteAcceptsIsRefusedAtSubmitNamingTheFieldNotRenderedAsAPreview() {
        long before = balance();

        KieHttp.Answer refused = kie.postJson("/api/v1/jobs/createTask",
                "{\"model\":\"test/runway-five\",\"input\":{\"prompt\":\"a ten second kite\",\"duration\":10}}");

        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.msg()).contains("duration").contains("runway").contains("\"5\"");
        assertThat(balance()).as("nothing charged").isEqualTo(before);
    }

    @Test
    void anAcceptedValueGoesToTheRealEngine() {
        String id = "6b1d2c3e-7f80-4b1a-9c2d-0000000000b1";
        RUNWAY.acceptCreate("text_to_video", "a five second kite", id);
        RUNWAY.taskAnswers(id, RUNWAY.succeeded(id));

        String task = kie.postJson("/api/v1/jobs/createTask",
                "{\"model\":\"test/runway-five\",\"input\":{\"prompt\":\"a five second kite\",\"duration\":5}}")
                .data().get("taskId").asString();

        JsonNode view = Await.until(TIMEOUT, "the task ends", () -> kie.get("/api/v1/tasks/" + task).data(),
                t -> t.get("state").asString().equals("success") || t.get("state").asString().equals("fail"));
        assertThat(view.get("state").asString()).isEqualTo("success");
        assertThat(view.get("engine").asString()).isEqualTo("runway");
        assertThat(view.get("upstream").get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void theOperatorsListForAModelIsItsFailoverListWhenTheFirstEngineIsUnavailable() {
        RUNWAY.createAnswers("text_to_video", "runway is down", FakeRunway.error(503, "unavailable"));

        String task = kie.postJson("/api/v1/jobs/createTask",
                "{\"model\":\"test/runway-or-preview\",\"input\":{\"prompt\":\"runway is down\",\"duration\":5}}")
                .data().get("taskId").asString();

        JsonNode view = Await.until(TIMEOUT, "the task ends", () -> kie.get("/api/v1/tasks/" + task).data(),
                t -> t.get("state").asString().equals("success") || t.get("state").asString().equals("fail"));
        assertThat(view.get("state").asString()).isEqualTo("success");
        assertThat(view.get("engine").asString()).as("moved to the next engine of its list").isEqualTo("preview");
    }

    private long balance() {
        return kie.get("/api/v1/chat/credit").body().get("data").asLong();
    }
}

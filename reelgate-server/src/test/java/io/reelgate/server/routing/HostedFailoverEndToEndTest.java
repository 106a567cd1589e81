package io.reelgate.server.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.FakeReplicate;
import io.reelgate.server.testsupport.FakeVeo;
import io.reelgate.server.testsupport.HostedEngineProperties;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.TestDataDirs;
import io.reelgate.server.testsupport.VideoProbe;
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
 * Failover between two hosted engines of one registry model: KIE Veo's {@code veo3_fast} routes to Google's Gemini
 * API first and Replicate's {@code google/veo-3-fast} next (both fakes over real sockets). Google keeps answering 503,
 * so the task moves to Replicate, which makes the video; the client sees one task, charged once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostedFailoverEndToEndTest {

    private static final Path DATA_DIR = TestDataDirs.fresh("reelgate-hosted-failover-");
    private static final FakeVeo VEO = new FakeVeo();
    private static final FakeReplicate REPLICATE = new FakeReplicate();
    private static final String FAST = "veo-3.1-fast-generate-preview";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    private KieHttp kie;

    @DynamicPropertySource
    static void twoHostedEngines(DynamicPropertyRegistry registry) {
        VEO.configure(registry);
        REPLICATE.configure(registry);
        HostedEngineProperties.of(registry, DATA_DIR, "veo").backoffUpTo("50ms");
        registry.add("reelgate.engine.replicate.poll-interval", () -> "100ms");
    }

    @BeforeEach
    void connect() {
        kie = KieHttp.onLoopback(port, DATA_DIR);
    }

    @AfterAll
    static void stopFakes() {
        VEO.close();
        REPLICATE.close();
    }

    @Test
    void aProviderThatKeepsAnswering503HandsTheTaskToTheModelsNextEngine() throws Exception {
        String prompt = "google is overloaded";
        VEO.createAnswers(FAST, prompt, FakeVeo.error(503, "UNAVAILABLE", "The model is overloaded.", null));
        String prediction = "failoverprediction0000001";
        REPLICATE.createAnswers("/models/google/veo-3-fast/predictions", prompt, FakeReplicate.created(prediction));
        REPLICATE.predictionAnswers(prediction, FakeReplicate.status(prediction, "processing"),
                REPLICATE.succeeded(prediction));
        long before = balance();

        KieHttp.Answer submitted = kie.postJson("/api/v1/veo/generate",
                "{\"prompt\":\"" + prompt + "\",\"model\":\"veo3_fast\",\"aspectRatio\":\"16:9\"}");
        assertThat(submitted.code()).as("answered %s", submitted.body()).isEqualTo(200);
        String taskId = submitted.data().get("taskId").asString();

        JsonNode view = Await.until(TIMEOUT, "the task ends", () -> kie.get("/api/v1/tasks/" + taskId).data(),
                t -> t.get("state").asString().equals("success") || t.get("state").asString().equals("fail"));
        assertThat(view.get("state").asString()).as("task view %s", view).isEqualTo("success");
        assertThat(view.get("engine").asString()).isEqualTo("replicate");
        assertThat(view.get("upstream").get("usage").get("predictSeconds").asDouble()).isEqualTo(82.01);
        assertThat(VEO.api().findAll(postRequestedFor(urlEqualTo(FakeVeo.createPath(FAST))))).as("Google was tried")
                .isNotEmpty();
        REPLICATE.server().verify(1, postRequestedFor(urlEqualTo("/v1/models/google/veo-3-fast/predictions")));
        assertThat(before - balance()).as("charged once").isEqualTo(view.get("cost").asLong());
        Path video = Files.createTempFile(DATA_DIR, "failover", ".mp4");
        try (var in = java.net.URI.create(view.get("videoUrl").asString()).toURL().openStream()) {
            Files.write(video, in.readAllBytes());
        }
        assertThat(VideoProbe.probe(video).codecName()).isEqualTo("h264");
    }

    private long balance() {
        return kie.get("/api/v1/chat/credit").body().get("data").asLong();
    }
}

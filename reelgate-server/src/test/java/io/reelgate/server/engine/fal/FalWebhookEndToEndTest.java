package io.reelgate.server.engine.fal;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.FakeFal;
import io.reelgate.server.testsupport.HostedEngineProperties;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.TestDataDirs;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * fal reporting a request's end to {@code /webhooks/fal/{taskId}} over HTTP, signed with Ed25519 by the key its JWKS
 * publishes: the submit names the task's webhook URL, a verified delivery finishes the task long before the 60 s
 * safety-net poll, a forged one is refused, and a repeat after the end changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FalWebhookEndToEndTest {

    @LocalServerPort
    int port;

    private static final Path DATA_DIR = TestDataDirs.fresh("reelgate-fal-webhook-");
    private static final FakeFal FAL = new FakeFal();
    private static final String PUBLIC_BASE = "https://reelgate.example";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void falWithWebhooks(DynamicPropertyRegistry registry) {
        FAL.configure(registry);
        // the safety-net poll stays at its default of a minute: only the webhook can finish a task within TIMEOUT
        HostedEngineProperties.of(registry, DATA_DIR, "fal").routes("generate").unlimitedRates()
                .set("api.public-base-url", PUBLIC_BASE);
    }

    @AfterAll
    static void stopFal() {
        FAL.close();
    }

    @Test
    void aSignedWebhookFinishesTheTaskAForgedOneIsRefusedAndARepeatChangesNothing() throws Exception {
        KieHttp kie = KieHttp.onLoopback(port, DATA_DIR);
        String id = "80e7a1b2-0000-4000-8000-0000000000a1";
        FAL.submitAnswers(FalEngineEndToEndTest.T2V, FakeFal.accepted(FalEngineEndToEndTest.APP, id));
        FAL.statusAnswers(FalEngineEndToEndTest.APP, id, FakeFal.completed(id, 12.5));
        FAL.resultVideo(FalEngineEndToEndTest.APP, id);

        String taskId = kie.generate("{\"prompt\":\"a kite\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");
        var submit = Await.until(TIMEOUT, "the submit reaches fal",
                () -> FAL.server().findAll(postRequestedFor(urlPathEqualTo("/" + FalEngineEndToEndTest.T2V))), r -> !r.isEmpty()).get(0);
        String webhook = URLDecoder.decode(submit.queryParameter("fal_webhook").firstValue(), StandardCharsets.UTF_8);
        assertThat(webhook).isEqualTo(PUBLIC_BASE + "/webhooks/fal/" + taskId);
        Await.until(TIMEOUT, "the task is parked at fal",
                () -> kie.get("/api/v1/tasks/" + taskId).data().get("upstream"), upstream -> upstream != null
                        && !upstream.isNull());
        assertThat(statusReads(id)).as("no poll before the safety net's minute").isZero();

        byte[] body = FAL.webhookOk(id).getBytes(StandardCharsets.UTF_8);
        long now = System.currentTimeMillis() / 1000;
        Map<String, String> signed = FAL.webhookHeaders(id, now, body);
        byte[] tampered = FAL.webhookOk(id).replace("output.mp4", "other.mp4").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> forged = deliver(taskId, signed, tampered);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("signature verification failed");
        assertThat(kie.detail(taskId).get("state").asString()).isEqualTo("generating");

        long delivered = System.nanoTime();
        assertThat(deliver(taskId, signed, body).statusCode()).isEqualTo(200);
        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);
        assertThat(detail.get("state").asString()).isEqualTo("success");
        assertThat(Duration.ofNanos(System.nanoTime() - delivered)).isLessThan(TIMEOUT);
        assertThat(statusReads(id)).as("the webhook made the task due; the poll confirmed it").isEqualTo(1);

        assertThat(deliver(taskId, signed, body).statusCode()).as("a repeat is received").isEqualTo(200);
        assertThat(kie.detail(taskId).get("state").asString()).isEqualTo("success");
        JsonNode view = kie.get("/api/v1/tasks/" + taskId).data();
        assertThat(view.get("cost").asLong()).as("charged once").isPositive();
        assertThat(statusReads(id)).as("nothing re-read for a task that ended").isEqualTo(1);
    }

    private int statusReads(String requestId) {
        return FAL.server().findAll(getRequestedFor(urlPathEqualTo("/" + FalEngineEndToEndTest.APP + "/requests/" + requestId + "/status")))
                .size();
    }

    private HttpResponse<String> deliver(String taskId, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/fal/"
                + taskId)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

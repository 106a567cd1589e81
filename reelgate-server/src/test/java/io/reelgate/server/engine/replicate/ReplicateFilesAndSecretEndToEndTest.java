package io.reelgate.server.engine.replicate;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.FakeReplicate;
import io.reelgate.server.testsupport.HostedEngineProperties;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.LoopbackWireMock;
import io.reelgate.server.testsupport.TestDataDirs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What the other Replicate tests configure away: an input image above the 256 KB data-URL limit goes to Replicate's
 * file store ({@code POST /files}) and the prediction reads it from there, and with no webhook secret configured the
 * engine fetches the account's secret once ({@code GET /webhooks/default/secret}) to verify deliveries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplicateFilesAndSecretEndToEndTest {

    private static final String FILE_URL = "https://api.replicate.com/v1/files/cneqzikepnug6xezperrr4z55o";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Path DATA_DIR = TestDataDirs.fresh("reelgate-replicate-files-");
    private static final FakeReplicate REPLICATE = new FakeReplicate();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void replicateWithoutASecret(DynamicPropertyRegistry registry) {
        REPLICATE.configure(registry);
        registry.add("reelgate.engine.replicate.webhook-secret", () -> "");
        // the safety-net poll stays at a minute: only the webhook can finish the task within TIMEOUT
        HostedEngineProperties.of(registry, DATA_DIR, "replicate").routes("generate").unlimitedRates()
                .set("api.public-base-url", "https://gateway.example");
    }

    @AfterAll
    static void stopReplicate() {
        REPLICATE.close();
    }

    @Test
    void aLargeImageGoesThroughTheFileStoreAndTheFetchedSecretVerifiesTheWebhook() throws Exception {
        byte[] image = noisyPng();
        String id = "q7w8e9r0t1y2u3i4o5p6a7s8d9";
        KieHttp kie = KieHttp.onLoopback(port, DATA_DIR);
        assertThat(image.length).as("above the data-URL limit").isGreaterThan((int) ReplicateInputs.DATA_URI_LIMIT);
        LoopbackWireMock.serve(REPLICATE.server(), urlPathEqualTo("/inputs/noise.png"), image, "image/png");
        REPLICATE.server().stubFor(post(urlEqualTo("/v1/files")).willReturn(WireMock.aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"cneqzikepnug6xezperrr4z55o\","
                        + "\"content_type\":\"image/png\",\"size\":" + image.length + ",\"urls\":{\"get\":\"" + FILE_URL
                        + "\"}}")));
        REPLICATE.server().stubFor(WireMock.get(urlEqualTo("/v1/webhooks/default/secret"))
                .willReturn(WireMock.okJson("{\"key\":\"" + FakeReplicate.WEBHOOK_SECRET + "\"}")));
        REPLICATE.createAnswers("/models/bytedance/seedance-1-pro/predictions", "a noisy frame",
                FakeReplicate.created(id));
        REPLICATE.predictionAnswers(id, REPLICATE.succeeded(id));

        String taskId = kie.generate("{\"prompt\":\"a noisy frame\",\"duration\":5,\"quality\":\"720p\",\"imageUrl\":\""
                + REPLICATE.baseUrl() + "/inputs/noise.png\"}");
        var create = Await.until(TIMEOUT, "the create", () -> REPLICATE.server().findAll(
                postRequestedFor(urlPathEqualTo("/v1/models/bytedance/seedance-1-pro/predictions"))), r -> !r.isEmpty());
        assertThat(create.get(0).getBodyAsString()).contains("\"image\":\"" + FILE_URL + "\"").doesNotContain("data:");
        var upload = REPLICATE.server().findAll(postRequestedFor(urlEqualTo("/v1/files"))
                .withHeader("Authorization", equalTo("Bearer " + FakeReplicate.TOKEN)));
        assertThat(upload).hasSize(1);
        assertThat(upload.get(0).getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(upload.get(0).getBody().length).isGreaterThan(image.length);
        assertThat(upload.get(0).getBodyAsString()).contains("name=\"content\"").contains("Content-Type: image/png");

        byte[] body = REPLICATE.succeededBody(id).getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String signature = "v1," + ReplicateEngineEndToEndTest.sign("msg_1", now, body);
        assertThat(deliver(taskId, body, "msg_1", now, "v1,AAAA")).as("forged").isEqualTo(401);
        assertThat(deliver(taskId, body, "msg_1", now, signature)).isEqualTo(200);
        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);
        assertThat(detail.get("state").asString()).isEqualTo("success");
        assertThat(deliver(taskId, body, "msg_1", now, signature)).as("a repeat").isEqualTo(200);
        REPLICATE.server().verify(1, getRequestedFor(urlEqualTo("/v1/webhooks/default/secret"))
                .withHeader("Authorization", equalTo("Bearer " + FakeReplicate.TOKEN)));
    }

    private int deliver(String taskId, byte[] body, String id, long timestamp, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/replicate/"
                        + taskId)).header("Content-Type", "application/json").header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp)).header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** Random pixels do not compress: a 400x400 PNG of them is about 480 KB. */
    private static byte[] noisyPng() throws Exception {
        BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 400; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

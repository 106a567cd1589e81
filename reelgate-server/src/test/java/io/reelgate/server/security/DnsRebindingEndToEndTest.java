package io.reelgate.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.fetch.HostResolver;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.FakeRunway;
import io.reelgate.server.testsupport.ImageHost;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.KieHttp.Answer;
import io.reelgate.server.testsupport.TestDataDirs;
import io.reelgate.server.testsupport.TinyMp4;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * DNS rebinding, played for real on loopback: every {@code *.rebind.test} name answers 127.0.0.2 the first time it
 * is resolved (an address the operator allowed, standing in for a public host) and 127.0.0.1 every time after (the
 * private address an attacker wants). A media host listens on 127.0.0.2 and a trap on 127.0.0.1, on the same port.
 * Whatever a request resolved at check time, it must connect to what was checked: the trap counts zero requests for
 * image download, the upstream result download, Aleph's video, a file-URL upload and a callback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {io.reelgate.server.ReelgateApplication.class, DnsRebindingEndToEndTest.Rebinding.class})
class DnsRebindingEndToEndTest {

    private static final Path DATA_DIR = TestDataDirs.fresh("reelgate-rebind-");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final InetAddress VETTED = address("127.0.0.2");
    private static final InetAddress PRIVATE = address("127.0.0.1");
    private static final ImageHost MEDIA = new ImageHost(new InetSocketAddress(VETTED, 0));
    private static final ImageHost TRAP = new ImageHost(new InetSocketAddress(PRIVATE, MEDIA.port()));
    private static final FakeRunway RUNWAY = new FakeRunway();
    private static final Map<String, AtomicInteger> LOOKUPS = new ConcurrentHashMap<>();

    @TestConfiguration
    static class Rebinding {
        @Bean
        @Primary
        HostResolver rebindingResolver() {
            return host -> {
                if (!host.endsWith(".rebind.test")) {
                    return InetAddress.getAllByName(host);
                }
                int lookup = LOOKUPS.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
                return new InetAddress[] {lookup == 1 ? VETTED : PRIVATE};
            };
        }
    }

    @LocalServerPort
    int port;

    private KieHttp kie;

    @DynamicPropertySource
    static void strictGuard(DynamicPropertyRegistry registry) {
        registry.add("reelgate.data-dir", DATA_DIR::toString);
        registry.add("reelgate.outbound.allow-private-networks", () -> "false");
        registry.add("reelgate.outbound.allowed-hosts", () -> "127.0.0.2");
        RUNWAY.configure(registry);
        registry.add("reelgate.routing.generate", () -> "runway");
        registry.add("reelgate.callback.poll-interval", () -> "200ms");
        registry.add("reelgate.rate-limit.submit.capacity", () -> "100000");
        registry.add("reelgate.rate-limit.status.capacity", () -> "1000000");
    }

    @BeforeEach
    void connect() {
        kie = KieHttp.onLoopback(port, DATA_DIR);
    }

    @AfterAll
    static void stopHosts() {
        MEDIA.close();
        TRAP.close();
        RUNWAY.close();
    }

    @Test
    void imageDownloadAndUpstreamResultConnectOnlyToTheVettedAddress() {
        MEDIA.serve("/cat.png", ImageHost.png(64, 48), "image/png");
        MEDIA.serve("/out.mp4", TinyMp4.render(), "video/mp4");
        RUNWAY.acceptCreate("image_to_video", "rebinding image", "rb-1");
        succeededWithOutput("rb-1", url("out.rebind.test", "/out.mp4"));

        String taskId = kie.generate("{\"prompt\":\"rebinding image\",\"duration\":5,\"quality\":\"720p\",\"imageUrl\":\""
                + url("img.rebind.test", "/cat.png") + "\"}");
        JsonNode done = kie.awaitTerminal(taskId, TIMEOUT);

        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("success");
        assertThat(MEDIA.requests("/cat.png")).isEqualTo(1);
        assertThat(MEDIA.requests("/out.mp4")).isEqualTo(1);
        assertThat(TRAP.requests()).isZero();
    }

    @Test
    void alephVideoConnectsOnlyToTheVettedAddress() {
        MEDIA.serve("/source.mp4", TinyMp4.render(), "video/mp4");

        Answer answer = kie.postJson("/api/v1/aleph/generate", "{\"prompt\":\"make it snow\",\"videoUrl\":\""
                + url("video.rebind.test", "/source.mp4") + "\"}");
        assertThat(answer.code()).as(answer.body().toString()).isEqualTo(200);
        String taskId = answer.data().get("taskId").asString();
        Await.until(TIMEOUT, "Aleph task ends", () -> kie.get("/api/v1/aleph/record-info?taskId=" + taskId).data(),
                data -> data.get("successFlag").asInt() != 0);

        assertThat(MEDIA.requests("/source.mp4")).isEqualTo(1);
        assertThat(TRAP.requests()).isZero();
    }

    @Test
    void fileUrlUploadConnectsOnlyToTheVettedAddress() {
        MEDIA.serve("/upload.png", ImageHost.png(20, 20), "image/png");

        Answer answer = kie.postJson("/api/file-url-upload", "{\"uploadPath\":\"rebind\",\"fileUrl\":\""
                + url("upload.rebind.test", "/upload.png") + "\"}");

        assertThat(answer.code()).as(answer.body().toString()).isEqualTo(200);
        assertThat(MEDIA.requests("/upload.png")).isEqualTo(1);
        assertThat(TRAP.requests()).isZero();
    }

    @Test
    void callbackWhoseNameRebindsAfterSubmitIsRefusedAndNeverReachesThePrivateAddress() {
        MEDIA.serve("/out2.mp4", TinyMp4.render(), "video/mp4");
        RUNWAY.acceptCreate("text_to_video", "rebinding callback", "rb-2");
        succeededWithOutput("rb-2", "http://127.0.0.2:" + MEDIA.port() + "/out2.mp4");

        // the submit check resolves the name (first answer: the vetted address); the delivery resolves it again
        String taskId = kie.generate("{\"prompt\":\"rebinding callback\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\","
                + "\"callBackUrl\":\"" + url("cb.rebind.test", "/hook") + "\"}");
        JsonNode attempt = Await.until(TIMEOUT, "a callback attempt is logged",
                () -> kie.get("/api/v1/callbacks?taskId=" + taskId).data(),
                deliveries -> deliveries.size() > 0 && deliveries.get(0).get("attemptLog").size() > 0)
                .get(0).get("attemptLog").get(0);

        assertThat(attempt.toString()).contains("refused: the host cb.rebind.test resolves to a non-public address");
        assertThat(LOOKUPS.get("cb.rebind.test").get()).isGreaterThanOrEqualTo(2);
        assertThat(TRAP.requests()).isZero();
        assertThat(MEDIA.requests("/hook")).isZero();
    }

    @Test
    void anUpstreamResultOnAForbiddenAddressFailsTheTaskAtOnceInsteadOfAtTheTimeout() {
        RUNWAY.acceptCreate("text_to_video", "metadata please", "rb-3");
        succeededWithOutput("rb-3", "http://169.254.169.254/latest/meta-data/iam");

        String taskId = kie.generate("{\"prompt\":\"metadata please\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"16:9\"}");
        JsonNode done = kie.awaitTerminal(taskId, TIMEOUT);

        KieHttp.assertFailed(done, 400, "Runway's result URL is not allowed (Failed to fetch the "
                + "Runway output: the host 169.254.169.254 resolves to a non-public address)");
    }

    private static void succeededWithOutput(String id, String outputUrl) {
        RUNWAY.server().stubFor(WireMock.get(WireMock.urlEqualTo("/v1/tasks/" + id)).willReturn(WireMock.okJson(
                "{\"id\":\"" + id + "\",\"createdAt\":\"" + FakeRunway.CREATED_AT + "\",\"status\":\"SUCCEEDED\","
                        + "\"output\":[\"" + outputUrl + "\"]}")));
    }

    private static String url(String host, String path) {
        return "http://" + host + ":" + MEDIA.port() + path;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.reelgate.server.observability;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.reelgate.server.testsupport.FakeRunway;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.TestDataDirs;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One real server for the observability tests, with both kinds of engine so every span and metric has a reason to
 * exist: {@code generate} goes to runway (WireMock playing Runway's API over a real socket), and the legacy model
 * {@code runway-duration-5-generate} stays on the local preview engine. Spans go to an in-memory exporter through
 * the same batch processor an OTLP exporter would use; short callback retries let a delivery go dead in a second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ObservedServerTest.InMemorySpans.class)
abstract class ObservedServerTest {

    static final String PREVIEW_MODEL = "runway-duration-5-generate";
    static final Path DATA_DIR = TestDataDirs.fresh("reelgate-observed-");
    /** Shared by the test classes on this server; stopped when the test JVM ends. */
    static final FakeRunway RUNWAY = startRunway();

    @LocalServerPort
    int port;

    @Autowired
    InMemorySpanExporter spans;

    KieHttp kie;

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemorySpans {
        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @DynamicPropertySource
    static void observedServer(DynamicPropertyRegistry registry) {
        registry.add("reelgate.data-dir", DATA_DIR::toString);
        registry.add("reelgate.engine.runway.api-secret", () -> FakeRunway.SECRET);
        registry.add("reelgate.engine.runway.base-url", RUNWAY::baseUrl);
        registry.add("reelgate.engine.runway.poll-interval", () -> "100ms");
        registry.add("reelgate.engine.runway.retry-backoff", () -> "20ms");
        registry.add("reelgate.engine.runway.max-retry-backoff", () -> "50ms");
        registry.add("reelgate.upstream.tick", () -> "50ms");
        registry.add("reelgate.routing.generate", () -> "runway");
        registry.add("reelgate.console.trace-url", () -> "https://tempo.example/trace/{traceId}");
        registry.add("reelgate.routing.models." + PREVIEW_MODEL, () -> "preview");
        // WireMock and the callback receivers are on loopback
        registry.add("reelgate.outbound.allow-private-networks", () -> "true");
        registry.add("reelgate.rate-limit.submit.capacity", () -> "100000");
        registry.add("reelgate.rate-limit.status.capacity", () -> "1000000");
        // one retry 200 ms after the first attempt, then dead
        registry.add("reelgate.callback.retry-delays", () -> "200ms");
        registry.add("reelgate.callback.jitter", () -> "0");
        registry.add("reelgate.callback.poll-interval", () -> "100ms");
        registry.add("reelgate.metrics.queue-depth-interval", () -> "500ms");
        registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "100ms");
    }

    @BeforeEach
    void connect() {
        kie = KieHttp.onLoopback(port, DATA_DIR);
    }

    private static FakeRunway startRunway() {
        FakeRunway runway = new FakeRunway();
        Runtime.getRuntime().addShutdownHook(new Thread(runway::close));
        return runway;
    }
}

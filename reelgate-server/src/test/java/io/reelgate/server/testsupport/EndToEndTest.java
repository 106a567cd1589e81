package io.reelgate.server.testsupport;

import io.reelgate.server.task.TaskRepository;
import io.reelgate.server.task.TaskState;
import io.reelgate.server.task.TaskTransitions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests: the real application on a random port, on the embedded default (H2 file database
 * and local files in a fresh data directory), spoken to over HTTP. All subclasses share one running server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ConnectionCounter.class)
public abstract class EndToEndTest {

    protected static final Path DATA_DIR = TestDataDirs.fresh("reelgate-e2e-");

    @LocalServerPort
    protected int port;

    protected KieHttp kie;

    @Autowired
    private TaskRepository tasks;
    @Autowired
    private TaskTransitions transitions;
    @Autowired
    private Clock clock;

    @DynamicPropertySource
    static void embeddedDefault(DynamicPropertyRegistry registry) {
        registry.add("reelgate.data-dir", DATA_DIR::toString);
        // the tests' image host runs on loopback, which the outbound guard refuses by default
        registry.add("reelgate.outbound.allow-private-networks", () -> "true");
        // the suite submits far faster than a real client; RateLimitEndToEndTest checks the limits themselves
        registry.add("reelgate.rate-limit.submit.capacity", () -> "100000");
        registry.add("reelgate.rate-limit.status.capacity", () -> "1000000");
        // seconds instead of the documented minutes, so retries can be watched; no jitter, so gaps can be checked
        registry.add("reelgate.callback.retry-delays", () -> "1s,2s,3s");
        registry.add("reelgate.callback.jitter", () -> "0");
        registry.add("reelgate.callback.poll-interval", () -> "200ms");
        registry.add("reelgate.stream.heartbeat-interval", () -> "1s");
    }

    @BeforeEach
    void connectWithDevKey() throws IOException {
        kie = new KieHttp(baseUrl(), devKey());
    }

    /**
     * Cancels what a test submitted and did not wait for (a test of a submit answer leaves its task rendering), so
     * that the next test, on the same shared server, does not queue behind it or pay for its render.
     */
    @AfterEach
    void cancelWhatTheTestLeftUnfinished() {
        for (TaskState state : List.of(TaskState.WAIT, TaskState.QUEUEING, TaskState.GENERATING)) {
            for (String id : tasks.idsInState(state, 10_000)) {
                transitions.cancel(id, state, "Task was cancelled: its test ended", clock.instant());
            }
        }
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected static String devKey() throws IOException {
        return KieHttp.devKey(DATA_DIR);
    }
}

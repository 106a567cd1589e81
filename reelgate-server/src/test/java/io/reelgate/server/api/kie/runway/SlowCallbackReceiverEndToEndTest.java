package io.reelgate.server.api.kie.runway;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.CallbackReceiver.Received;
import io.reelgate.server.testsupport.CallbackReceiver;
import io.reelgate.server.testsupport.EndToEndTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One tenant's receiver hangs until the 15 s callback timeout; everyone else's callbacks still arrive within a
 * second of their task's success. Real server, real loopback receivers, default sender settings.
 */
class SlowCallbackReceiverEndToEndTest extends EndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** More than the default per-receiver limit (8), so some of them find their receiver's slots all in use. */
    private static final int HANGING = 10;
    private static final int HEALTHY = 10;
    private static CallbackReceiver hanging;
    private static CallbackReceiver healthy;

    @BeforeAll
    static void startReceivers() {
        hanging = new CallbackReceiver();
        hanging.hold();
        healthy = new CallbackReceiver();
    }

    @AfterAll
    static void stopReceivers() {
        hanging.close();
        healthy.close();
    }

    @Test
    void aHangingReceiverDelaysNoOtherReceiversCallbacks() {
        List<String> slowTasks = new ArrayList<>();
        List<String> fastTasks = new ArrayList<>();
        for (int i = 0; i < Math.max(HANGING, HEALTHY); i++) {
            if (i < HANGING) {
                slowTasks.add(kie.generate(body(hanging.url("/slow-" + i))));
            }
            if (i < HEALTHY) {
                fastTasks.add(kie.generate(body(healthy.url("/fast-" + i))));
            }
        }

        for (int i = 0; i < HEALTHY; i++) {
            kie.awaitTerminal(fastTasks.get(i), TIMEOUT);
            Instant succeeded = Instant.parse(kie.get("/api/v1/tasks/" + fastTasks.get(i)).data().get("finishedAt").asString());
            Received callback = healthy.await("/fast-" + i, 1, TIMEOUT).get(0);
            assertThat(Duration.between(succeeded, callback.at()))
                    .as("callback of healthy task %d after its success", i).isLessThan(Duration.ofSeconds(1));
        }
        for (String task : slowTasks) {
            kie.awaitTerminal(task, TIMEOUT);
        }
        List<Received> held = Await.until(TIMEOUT, "every hanging task's callback sent", () -> heldRequests(),
                requests -> requests.stream().map(Received::path).distinct().count() == HANGING);
        for (Received request : held) {
            Instant windowEnd = request.at().plus(Duration.ofMillis(14_500));
            long inWindow = held.stream().filter(r -> !r.at().isBefore(request.at()) && r.at().isBefore(windowEnd)).count();
            assertThat(inWindow).as("requests held at once (each hangs for the 15 s timeout)").isLessThanOrEqualTo(8);
        }
    }

    /** Requests that reached the hanging receiver, in order of arrival. */
    private static List<Received> heldRequests() {
        List<Received> held = new ArrayList<>();
        for (int i = 0; i < HANGING; i++) {
            held.addAll(hanging.at("/slow-" + i));
        }
        held.sort(Comparator.comparing(Received::at));
        return held;
    }

    private static String body(String callBackUrl) {
        return "{\"prompt\":\"slow receivers\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\","
                + "\"callBackUrl\":\"" + callBackUrl + "\"}";
    }
}

package io.reelgate.server.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The per-receiver lanes with an executor the test runs by hand, so every step is visible. */
class ReceiverLanesTest {

    private final List<Runnable> started = new ArrayList<>();
    private final AtomicInteger slotsFreed = new AtomicInteger();
    private final ReceiverLanes lanes = new ReceiverLanes(2, 1, started::add, slotsFreed::incrementAndGet);
    private final List<String> sent = new ArrayList<>();

    @Test
    void aReceiverTakesItsSlotsThenOneWaitingThenRefusesWhileOthersStillStart() {
        assertThat(lanes.offer("http://a:80", send("a1"))).isTrue();
        assertThat(lanes.offer("http://a:80", send("a2"))).isTrue();
        assertThat(lanes.busy()).containsExactly("http://a:80");
        assertThat(lanes.offer("http://a:80", send("a3"))).as("waits").isTrue();
        assertThat(lanes.offer("http://a:80", send("a4"))).as("lane full").isFalse();
        assertThat(lanes.offer("http://b:80", send("b1"))).isTrue();

        assertThat(started).hasSize(3);
        assertThat(lanes.inFlight()).isEqualTo(3);
    }

    @Test
    void aFinishedSendHandsItsSlotToTheNextWaitingAndSaysASlotFreed() {
        lanes.offer("http://a:80", send("a1"));
        lanes.offer("http://a:80", send("a2"));
        lanes.offer("http://a:80", send("a3"));

        started.get(0).run();

        assertThat(sent).containsExactly("a1");
        assertThat(started).as("a3 started in a1's slot").hasSize(3);
        assertThat(lanes.inFlight()).isEqualTo(2);
        assertThat(slotsFreed).hasValue(1);
        started.get(1).run();
        started.get(2).run();
        assertThat(sent).containsExactly("a1", "a2", "a3");
        assertThat(lanes.inFlight()).isZero();
        assertThat(lanes.busy()).isEmpty();
    }

    @Test
    void receiverKeysIgnorePathQueryAndCaseAndFillInDefaultPorts() {
        assertThat(ReceiverKey.of("https://Hooks.Example.com/a?b=1")).isEqualTo("https://hooks.example.com:443");
        assertThat(ReceiverKey.of("http://hooks.example.com/a")).isEqualTo("http://hooks.example.com:80");
        assertThat(ReceiverKey.of("http://hooks.example.com:8080")).isEqualTo("http://hooks.example.com:8080");
        assertThat(ReceiverKey.of("not a url")).isEqualTo(ReceiverKey.UNPARSEABLE);
    }

    private Runnable send(String name) {
        return () -> sent.add(name);
    }
}

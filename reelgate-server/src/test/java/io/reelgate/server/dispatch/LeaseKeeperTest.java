package io.reelgate.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.task.Task;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.task.TaskState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Heartbeats and lease recovery, each stepped once per call on a real database while the test moves the clock. */
class LeaseKeeperTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final OneNode node = new OneNode();
    private final LeaseKeeper keeper = node.leaseKeeper(node.dispatch);

    @Test
    void aHeartbeatRenewsTheLeaseFromTheClockSoTheTaskOutlivesItsFirstLeaseEnd() {
        String id = node.claimedBy(OneNode.NODE, "preview", LEASE);
        node.running.start(id);

        node.clock.advance(Duration.ofSeconds(20));
        keeper.renewLeases();
        assertThat(node.task(id).leaseUntil()).isEqualTo(OneNode.T0.plusSeconds(20).plus(node.dispatch.leaseDuration()));

        node.clock.advance(Duration.ofSeconds(20));
        keeper.recoverExpiredLeases();
        assertThat(node.task(id).state()).as("40 s after a 30 s claim, renewed at 20 s").isEqualTo(TaskState.GENERATING);
        assertThat(node.task(id).leaseOwner()).isEqualTo(OneNode.NODE);
    }

    @Test
    void theHeartbeatRunsOnAThreadOfItsOwnWithoutAnyScheduler() {
        // no Spring scheduler here: if renewals depended on the shared pool, this lease would never move
        DispatchProperties properties = new DispatchProperties(1, Duration.ofMillis(500), LEASE,
                Duration.ofMillis(20), Duration.ofSeconds(5), 3, OneNode.NODE, Duration.ofSeconds(20));
        LeaseKeeper renewing = node.leaseKeeper(properties);
        String id = node.claimedBy(OneNode.NODE, "preview", LEASE);
        node.running.start(id);
        node.clock.advance(Duration.ofSeconds(20));

        LeaseHeartbeat heartbeat = new LeaseHeartbeat(renewing, node.running, properties);
        heartbeat.start();
        try {
            Await.until(Duration.ofSeconds(10), "lease not renewed by the heartbeat thread", () -> node.task(id).leaseUntil(),
                    until -> until.equals(OneNode.T0.plusSeconds(20).plus(LEASE)));
        } finally {
            heartbeat.stop();
        }
    }

    @Test
    void aRunWhoseLeaseAnotherNodeTookOverIsToldToStop() {
        String id = node.claimedBy("node-b", "preview", LEASE);
        RunHandle handle = node.running.start(id);

        keeper.renewLeases();

        assertThat(handle.leaseLost()).isTrue();
        assertThat(node.task(id).leaseOwner()).isEqualTo("node-b");
    }

    @Test
    void anExpiredLeaseIsHandedBackToTheQueueOnlyOnceTheClockPassesItsEnd() {
        String id = node.claimedBy("node-b", "preview", LEASE);

        node.clock.advance(LEASE);
        keeper.recoverExpiredLeases();
        assertThat(node.task(id).state()).as("at the lease's last instant").isEqualTo(TaskState.GENERATING);

        node.clock.advance(Duration.ofMillis(1));
        keeper.recoverExpiredLeases();
        Task recovered = node.task(id);
        assertThat(recovered.state()).isEqualTo(TaskState.QUEUEING);
        assertThat(recovered.leaseOwner()).isNull();
    }

    @Test
    void aTaskWhoseLeaseExpiredOnItsLastAttemptFailsInsteadOfLoopingBackToTheQueue() {
        LeaseKeeper oneAttempt = node.leaseKeeper(new DispatchProperties(1, Duration.ofMillis(500), LEASE,
                Duration.ofSeconds(10), Duration.ofSeconds(5), 1, OneNode.NODE, Duration.ofSeconds(20)));
        String id = node.claimedBy("node-b", "preview", LEASE);

        node.clock.advance(LEASE.plusSeconds(1));
        oneAttempt.recoverExpiredLeases();

        Task failed = node.task(id);
        assertThat(failed.state()).isEqualTo(TaskState.FAIL);
        assertThat(failed.failCode()).isEqualTo(500);
        assertThat(failed.failMsg()).isEqualTo(LeaseKeeper.GAVE_UP_MSG);
    }
}

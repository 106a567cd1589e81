package io.reelgate.server.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reelgate.server.account.ApiKeyRepository;
import io.reelgate.server.fetch.GuardedHttpClients;
import io.reelgate.server.fetch.OutboundGuard;
import io.reelgate.server.fetch.OutboundProperties;
import io.reelgate.server.infra.DatabaseKind;
import io.reelgate.server.task.TaskTracing;
import io.reelgate.server.testsupport.MovableClock;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.CallbackReceiver;
import io.reelgate.server.testsupport.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sender over real loopback HTTP and a real H2 database, stepped by hand with a clock the test moves: retries
 * measured on that clock, a hanging receiver confined to its own slots, attempts that could not start in time.
 */
class DeliverDueCallbacksTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MovableClock clock = new MovableClock(T0);
    private final CallbackReceiver healthy = new CallbackReceiver();
    private final CallbackReceiver hanging = new CallbackReceiver();
    private CallbackDeliveryRepository deliveries;
    private DeliverDueCallbacks callbacks;
    private String keyId;

    private void start(int perReceiver) {
        start(perReceiver, List.of(Duration.ofMinutes(1)));
    }

    private void start(int perReceiver, List<Duration> retryDelays) {
        CallbackProperties properties = new CallbackProperties(Duration.ofSeconds(5), retryDelays, 0,
                Duration.ofSeconds(1), Duration.ofHours(24), 16, perReceiver, 50);
        DataSource dataSource = TestDatabases.migrated(TestDatabases.Kind.H2);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        deliveries = new CallbackDeliveryRepository(jdbc, DatabaseKind.of(false),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        keyId = new ApiKeyRepository(jdbc).create("test", "rg_" + UUID.randomUUID(), T0);
        OutboundProperties outbound = new OutboundProperties(true, List.of(), Duration.ofSeconds(5),
                Duration.ofSeconds(5), 0, 32);
        OutboundGuard guard = new OutboundGuard(outbound, java.net.InetAddress::getAllByName);
        CallbackSender sender = new CallbackSender(guard, properties, new GuardedHttpClients(guard, outbound));
        callbacks = new DeliverDueCallbacks(deliveries, sender, new WebhookSecrets(jdbc, properties), properties, clock,
                new SimpleMeterRegistry(), io.reelgate.server.testsupport.Untraced.tracing(null));
    }

    @AfterEach
    void stop() {
        // receivers first: stopping lets attempts in flight finish, and the hanging one would hold it a timeout long
        healthy.close();
        hanging.close();
        if (callbacks != null) {
            callbacks.stop();
        }
    }

    @Test
    void aFailedAttemptIsDueAgainExactlyItsRetryDelayAfterItEndedOnTheClock() {
        start(8);
        healthy.answer(500);
        String task = insert(healthy, "/retry", T0);

        callbacks.deliverDue();
        CallbackDelivery failed = awaitDelivery(task, d -> d.lastStatus() != null);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofSeconds(59));
        callbacks.deliverDue();
        assertThat(delivery(task).attempts()).as("not due yet").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        callbacks.deliverDue();
        CallbackDelivery delivered = awaitDelivery(task, d -> d.state().equals(CallbackDelivery.DELIVERED));
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(deliveries.attempts(delivered.id())).extracting(CallbackAttempt::httpStatus).containsExactly(500, 200);
    }

    @Test
    void eachRetryWaitsForItsDelayOnTheClockAndTheFailureAfterTheLastRetryIsFinal() {
        // KIE's schedule (docs/kie-contract.md): three retries, 1, 5 and 15 minutes apart
        List<Duration> schedule = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));
        start(8, schedule);
        healthy.answer(500, 503, 500, 502);
        String task = insert(healthy, "/down", T0);
        callbacks.deliverDue();
        awaitAttemptsRecorded(task, 1);

        for (int retry = 1; retry <= schedule.size(); retry++) {
            clock.advance(schedule.get(retry - 1).minusSeconds(1));
            callbacks.deliverDue();
            assertThat(delivery(task).attempts()).as("retry %d a second early", retry).isEqualTo(retry);

            clock.advance(Duration.ofSeconds(1));
            callbacks.deliverDue();
            awaitAttemptsRecorded(task, retry + 1);
        }

        CallbackDelivery dead = delivery(task);
        assertThat(dead.state()).isEqualTo(CallbackDelivery.DEAD);
        assertThat(deliveries.attempts(dead.id())).extracting(CallbackAttempt::startedAt).containsExactly(T0,
                T0.plusSeconds(60), T0.plusSeconds(360), T0.plusSeconds(1260));
        clock.advance(Duration.ofDays(1));
        callbacks.deliverDue();
        assertThat(delivery(task).attempts()).as("no attempt after the last").isEqualTo(4);
        assertThat(healthy.at("/down")).hasSize(4);
    }

    @Test
    void aHangingReceiverHoldsOnlyItsOwnSlotsAndEveryAttemptIsCountedOnce() {
        start(2);
        hanging.hold();
        List<String> slow = List.of(insert(hanging, "/h1", T0.minusSeconds(9)), insert(hanging, "/h2", T0.minusSeconds(8)),
                insert(hanging, "/h3", T0.minusSeconds(7)), insert(hanging, "/h4", T0.minusSeconds(6)),
                insert(hanging, "/h5", T0.minusSeconds(5)), insert(hanging, "/h6", T0.minusSeconds(4)));
        List<String> fast = List.of(insert(healthy, "/f1", T0.minusSeconds(3)), insert(healthy, "/f2", T0.minusSeconds(2)),
                insert(healthy, "/f3", T0.minusSeconds(1)));

        callbacks.deliverDue();

        for (String task : fast) {
            awaitDelivery(task, d -> d.state().equals(CallbackDelivery.DELIVERED));
        }
        Await.until(WAIT, "two requests held at the hanging receiver", () -> countReceived(hanging) == 2);
        assertThat(slow.stream().map(this::delivery).mapToInt(CallbackDelivery::attempts).sum())
                .as("two in flight, four claimed and waiting behind them").isEqualTo(6);

        hanging.release();
        for (String task : slow) {
            assertThat(awaitDelivery(task, d -> d.state().equals(CallbackDelivery.DELIVERED)).attempts()).isEqualTo(1);
        }
        assertThat(countReceived(hanging)).isEqualTo(6);
    }

    @Test
    void anAttemptStillWaitingForItsReceiverNearTheEndOfItsClaimGoesBackUncounted() {
        start(1);
        hanging.hold();
        String first = insert(hanging, "/first", T0.minusSeconds(1));
        String second = insert(hanging, "/second", T0);

        callbacks.deliverDue();
        Await.until(WAIT, "the first request held", () -> countReceived(hanging) == 1);
        assertThat(delivery(second).attempts()).as("claimed, waiting behind the first").isEqualTo(1);

        clock.advance(Duration.ofSeconds(21));
        hanging.release();

        awaitDelivery(first, d -> d.state().equals(CallbackDelivery.DELIVERED));
        CallbackDelivery late = awaitDelivery(second, d -> d.state().equals(CallbackDelivery.DELIVERED));
        assertThat(deliveries.attempts(late.id())).singleElement().satisfies(attempt -> {
            assertThat(attempt.attempt()).as("the given-back claim was not counted").isEqualTo(1);
            assertThat(attempt.startedAt()).isEqualTo(T0.plusSeconds(21));
        });
        assertThat(countReceived(hanging)).isEqualTo(2);
    }

    private String insert(CallbackReceiver receiver, String path, Instant dueAt) {
        String task = UUID.randomUUID().toString();
        deliveries.insert(task, keyId, receiver.url(path), "{\"task\":\"" + task + "\"}", dueAt);
        return task;
    }

    private void awaitAttemptsRecorded(String task, int attempts) {
        Await.until(WAIT, attempts + " attempts of " + task + " recorded",
                () -> deliveries.attempts(delivery(task).id()).size() == attempts);
    }

    private CallbackDelivery delivery(String task) {
        return deliveries.forTask(task).get(0);
    }

    private CallbackDelivery awaitDelivery(String task, java.util.function.Predicate<CallbackDelivery> done) {
        return Await.until(WAIT, "delivery of " + task, () -> delivery(task), done);
    }

    private static int countReceived(CallbackReceiver receiver) {
        int count = 0;
        for (String path : List.of("/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "/first", "/second")) {
            count += receiver.at(path).size();
        }
        return count;
    }
}

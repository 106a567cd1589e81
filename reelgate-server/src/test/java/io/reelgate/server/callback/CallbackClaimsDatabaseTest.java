package io.reelgate.server.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.account.ApiKeyRepository;
import io.reelgate.server.infra.DatabaseKind;
import io.reelgate.server.testsupport.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Claiming due callbacks in batches, on the H2 file database and embedded PostgreSQL. */
class CallbackClaimsDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant LEASE = T0.plusSeconds(45);

    private CallbackDeliveryRepository deliveries;
    private String keyId;

    private void setUp(TestDatabases.Kind kind) {
        DataSource dataSource = TestDatabases.migrated(kind);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        deliveries = new CallbackDeliveryRepository(jdbc, DatabaseKind.of(kind == TestDatabases.Kind.POSTGRES),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        keyId = new ApiKeyRepository(jdbc).create("test", "rg_" + UUID.randomUUID(), T0);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aBatchClaimCountsTheAttemptOfEachDueDeliveryOnceUntilItsLeaseRunsOut(TestDatabases.Kind kind) {
        setUp(kind);
        List<String> due = List.of(insert("http://a.test/1", T0.minusSeconds(2)), insert("http://a.test/2", T0.minusSeconds(1)),
                insert("http://b.test/3", T0));
        insert("http://a.test/later", T0.plusSeconds(1));

        List<CallbackDelivery> claimed = deliveries.claimDue(T0, LEASE, 10, Set.of());

        assertThat(claimed).extracting(CallbackDelivery::taskId).containsExactlyInAnyOrderElementsOf(due);
        assertThat(claimed).extracting(CallbackDelivery::attempts).containsOnly(1);
        assertThat(claimed).extracting(CallbackDelivery::nextAttemptAt).containsOnly(LEASE);
        assertThat(deliveries.claimDue(T0.plusSeconds(30), LEASE.plusSeconds(30), 10, Set.of()))
                .as("claimed rows wait for their lease; the later one is due now").extracting(CallbackDelivery::taskId)
                .containsExactly(taskOf("http://a.test/later"));
        assertThat(deliveries.claimDue(LEASE, LEASE.plusSeconds(45), 10, Set.of())).as("a claim that ran out")
                .extracting(CallbackDelivery::attempts).containsOnly(2).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aClaimTakesTheOldestFirstUpToItsLimit(TestDatabases.Kind kind) {
        setUp(kind);
        String oldest = insert("http://a.test/1", T0.minusSeconds(3));
        String second = insert("http://a.test/2", T0.minusSeconds(2));
        insert("http://a.test/3", T0.minusSeconds(1));

        assertThat(deliveries.claimDue(T0, LEASE, 2, Set.of())).extracting(CallbackDelivery::taskId)
                .containsExactlyInAnyOrder(oldest, second);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void busyReceiversAreSkippedAndEveryOtherReceiverIsClaimed(TestDatabases.Kind kind) {
        setUp(kind);
        insert("http://hanging.test:8080/hook", T0);
        insert("HTTP://Hanging.test:8080/other?x=1", T0);
        String sameHostOtherPort = insert("http://hanging.test:8081/hook", T0);
        String other = insert("https://fast.test/hook", T0);

        List<CallbackDelivery> claimed = deliveries.claimDue(T0, LEASE, 10, Set.of("http://hanging.test:8080"));

        assertThat(claimed).extracting(CallbackDelivery::taskId).containsExactlyInAnyOrder(sameHostOtherPort, other);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void concurrentClaimersNeverShareAnAttempt(TestDatabases.Kind kind) throws Exception {
        setUp(kind);
        for (int i = 0; i < 300; i++) {
            insert("http://r" + (i % 7) + ".test/hook/" + i, T0.minusMillis(i));
        }
        ExecutorService claimers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                Callable<List<String>> claimUntilNoneDue = () -> {
                    List<String> mine = new ArrayList<>();
                    List<CallbackDelivery> batch;
                    while (!(batch = deliveries.claimDue(T0, LEASE, 10, Set.of())).isEmpty()) {
                        batch.forEach(d -> mine.add(d.id()));
                    }
                    return mine;
                };
                results.add(claimers.submit(claimUntilNoneDue));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> result : results) {
                all.addAll(result.get());
            }
            assertThat(all).hasSize(300).doesNotHaveDuplicates();
        } finally {
            claimers.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aReleasedAttemptIsUncountedAndDueAgainButAStaleReleaseChangesNothing(TestDatabases.Kind kind) {
        setUp(kind);
        insert("http://a.test/1", T0);
        CallbackDelivery claimed = deliveries.claimDue(T0, LEASE, 10, Set.of()).get(0);

        assertThat(deliveries.release(claimed, T0.plusSeconds(1))).isTrue();
        assertThat(deliveries.release(claimed, T0.plusSeconds(1))).as("released twice").isFalse();
        CallbackDelivery again = deliveries.claimDue(T0.plusSeconds(1), LEASE, 10, Set.of()).get(0);
        assertThat(again.attempts()).isEqualTo(1);

        deliveries.claimDue(LEASE, LEASE.plusSeconds(45), 10, Set.of());
        assertThat(deliveries.release(again, T0)).as("its claim ran out and was taken again").isFalse();
        assertThat(deliveries.find(again.id()).orElseThrow().attempts()).isEqualTo(2);
    }

    /** The task id is the URL, so assertions can name rows. */
    private String insert(String url, Instant dueAt) {
        deliveries.insert(taskOf(url), keyId, url, "{}", dueAt);
        return taskOf(url);
    }

    private static String taskOf(String url) {
        return UUID.nameUUIDFromBytes(url.getBytes()).toString();
    }
}

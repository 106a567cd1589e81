package io.reelgate.server.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.server.account.ApiKeyAuthenticator;
import io.reelgate.server.account.ApiKeyRepository;
import io.reelgate.server.account.ApiKeyService;
import io.reelgate.server.account.CreditLedger;
import io.reelgate.server.account.InsufficientCreditsException;
import io.reelgate.server.infra.DatabaseKind;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.TestDatabases;
import io.reelgate.server.testsupport.TestTaskInputs;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submits that arrive while one is being written are committed together, each refused alone when its key's balance
 * does not cover it, and each caller returns only after the commit that holds its task; on both databases.
 */
class SubmitGroupCommitTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final AtomicInteger commits = new AtomicInteger();
    private final List<String> announced = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstHeld = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private Fixture fixture;

    /** The writer under test on a real database, with what the test reads back through. */
    private record Fixture(JdbcClient jdbc, CreditLedger ledger, SubmitGroupCommit groupCommit, ApiKeyService keys) {
    }

    private void setUp(TestDatabases.Kind kind) {
        DataSource dataSource = TestDatabases.migrated(kind);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        CreditLedger ledger = new CreditLedger(jdbc);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                super.doCommit(status);
                commits.incrementAndGet();
            }
        });
        TaskRepository tasks = new TaskRepository(jdbc);
        SubmitGroupCommit groupCommit = new SubmitGroupCommit(new TaskSubmitWrites(tasks, ledger,
                DatabaseKind.of(kind == TestDatabases.Kind.POSTGRES)), ledger, tx, event -> {
                    String id = ((TaskChanged) event).task().id();
                    announced.add(id);
                    if (announced.size() == 1) {
                        // the first submit's transaction waits, before its commit, until the others are queued
                        firstHeld.countDown();
                        await(releaseFirst);
                    }
                });
        ApiKeyRepository keyRepository = new ApiKeyRepository(jdbc);
        fixture = new Fixture(jdbc, ledger, groupCommit, new ApiKeyService(keyRepository, ledger, tx, Clock.systemUTC(),
                new ApiKeyAuthenticator(keyRepository, Clock.systemUTC(), Duration.ZERO)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void submitsQueuedBehindACommitShareTheNextOneAndAnUncoveredOneIsRefusedAlone(TestDatabases.Kind kind)
            throws Exception {
        setUp(kind);
        String rich = fixture.keys().create("rich", 1000).key().id();
        String poor = fixture.keys().create("poor", 5).key().id();
        int keyCommits = commits.get();
        List<Thread> callers = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(6, runnable -> {
            Thread thread = new Thread(runnable);
            callers.add(thread);
            return thread;
        });

        Future<?> first = pool.submit(() -> fixture.groupCommit().write(task(rich, 10)));
        await(firstHeld);
        List<NewTask> queued = new ArrayList<>();
        List<Future<?>> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            NewTask task = task(rich, 10);
            queued.add(task);
            others.add(pool.submit(() -> fixture.groupCommit().write(task)));
        }
        NewTask uncovered = task(poor, 10);
        Future<?> refused = pool.submit(() -> fixture.groupCommit().write(uncovered));
        assertThat(others.get(0).isDone()).as("a caller returns only after its commit").isFalse();
        awaitParked(callers);
        releaseFirst.countDown();

        first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        for (Future<?> other : others) {
            other.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> refused.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .hasCauseInstanceOf(InsufficientCreditsException.class);
        pool.shutdown();

        assertThat(commits.get() - keyCommits).as("the first submit's commit, then one for the five queued behind it")
                .isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM task WHERE api_key_id = :k", rich)).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM task WHERE api_key_id = :k", poor)).isZero();
        assertThat(fixture.ledger().balance(rich)).isEqualTo(1000 - 5 * 10);
        assertThat(fixture.ledger().balance(poor)).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM credit_ledger WHERE api_key_id = :k AND reason = 'charge'", rich))
                .isEqualTo(5);
        assertThat(announced).as("a wait event for each written task, none for the refused one")
                .hasSize(5).containsAll(queued.stream().map(NewTask::id).toList()).doesNotContain(uncovered.id());
    }

    /** Every caller is parked: the first on the held commit, the others on the writer, their submits queued. */
    private void awaitParked(List<Thread> callers) {
        Await.until(WAIT, "callers parked", () -> callers.size() == 6
                && callers.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING
                        || thread.getState() == Thread.State.TIMED_WAITING));
    }

    private int count(String sql, String keyId) {
        return fixture.jdbc().sql(sql).param("k", keyId).query(Integer.class).single();
    }

    private static NewTask task(String keyId, long cost) {
        return new NewTask(UUID.randomUUID().toString(), keyId, TaskKind.GENERATE, null, "preview",
                TestTaskInputs.textToVideo("a heron").build(), cost, Clock.systemUTC().instant(), null, null, "test",
                List.of());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

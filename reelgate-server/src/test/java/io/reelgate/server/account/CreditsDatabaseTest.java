package io.reelgate.server.account;

import io.reelgate.server.engine.EngineCapabilities;
import io.reelgate.server.task.EngineRouting;
import io.reelgate.server.task.RoutingProperties;
import io.reelgate.server.testsupport.Untraced;
import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.server.fetch.OutboundGuard;
import io.reelgate.server.fetch.OutboundProperties;
import io.reelgate.server.infra.DatabaseKind;
import io.reelgate.server.idempotency.IdempotencyStore;
import io.reelgate.server.task.GenerateRequest;
import io.reelgate.server.task.PricingProperties;
import io.reelgate.server.task.SubmitOptions;
import io.reelgate.server.task.TaskPricing;
import io.reelgate.server.task.TaskRepository;
import io.reelgate.server.task.TaskService;
import io.reelgate.server.task.SubmitGroupCommit;
import io.reelgate.server.task.TaskSubmitWrites;
import io.reelgate.server.task.TaskState;
import io.reelgate.server.task.TaskTerminalListener;
import io.reelgate.server.task.TaskTransitions;
import io.reelgate.server.testsupport.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Charges, refunds and the ledger invariant under concurrency, on the H2 file database and embedded PostgreSQL. */
class CreditsDatabaseTest {

    private static final GenerateRequest CHEAP = new GenerateRequest("p", null, "16:9", 5, "720p", "", null, null, false);

    private JdbcClient jdbc;
    private CreditLedger ledger;
    private TaskService service;
    private TaskRepository tasks;
    private TaskTransitions transitions;
    private ApiKeyService keys;
    private TransactionTemplate tx;

    private void setUp(TestDatabases.Kind kind) {
        DataSource dataSource = TestDatabases.migrated(kind);
        jdbc = JdbcClient.create(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ledger = new CreditLedger(jdbc);
        tasks = new TaskRepository(jdbc);
        Clock clock = Clock.systemUTC();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("refund", (TaskTerminalListener) task -> {
            if (task.state() == TaskState.FAIL) {
                ledger.refund(task.apiKeyId(), task.id(), task.cost(), clock.instant());
            }
        });
        DatabaseKind database = DatabaseKind.of(kind == TestDatabases.Kind.POSTGRES);
        transitions = new TaskTransitions(jdbc, tx, tasks, beans.getBeanProvider(TaskTerminalListener.class), event -> { },
                database);
        TaskPricing pricing = new TaskPricing(new PricingProperties(12, 30, 30, 30, 12, 30, 110));
        OutboundGuard guard = new OutboundGuard(new OutboundProperties(false, List.of(), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 0, 10), java.net.InetAddress::getAllByName);
        service = new TaskService(tasks, pricing, guard, new SubmitGroupCommit(new TaskSubmitWrites(tasks, ledger, database), ledger, tx, event -> { }), new IdempotencyStore(jdbc, clock, Duration.ofHours(24)), event -> { }, clock,
                new EngineRouting(new RoutingProperties("", "", "", Map.of(), Map.of()), "preview"),
                beans.getBeanProvider(EngineCapabilities.class), Untraced.tracing(tasks),
                engine -> true);
        ApiKeyRepository keyRepository = new ApiKeyRepository(jdbc);
        keys = new ApiKeyService(keyRepository, ledger, tx, clock, new ApiKeyAuthenticator(keyRepository, clock, Duration.ZERO));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void fiftyConcurrentSubmitsAgainstABalanceForTwentyCreateExactlyTwenty(TestDatabases.Kind kind) throws Exception {
        setUp(kind);
        String keyId = keys.create("burst", 20 * 12).key().id();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Callable<Boolean> submit = () -> {
                start.await();
                try {
                    service.submitGenerate(keyId, "test", CHEAP, SubmitOptions.NONE);
                    return true;
                } catch (InsufficientCreditsException e) {
                    return false;
                }
            };
            results.add(pool.submit(submit));
        }
        start.countDown();
        int created = 0;
        for (Future<Boolean> result : results) {
            created += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(created).isEqualTo(20);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM task WHERE api_key_id = :k").param("k", keyId).query(Integer.class).single())
                .isEqualTo(20);
        assertThat(ledger.balance(keyId)).isZero();
        assertThat(ledgerSum(keyId)).isEqualTo(ledger.balance(keyId));
        assertThat(ledger.entries(keyId, 100)).filteredOn(e -> e.reason().equals("charge")).hasSize(20);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aFailedTaskIsRefundedOnceAndTheLedgerStillSumsToTheBalance(TestDatabases.Kind kind) {
        setUp(kind);
        String keyId = keys.create("refund", 100).key().id();
        String taskId = service.submitGenerate(keyId, "test", CHEAP, SubmitOptions.NONE);
        assertThat(ledger.balance(keyId)).isEqualTo(88);
        Instant now = Instant.now();
        transitions.admit(taskId, now);
        transitions.claim(taskId, "node-a", now.plusSeconds(30), now);

        assertThat(transitions.failRunning(taskId, "node-a", 400, "Incorrect image format", now)).isTrue();
        assertThat(transitions.failRunning(taskId, "node-a", 400, "again", now)).isFalse();
        assertThat(transitions.failExpired(taskId, 500, "again", now.plusSeconds(60))).isFalse();

        assertThat(ledger.balance(keyId)).isEqualTo(100);
        assertThat(ledger.entries(keyId, 10)).extracting(LedgerEntry::reason).containsExactlyInAnyOrder("grant", "charge", "refund");
        assertThat(ledgerSum(keyId)).isEqualTo(100);
        assertThatThrownBy(() -> jdbcRefundTwice(keyId, taskId)).isInstanceOf(RuntimeException.class);
        assertThat(ledger.balance(keyId)).isEqualTo(100);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aSuccessfulTaskKeepsItsChargeAndTooLowABalanceCreatesNothing(TestDatabases.Kind kind) {
        setUp(kind);
        String keyId = keys.create("poor", 20).key().id();
        service.submitGenerate(keyId, "test", CHEAP, SubmitOptions.NONE);

        assertThatThrownBy(() -> service.submitGenerate(keyId, "test", CHEAP, SubmitOptions.NONE))
                .isInstanceOf(InsufficientCreditsException.class)
                .hasMessage("Insufficient credits: this task costs 12 credits but the balance is 8");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM task").query(Integer.class).single()).isEqualTo(1);
        assertThat(ledgerSum(keyId)).isEqualTo(8);
    }

    /** The database itself refuses a second refund of the same task, whatever the code does. */
    private void jdbcRefundTwice(String keyId, String taskId) {
        tx.executeWithoutResult(s -> ledger.refund(keyId, taskId, 12, Instant.now()));
    }

    private long ledgerSum(String keyId) {
        return jdbc.sql("SELECT COALESCE(SUM(delta), 0) FROM credit_ledger WHERE api_key_id = :id")
                .param("id", keyId).query(Long.class).single();
    }
}

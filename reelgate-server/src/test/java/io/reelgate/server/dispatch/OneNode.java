package io.reelgate.server.dispatch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reelgate.server.account.ApiKeyRepository;
import io.reelgate.server.infra.DataDirectory;
import io.reelgate.server.infra.DatabaseKind;
import io.reelgate.server.infra.DbTime;
import io.reelgate.server.infra.NodeIdentity;
import io.reelgate.server.infra.TestNodes;
import io.reelgate.server.storage.LocalBlobStore;
import io.reelgate.server.storage.RetentionProperties;
import io.reelgate.server.task.EngineRouting;
import io.reelgate.server.task.NewTask;
import io.reelgate.server.task.RoutingProperties;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskChanged;
import io.reelgate.server.task.TaskInput;
import io.reelgate.server.task.TaskKind;
import io.reelgate.server.task.TaskRepository;
import io.reelgate.server.task.TaskTracing;
import io.reelgate.server.task.TaskTransitions;
import io.reelgate.server.task.UpstreamTracking;
import io.reelgate.server.testsupport.BareTransitions;
import io.reelgate.server.testsupport.FlakyDataSource;
import io.reelgate.server.testsupport.LoopbackDownloader;
import io.reelgate.server.testsupport.MovableClock;
import io.reelgate.server.testsupport.TestDataDirs;
import io.reelgate.server.testsupport.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One node's dispatch core built by hand from real parts: the production Flyway schema on an H2 file database, the
 * real repositories and transitions, a clock the test moves, and the engines the test passes in. Nothing runs on
 * its own; tests step each job once and look at the rows.
 */
final class OneNode {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final String NODE = "node-a";

    final MovableClock clock = new MovableClock(T0);
    final DispatchProperties dispatch = new DispatchProperties(1, Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofSeconds(10), Duration.ofSeconds(5), 3, NODE, Duration.ofSeconds(20));
    final TaskRepository tasks;
    final TaskTransitions transitions;
    final UpstreamTracking upstream;
    final RunningTasks running = new RunningTasks();
    final NodeIdentity node;
    /** The H2 file database every part uses; a test can take it away for a few connection requests. */
    final FlakyDataSource database = new FlakyDataSource(TestDatabases.migrated(TestDatabases.Kind.H2));
    private final Path dataDir = TestDataDirs.fresh("reelgate-dispatch-");
    private final JdbcClient jdbc;
    private final String keyId;

    OneNode() {
        jdbc = JdbcClient.create(database);
        tasks = new TaskRepository(jdbc);
        transitions = BareTransitions.on(jdbc, database, tasks, this::publish, DatabaseKind.of(false));
        upstream = new UpstreamTracking(jdbc, DatabaseKind.of(false));
        node = TestNodes.named(NODE, dataDir);
        keyId = new ApiKeyRepository(jdbc).create("test", "rg_" + UUID.randomUUID(), T0);
    }

    /** What Spring's event bus does for the dispatch side: a task that ended reaches the run that renders it. */
    private void publish(Object event) {
        if (event instanceof TaskChanged changed) {
            running.onTaskChanged(changed);
        }
    }

    LeaseKeeper leaseKeeper(DispatchProperties properties) {
        return new LeaseKeeper(running, tasks, transitions, properties, node, clock);
    }

    TaskDispatcher dispatcher(FakeUpstreamEngine engine) {
        EngineRegistry engines = engines(engine);
        return new TaskDispatcher(tasks, transitions, runner(engines, engine), engines, running, dispatch, node, clock,
                event -> { }, new EngineLimits(engines, tasks, new StandardEnvironment()));
    }

    PollUpstreamTasks poller(FakeUpstreamEngine engine, UpstreamPollProperties properties) {
        EngineRegistry engines = engines(engine);
        RunTelemetry telemetry = telemetry();
        UpstreamCollectors collectors = new UpstreamCollectors(new UpstreamResults(jobs(), contexts(), results(),
                dataDirectory(), telemetry), upstream, transitions, properties, running, clock);
        return new PollUpstreamTasks(engines, upstream, tasks, transitions, collectors,
                new LostUpstreamTasks(transitions, dispatch, clock), properties, telemetry, clock);
    }

    /** A new task of {@code engine} in {@code wait}, as a submit leaves it. */
    String waiting(String engine) {
        return waiting(engine, io.reelgate.server.testsupport.TestTaskInputs
                .textToVideo("a red fox").model("runway-duration-5-generate").expandPrompt(true).build());
    }

    /** A new task of {@code engine} with {@code input} in {@code wait}. */
    String waiting(String engine, TaskInput input) {
        String id = UUID.randomUUID().toString();
        tasks.insert(new NewTask(id, keyId, TaskKind.GENERATE, null, engine, input, 12, clock.instant(), null, null,
                "test", java.util.List.of()));
        return id;
    }

    /** A task that {@code owner} claimed now, under a lease of {@code lease}. */
    String claimedBy(String owner, String engine, Duration lease) {
        String id = waiting(engine);
        transitions.admit(id, clock.instant());
        transitions.claim(id, owner, clock.instant().plus(lease), clock.instant());
        return id;
    }

    /** A task submitted upstream as {@code upstreamId} now, first polled {@code firstPollIn} from now. */
    String parked(String engine, String upstreamId, Duration firstPollIn) {
        String id = claimedBy(NODE, engine, dispatch.leaseDuration());
        upstream.park(id, NODE, upstreamId, clock.instant(), clock.instant().plus(firstPollIn));
        return id;
    }

    Task task(String id) {
        return tasks.findById(id).orElseThrow();
    }

    /** When the task's next upstream poll is due (or its claim runs out). */
    Instant nextPollAt(String id) {
        return jdbc.sql("SELECT next_poll_at FROM task WHERE id = :id").param("id", id)
                .query((rs, row) -> DbTime.read(rs, "next_poll_at")).single();
    }

    private static EngineRegistry engines(FakeUpstreamEngine engine) {
        return new EngineRegistry(List.of(engine), engine.name(), routing(engine));
    }

    /** Every task to the one engine, no failover. */
    private static EngineRouting routing(FakeUpstreamEngine engine) {
        return new EngineRouting(new RoutingProperties("", "", "", Map.of(), Map.of()), engine.name());
    }

    TaskRunner runner(FakeUpstreamEngine engine) {
        return runner(engines(engine), engine);
    }

    private TaskRunner runner(EngineRegistry engines, FakeUpstreamEngine engine) {
        return new TaskRunner(engines, transitions, running, contexts(), jobs(), results(), upstream, routing(engine),
                dataDirectory(), telemetry(), clock);
    }

    private TaskEngineContextFactory contexts() {
        // a minute to read: only an abort ends a download from a stalled peer within a test's bound
        return new TaskEngineContextFactory(transitions, LoopbackDownloader.withReadTimeout(Duration.ofMinutes(1)));
    }

    EngineJobFactory jobs() {
        return new EngineJobFactory(tasks, upstream, new LocalBlobStore(dataDirectory()), io.reelgate.server.catalog.ModelRegistry.bundled(), "");
    }

    private ResultPublisher results() {
        return results(dispatch);
    }

    ResultPublisher results(DispatchProperties properties) {
        return new ResultPublisher(new LocalBlobStore(dataDirectory()), new ResultCommit(transitions, properties, clock),
                new RetentionProperties(Duration.ofDays(14), Duration.ofMinutes(10), 500), clock);
    }

    private DataDirectory dataDirectory() {
        return new DataDirectory(dataDir.toString());
    }

    private RunTelemetry telemetry() {
        return new RunTelemetry(io.reelgate.server.testsupport.Untraced.tracing(tasks), new UpstreamMetrics(new SimpleMeterRegistry()));
    }
}

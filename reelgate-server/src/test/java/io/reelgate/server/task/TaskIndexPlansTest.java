package io.reelgate.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.infra.DatabaseKind;
import io.reelgate.server.infra.DbTime;
import io.reelgate.server.testsupport.BareTransitions;
import io.reelgate.server.testsupport.TestDatabases;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every index of the task table on PostgreSQL serves a named query, and each hot query is planned on the index meant
 * for it (docs/database.md). The real repository methods run against a table holding mostly finished tasks and a
 * backlog of thousands in flight, like a busy deployment's; the statements they send are recorded and EXPLAINed with the same parameters.
 * An index nothing here uses fails the test, so a new index must name its query.
 */
class TaskIndexPlansTest {

    private static final String KEY = "key-1";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static DataSource raw;
    private static final List<Recorded> recorded = new ArrayList<>();
    private static TaskRepository tasks;
    private static TaskTransitions transitions;
    private static UpstreamTracking tracking;
    private static TaskStats stats;

    /** One statement the code under test prepared, with the parameter calls it made. */
    private record Recorded(String sql, List<Object[]> calls) {
    }

    @BeforeAll
    static void seed() {
        raw = TestDatabases.migrated(TestDatabases.Kind.POSTGRES);
        JdbcClient jdbc = JdbcClient.create(raw);
        jdbc.sql("INSERT INTO api_key (id, name, key_hash, key_prefix, created_at) VALUES (:id, 'k', :h, 'rg_', :t)")
                .param("id", KEY).param("h", "0".repeat(64)).param("t", DbTime.of(NOW)).update();
        insert(jdbc, "success", 6000, ", expires_at, expire_flag", ", now() + g * interval '1 minute', g % 2");
        insert(jdbc, "fail", 200, ", finished_at", ", now()");
        insert(jdbc, "wait", 2000, ", deadline_at", ", now() + interval '1 hour'");
        insert(jdbc, "queueing", 2000, ", queued_at", ", now()");
        insert(jdbc, "generating", 100, ", lease_owner, lease_until, started_at", ", 'node-1', now(), now()");
        insert(jdbc, "generating", 2000, ", lease_owner, next_poll_at, upstream_id, started_at",
                ", 'upstream', now(), 'up-' || g, now()");
        jdbc.sql("ANALYZE task").update();

        DataSource recording = recording(raw);
        JdbcClient recordingJdbc = JdbcClient.create(recording);
        tasks = new TaskRepository(recordingJdbc);
        transitions = BareTransitions.on(recordingJdbc, recording, tasks, event -> { }, DatabaseKind.of(true));
        tracking = new UpstreamTracking(recordingJdbc, DatabaseKind.of(true));
        stats = new TaskStats(recordingJdbc, Clock.systemUTC());
    }

    private static void insert(JdbcClient jdbc, String state, int count, String columns, String values) {
        jdbc.sql("INSERT INTO task (id, api_key_id, kind, engine, state, prompt, aspect_ratio, quality, duration,"
                        + " water_mark, created_at" + columns + ") SELECT :state || '-' || g || '-' || :columns, :key,"
                        + " 'GENERATE', 'runway', :state, 'p', '16:9', '720p', 5, '',"
                        + " now() - g * interval '1 second'" + values + " FROM generate_series(1, :count) g")
                .param("state", state).param("columns", Integer.toHexString(columns.hashCode()))
                .param("key", KEY).param("count", count).update();
    }

    @Test
    void eachHotQueryIsPlannedOnTheIndexNamedForItAndEveryIndexServesOne() {
        Map<String, Set<String>> usedBy = new LinkedHashMap<>();
        Task waiting = tasks.findById(tasks.idsInState(TaskState.WAIT, 1).get(0)).orElseThrow();
        Task queued = tasks.findById(tasks.nextQueued(List.of("runway"), 1).get(0)).orElseThrow();

        expect(usedBy, "admission of waiting tasks", "ix_task_waiting", () -> tasks.idsInState(TaskState.WAIT, 50));
        expect(usedBy, "queue position of a waiting task", "ix_task_waiting", () -> tasks.queuePosition(waiting));
        expect(usedBy, "queue position of a queued task", "ix_task_queued", () -> tasks.queuePosition(queued));
        expect(usedBy, "next queued (H2's claim)", "ix_task_queued", () -> tasks.nextQueued(List.of("runway"), 8));
        expect(usedBy, "claim the next queued task", "ix_task_queued",
                () -> transitions.claimNext("node-2", NOW.plusSeconds(60), NOW, List.of("runway"), 8));
        expect(usedBy, "expired leases", "ix_task_lease", () -> tasks.leasesExpiredBefore(Instant.now(), 50));
        expect(usedBy, "a node's leased tasks", "ix_task_lease", () -> tasks.leasedBy("node-1"));
        expect(usedBy, "retention sweep", "ix_task_expiry", () -> tasks.resultsExpiredBefore(Instant.now(), 500));
        expect(usedBy, "retention sweep: failed runs' files", "ix_task_run_files",
                () -> tasks.failedWithRunFilesBefore(Instant.now(), 500));
        expect(usedBy, "deadline sweep", "ix_task_deadline", () -> tasks.pastDeadline(Instant.now().plusSeconds(7200), 50));
        // the lease index holds exactly the generating tasks too
        expect(usedBy, "per-engine limits", Set.of("ix_task_active_engine", "ix_task_lease"), () -> tasks.generatingPerEngine());
        expect(usedBy, "console: unfinished per engine", "ix_task_active_engine", () -> stats.unfinishedByEngine());
        expect(usedBy, "claim due upstream polls", "ix_task_next_poll",
                () -> tracking.claimDuePolls(Instant.now().plusSeconds(5), List.of("runway"), Instant.now().plusSeconds(60), 50));
        expect(usedBy, "console: overdue polls", "ix_task_next_poll", () -> stats.oldestDuePolls());
        expect(usedBy, "console: recent failures", "ix_task_failed", () -> stats.recentFailures(20));
        expect(usedBy, "console: upstream runs", "ix_task_upstream_runs", () -> stats.recentUpstreamRuns(20));
        expect(usedBy, "list a key's tasks", "ix_task_owner", () -> tasks.listOwned(KEY, null, null, null, 20));
        expect(usedBy, "list a dialect's tasks", "ix_task_owner", () -> tasks.listInDialect(KEY, "kie-runway", null, 20, false));
        expect(usedBy, "record-detail", "task_pkey", () -> tasks.findOwned(waiting.id(), KEY));

        assertThat(usedBy.keySet()).as("indexes of the task table no query here uses")
                .containsExactlyInAnyOrderElementsOf(indexesOfTask());
    }

    /**
     * H2 keeps full indexes, whose NULLs sort first: the sweeps bound their time column from below
     * ({@code DbTime.FLOOR}), so each reads the rows it may act on, not every task without a deadline, lease or expiry.
     */
    @Test
    void onH2TheSweepsReadOnlyTheRowsTheyMayActOn() {
        DataSource h2 = TestDatabases.migrated(TestDatabases.Kind.H2);
        JdbcClient jdbc = JdbcClient.create(h2);
        jdbc.sql("INSERT INTO api_key (id, name, key_hash, key_prefix, created_at) VALUES (:id, 'k', :h, 'rg_', :t)")
                .param("id", KEY).param("h", "0".repeat(64)).param("t", DbTime.of(NOW)).update();
        // the table's history (finished, results expired, no deadline or lease) and tasks parked at an upstream
        jdbc.sql("INSERT INTO task (id, api_key_id, kind, engine, state, prompt, created_at, expire_flag)"
                + " SELECT 's-' || x, :key, 'GENERATE', 'runway', 'success', 'p', :t, 1"
                + " FROM SYSTEM_RANGE(1, 3000) AS r(x)").param("key", KEY).param("t", DbTime.of(NOW)).update();
        jdbc.sql("INSERT INTO task (id, api_key_id, kind, engine, state, prompt, created_at, lease_owner)"
                + " SELECT 'g-' || x, :key, 'GENERATE', 'runway', 'generating', 'p', :t, 'upstream'"
                + " FROM SYSTEM_RANGE(1, 1000) AS r(x)").param("key", KEY).param("t", DbTime.of(NOW)).update();
        TaskRepository h2Tasks = new TaskRepository(JdbcClient.create(recording(h2)));
        // at most: lease recovery none (parked tasks have no lease), the deadline sweep the tasks in flight (H2 may
        // take the unfinished-state index), the retention sweep none (no unexpired result)
        Map<String, Integer> bounds = Map.of("lease recovery", 10, "deadline sweep", 1010, "retention sweep", 10,
                "failed runs' files", 10);
        Map<String, Runnable> sweeps = new LinkedHashMap<>();
        sweeps.put("lease recovery", () -> h2Tasks.leasesExpiredBefore(NOW, 50));
        sweeps.put("deadline sweep", () -> h2Tasks.pastDeadline(NOW, 50));
        sweeps.put("retention sweep", () -> h2Tasks.resultsExpiredBefore(NOW, 500));
        sweeps.put("failed runs' files", () -> h2Tasks.failedWithRunFilesBefore(NOW, 500));
        sweeps.forEach((sweep, call) -> {
            recorded.clear();
            call.run();
            String plan = explain(h2, "EXPLAIN ANALYZE ", recorded.get(0));
            java.util.regex.Matcher scanned = java.util.regex.Pattern.compile("scanCount: (\\d+)").matcher(plan);
            assertThat(scanned.find()).as(sweep + ": " + plan).isTrue();
            assertThat(Integer.parseInt(scanned.group(1))).as(sweep + " reads, of 4,000 tasks: " + plan)
                    .isLessThan(bounds.get(sweep));
        });
    }

    /** Runs the call, EXPLAINs the task statements it sent, and asserts none scans the table and one uses {@code index}. */
    private static void expect(Map<String, Set<String>> usedBy, String query, String index, Runnable call) {
        expect(usedBy, query, Set.of(index), call);
    }

    /** The same, where the planner may rightly take any of {@code indexes} (partial indexes holding the same rows). */
    private static void expect(Map<String, Set<String>> usedBy, String query, Set<String> indexes, Runnable call) {
        recorded.clear();
        call.run();
        List<Recorded> onTask = recorded.stream().filter(r -> r.sql().matches("(?is).*\\btask\\b.*")).toList();
        assertThat(onTask).as(query + ": statements sent").isNotEmpty();
        Set<String> used = new TreeSet<>();
        StringBuilder plans = new StringBuilder();
        for (Recorded statement : onTask) {
            String plan = explain(raw, "EXPLAIN ", statement);
            assertThat(plan).as(query + ": " + statement.sql()).doesNotContain("Seq Scan on task");
            plans.append(plan).append('\n');
            used.addAll(indexNames(plan));
        }
        used.forEach(name -> usedBy.computeIfAbsent(name, n -> new TreeSet<>()).add(query));
        assertThat(used).as(query + " is planned on one of " + indexes + ":\n" + plans).containsAnyElementsOf(indexes);
    }

    private static Set<String> indexNames(String plan) {
        Set<String> names = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:using|Index Scan on) (ix_task_\\w+|task_pkey) ").matcher(plan);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Set<String> indexesOfTask() {
        return new TreeSet<>(JdbcClient.create(raw).sql("SELECT indexname FROM pg_indexes WHERE tablename = 'task'")
                .query(String.class).list());
    }

    private static String explain(DataSource database, String explain, Recorded statement) {
        try (Connection c = database.getConnection(); PreparedStatement ps = c.prepareStatement(explain + statement.sql())) {
            for (Object[] call : statement.calls()) {
                ((Method) call[0]).invoke(ps, (Object[]) call[1]);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append(" \n");
                }
            }
            return plan.toString();
        } catch (SQLException | ReflectiveOperationException e) {
            throw new IllegalStateException("EXPLAIN failed for " + statement.sql(), e);
        }
    }

    /** A data source whose prepared statements remember their SQL and parameter calls. */
    private static DataSource recording(DataSource target) {
        InvocationHandler dataSource = (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? recordingConnection(connection) : result;
        };
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                dataSource);
    }

    private static Connection recordingConnection(Connection target) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")) {
                Recorded statement = new Recorded((String) args[0], new ArrayList<>());
                recorded.add(statement);
                return recordingStatement(ps, statement);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private static PreparedStatement recordingStatement(PreparedStatement target, Recorded statement) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                statement.calls().add(new Object[] {method, args});
            }
            return invoke(target, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

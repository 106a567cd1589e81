package io.reelgate.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.CallbackReceiver;
import io.reelgate.server.testsupport.KeptLogs;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * kill -9 of the server at random moments during a stream of 200 submits with callbacks, through every wire dialect
 * in turn ({@link StreamDialect}), restarting it each time
 * on the same H2 database and data directory. Afterwards every accepted task exists once and is terminal, none
 * reached its terminal state twice, every callback arrived, and the credit ledger balances.
 */
@Tag("reliability")
class KillNineStreamTest {

    private static final int SUBMITS = 200;
    private static final long GRANT = 100_000;
    private static final Pattern TRANSITION = Pattern.compile("Task (\\S+) (\\w+) -> (success|fail)\\b");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** 5 s clips at 1 fps (5 frames) render quickly; short leases and polls keep recovery quick. */
    private static final String[] ARGS = {"--reelgate.outbound.allow-private-networks=true",
        "--reelgate.engine.preview.fps=1", "--reelgate.dispatch.workers=2", "--reelgate.dispatch.lease-duration=6s",
        "--reelgate.dispatch.heartbeat-interval=1s", "--reelgate.dispatch.recovery-interval=1s",
        "--reelgate.dispatch.shutdown-grace=0s",
        "--reelgate.callback.retry-delays=1s,1s,2s,2s,3s,3s,5s,5s,5s,5s", "--reelgate.callback.jitter=0",
        "--reelgate.callback.timeout=2s", "--reelgate.callback.poll-interval=200ms",
        "--reelgate.rate-limit.submit.capacity=100000", "--reelgate.rate-limit.status.capacity=1000000"};

    @TempDir
    Path dataDir;

    private volatile ServerProcess server;

    @Test
    void everyAcceptedTaskEndsOnceWithItsCallbackAndTheLedgerBalancesAcrossKillNines() throws Exception {
        Path log = dataDir.resolve("server.log");
        Instant start = Instant.now();
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        int kills = 2 + random.nextInt(3);
        SubmitStream stream;
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            server = ServerProcess.start(dataDir, log, ARGS);
            AdminHttp admin = new AdminHttp(server.baseUrl(), dataDir);
            AdminHttp.Key key = admin.createKey("stream", GRANT);
            String apiKey = key.secret();
            // OpenAI-style webhooks go to the key's endpoint, not to a URL in the request
            admin.put("/admin/api/keys/" + key.id() + "/webhook-endpoint", "{\"url\":\"" + receiver.url("/hook") + "\"}");
            stream = new SubmitStream(() -> server.baseUrl(), apiKey);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<?> submitter = threads.submit(() -> {
                    for (int i = 0; i < SUBMITS; i++) {
                        // the dialects take turns: one task engine under all of them
                        StreamDialect dialect = StreamDialect.values()[i % StreamDialect.values().length];
                        stream.submit("stream-" + i, dialect.path(), dialect.body(i, receiver.url("/hook")),
                                Duration.ofMinutes(3));
                        // kept: a random gap between submits is part of the chaos, not a wait
                        Thread.sleep(random.nextInt(60));
                    }
                    return null;
                });
                Future<?> killer = threads.submit(() -> {
                    for (int k = 0; k < kills; k++) {
                        // kept: the kill -9 lands at a random moment, which is what the test is about
                        Thread.sleep(1000 + random.nextInt(5000));
                        server.kill();
                        server = ServerProcess.start(dataDir, log, ARGS);
                    }
                    return null;
                });
                killer.get(10, TimeUnit.MINUTES);
                submitter.get(10, TimeUnit.MINUTES);
            } finally {
                threads.shutdownNow();
            }

            Instant streamed = Instant.now();
            KieHttp kie = new KieHttp(server.baseUrl(), apiKey);
            Accepted accepted = new Accepted(stream.accepted);
            assertThat(accepted.taskIds).as("one task per logical submit (seed %d)", seed).hasSize(SUBMITS);
            Map<String, String> states = awaitAllTerminal(kie, accepted.taskIds);
            Instant terminal = Instant.now();
            awaitCallbacks(receiver, accepted.taskIds);
            awaitDeliveriesRecorded(kie, accepted.taskIds);
            server.close();
            // the restarted node hands its own interrupted renders back: proof the kills hit running tasks
            assertThat(Files.readString(log)).as("a kill interrupted a render").contains("generating -> queueing: node restarted");
            assertExactlyOnce(Files.readString(log), accepted.taskIds);
            assertDatabase(apiKey, accepted.taskIds, states);
            System.out.printf("kill -9 stream: seed %d, %d kills, %d lost attempts, %d retried answers, %d failed tasks;"
                    + " stream done after %s, all terminal %s later, callbacks %s later%n", seed, kills,
                    stream.lostAttempts.get(), stream.retriedAnswers.get(),
                    states.values().stream().filter("fail"::equals).count(), Duration.between(start, streamed),
                    Duration.between(streamed, terminal), Duration.between(terminal, Instant.now()));
        } finally {
            if (server != null) {
                server.close();
            }
            KeptLogs.keep(log, "kill-nine-server.log");
        }
    }

    /** The accepted task ids; a duplicate would mean one Idempotency-Key answered two different tasks. */
    private record Accepted(Set<String> taskIds) {
        Accepted(Map<String, String> byKey) {
            this(new HashSet<>(byKey.values()));
            assertThat(taskIds).as("distinct task per key").hasSameSizeAs(byKey.values());
        }
    }

    private static Map<String, String> awaitAllTerminal(KieHttp kie, Set<String> taskIds) {
        Map<String, String> states = new HashMap<>();
        Set<String> pending = new HashSet<>(taskIds);
        // a round asks about every pending task, so rounds are half a second apart
        Await.atMost(Duration.ofMinutes(4), Duration.ofMillis(500), () -> {
            for (String taskId : new ArrayList<>(pending)) {
                // the Reelgate view shows a task whichever dialect accepted it
                String state = kie.get("/api/v1/tasks/" + taskId).data().get("state").asString();
                if (state.equals("success") || state.equals("fail")) {
                    states.put(taskId, state);
                    pending.remove(taskId);
                }
            }
            return pending;
        }, Set::isEmpty);
        assertThat(pending).as("tasks not terminal after the restarts").isEmpty();
        return states;
    }

    private static void awaitCallbacks(CallbackReceiver receiver, Set<String> taskIds) {
        Set<String> missing = new HashSet<>(taskIds);
        Await.atMost(Duration.ofMinutes(2), Duration.ofMillis(200), () -> {
            for (CallbackReceiver.Received callback : receiver.at("/hook")) {
                missing.remove(StreamDialect.taskIdOf(JSON.readTree(callback.body())));
            }
            return missing;
        }, Set::isEmpty);
        assertThat(missing).as("tasks whose callback never arrived").isEmpty();
    }

    /**
     * Delivery is at least once: a callback can reach the receiver and yet not be recorded (a kill -9 before the
     * record, or an answer after the sender's timeout), and is then sent again. The database check needs the server's
     * own record, so this waits until the server reports every delivery delivered (or gives up on one).
     */
    private static void awaitDeliveriesRecorded(KieHttp kie, Set<String> taskIds) {
        Map<String, String> unsettled = new HashMap<>();
        taskIds.forEach(id -> unsettled.put(id, "not asked yet"));
        Await.atMost(Duration.ofMinutes(2), Duration.ofMillis(500), () -> {
            for (String taskId : new ArrayList<>(unsettled.keySet())) {
                JsonNode deliveries = kie.get("/api/v1/callbacks?taskId=" + taskId).data();
                String state = deliveries.size() == 1 ? deliveries.get(0).get("state").asString() : deliveries.size() + " deliveries";
                if (state.equals("delivered") || state.equals("dead")) {
                    unsettled.remove(taskId);
                } else {
                    unsettled.put(taskId, state);
                }
            }
            return unsettled;
        }, Map::isEmpty);
        assertThat(unsettled).as("deliveries the server has not recorded as sent").isEmpty();
    }

    /** At most one terminal transition per task in the log of all runs (a kill can cut the line after the commit). */
    private static void assertExactlyOnce(String log, Set<String> taskIds) {
        Map<String, List<String>> endings = new HashMap<>();
        Matcher matcher = TRANSITION.matcher(log);
        while (matcher.find()) {
            endings.computeIfAbsent(matcher.group(1), id -> new ArrayList<>()).add(matcher.group(3));
        }
        for (String taskId : taskIds) {
            assertThat(endings.getOrDefault(taskId, List.of())).as("terminal transitions of %s", taskId).hasSizeLessThan(2);
        }
    }

    /**
     * The database after a graceful stop: exactly the accepted tasks, each terminal with exactly one callback
     * outbox row (written in the same transaction as the terminal state, so two would mean two completions), one
     * charge each, one refund per failed task, and a balance of grant − charges + refunds.
     */
    private void assertDatabase(String apiKey, Set<String> taskIds, Map<String, String> states) throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("db/reelgate") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            String keyId = single(s, "SELECT id FROM api_key WHERE name = 'stream'");
            Map<String, String> dbStates = new HashMap<>();
            Map<String, Long> costs = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT id, state, cost FROM task WHERE api_key_id = '" + keyId + "'")) {
                while (rs.next()) {
                    dbStates.put(rs.getString(1), rs.getString(2));
                    costs.put(rs.getString(1), rs.getLong(3));
                }
            }
            assertThat(dbStates).as("tasks in the database = accepted tasks, no duplicates").isEqualTo(states);
            try (ResultSet rs = s.executeQuery("SELECT task_id, COUNT(*), SUM(CASE WHEN state = 'delivered' THEN 1 ELSE 0 END)"
                    + " FROM callback_delivery WHERE api_key_id = '" + keyId + "' GROUP BY task_id")) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    assertThat(rs.getInt(2)).as("outbox rows of %s", rs.getString(1)).isEqualTo(1);
                    assertThat(rs.getInt(3)).as("delivered %s", rs.getString(1)).isEqualTo(1);
                }
                assertThat(rows).as("tasks with a callback").isEqualTo(taskIds.size());
            }
            long charged = 0;
            long refunded = 0;
            try (ResultSet rs = s.executeQuery("SELECT task_id, reason, delta FROM credit_ledger WHERE api_key_id = '"
                    + keyId + "' AND task_id IS NOT NULL")) {
                Map<String, Integer> charges = new HashMap<>();
                while (rs.next()) {
                    String taskId = rs.getString(1);
                    long delta = rs.getLong(3);
                    if (rs.getString(2).equals("charge")) {
                        charges.merge(taskId, 1, Integer::sum);
                        assertThat(delta).isEqualTo(-costs.get(taskId));
                        charged -= delta;
                    } else {
                        assertThat(rs.getString(2)).isEqualTo("refund");
                        assertThat(states.get(taskId)).as("refunded %s", taskId).isEqualTo("fail");
                        assertThat(delta).isEqualTo(costs.get(taskId));
                        refunded += delta;
                    }
                }
                assertThat(charges.keySet()).isEqualTo(taskIds);
            }
            long failedCost = states.entrySet().stream().filter(e -> e.getValue().equals("fail"))
                    .mapToLong(e -> costs.get(e.getKey())).sum();
            assertThat(refunded).as("every failed task refunded once").isEqualTo(failedCost);
            long balance = Long.parseLong(single(s, "SELECT credits FROM api_key WHERE id = '" + keyId + "'"));
            long ledgerSum = Long.parseLong(single(s, "SELECT SUM(delta) FROM credit_ledger WHERE api_key_id = '" + keyId + "'"));
            assertThat(balance).isEqualTo(ledgerSum).isEqualTo(GRANT - charged + refunded);
        }
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}

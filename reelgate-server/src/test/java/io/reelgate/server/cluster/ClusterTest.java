package io.reelgate.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.CallbackReceiver;
import io.reelgate.server.testsupport.KeptLogs;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.S3ProxyProcess;
import io.reelgate.server.testsupport.ServerProcess;
import io.reelgate.server.testsupport.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Three Reelgate processes on one embedded PostgreSQL and one S3 store (s3proxy): every task is rendered exactly
 * once, results download through every node, and a node killed mid-render has its task finished by the others.
 */
@Tag("reliability")
class ClusterTest {

    private static final Pattern TRANSITION = Pattern.compile("Task (\\S+) (\\w+) -> (\\w+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(240);

    @TempDir
    Path dir;

    @Test
    void threeNodesShareTheWorkRenderEachTaskOnceAndSurviveAKillNine() throws Exception {
        String jdbcUrl = TestDatabases.freshPostgresUrl();
        try (S3ProxyProcess s3 = S3ProxyProcess.start(dir); CallbackReceiver receiver = new CallbackReceiver()) {
            List<ServerProcess> nodes = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Path nodeDir = Files.createDirectories(dir.resolve("node-" + i));
                    logs.add(nodeDir.resolve("server.log"));
                    nodes.add(ServerProcess.start(nodeDir, logs.get(i), args(jdbcUrl, s3, i)));
                }
                String devKey = Files.readString(dir.resolve("node-0/dev-api-key.txt")).trim();
                List<KieHttp> clients = nodes.stream().map(n -> new KieHttp(n.baseUrl(), devKey)).toList();
                long creditsBefore = clients.get(0).get("/api/v1/chat/credit").data().asLong();

                List<String> tasks = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    String callback = i % 5 == 0 ? ",\"callBackUrl\":\"" + receiver.url("/cb/" + i) + "\"" : "";
                    tasks.add(clients.get(i % 3).generate("{\"prompt\":\"cluster " + i + "\",\"duration\":5,"
                            + "\"quality\":\"720p\",\"aspectRatio\":\"1:1\"" + callback + "}"));
                }
                for (int i = 0; i < tasks.size(); i++) {
                    JsonNode detail = clients.get((i + 1) % 3).awaitTerminal(tasks.get(i), TIMEOUT);
                    assertThat(detail.get("state").asString()).as(tasks.get(i)).isEqualTo("success");
                }
                Map<String, Map<String, Integer>> counts = transitions(logs);
                for (String task : tasks) {
                    assertThat(counts.get(task).get("generating")).as(() -> "engine runs of " + task + "\n" + history(logs, task))
                            .isEqualTo(1);
                    assertThat(counts.get(task).get("success")).as(() -> "completions of " + task + "\n" + history(logs, task))
                            .isEqualTo(1);
                }
                for (int node = 0; node < 3; node++) {
                    assertThat(String.join("", List.of(Files.readString(logs.get(node))))).contains("queueing -> generating");
                }
                for (String task : tasks) {
                    String path = URI.create(clients.get(0).detail(task).get("videoInfo").get("videoUrl").asString()).getPath();
                    for (ServerProcess node : nodes) {
                        HttpResponse<byte[]> part = clients.get(0).getBytes(HttpRequest.newBuilder(
                                URI.create(node.baseUrl() + path)).header("Range", "bytes=0-99").build());
                        assertThat(part.statusCode()).as("%s via %s", path, node.baseUrl()).isEqualTo(206);
                        assertThat(part.body()).hasSize(100);
                    }
                }
                assertThat(Files.walk(dir.resolve("s3-data")).filter(p -> p.toString().endsWith(".mp4")).count())
                        .as("results stored in S3").isGreaterThanOrEqualTo(60);
                for (int i = 0; i < 60; i += 5) {
                    receiver.await("/cb/" + i, 1, TIMEOUT);
                }

                // kill -9 a node while it renders; its task must finish on the others once the lease expires
                List<String> late = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    late.add(clients.get(i % 3).generate("{\"prompt\":\"late " + i + "\",\"duration\":10,\"quality\":\"720p\","
                            + "\"aspectRatio\":\"1:1\",\"callBackUrl\":\"" + receiver.url("/late/" + i) + "\"}"));
                }
                int victim = awaitNodeRendering(logs, late);
                nodes.get(victim).kill();
                for (int i = 0; i < late.size(); i++) {
                    KieHttp survivor = clients.get((victim + 1) % 3);
                    assertThat(survivor.awaitTerminal(late.get(i), TIMEOUT).get("state").asString()).isEqualTo("success");
                    receiver.await("/late/" + i, 1, TIMEOUT);
                }
                Map<String, Map<String, Integer>> after = transitions(logs);
                for (String task : late) {
                    assertThat(after.get(task).get("success")).as(() -> "completions of " + task + "\n" + history(logs, task))
                            .isEqualTo(1);
                }
                KieHttp survivor = clients.get((victim + 1) % 3);
                long sum = 0;
                int charges = 0;
                for (JsonNode entry : survivor.get("/api/v1/account/ledger?limit=1000").data()) {
                    sum += entry.get("delta").asLong();
                    charges += entry.get("reason").asString().equals("charge") ? 1 : 0;
                }
                long balance = survivor.get("/api/v1/chat/credit").data().asLong();
                assertThat(charges).isEqualTo(66);
                assertThat(sum).as("ledger sums to the balance").isEqualTo(balance);
                // 5 s 720p costs 12, 10 s 720p costs 30
                assertThat(balance).isEqualTo(creditsBefore - 60 * 12 - 6 * 30);
            } finally {
                for (ServerProcess node : nodes) {
                    node.close();
                }
                for (int node = 0; node < logs.size(); node++) {
                    KeptLogs.keep(logs.get(node), "cluster-node-" + node + ".log");
                }
            }
        }
    }

    private static String[] args(String jdbcUrl, S3ProxyProcess s3, int node) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--reelgate.dispatch.workers=1", "--reelgate.dispatch.lease-duration=30s",
                "--reelgate.dispatch.heartbeat-interval=2s", "--reelgate.dispatch.recovery-interval=1s",
                "--reelgate.dispatch.node-id=node-" + node, "--reelgate.outbound.allow-private-networks=true",
                "--reelgate.rate-limit.submit.capacity=1000", "--reelgate.admin.token=cluster-admin"));
        args.addAll(s3.serverArgs("cluster"));
        return args.toArray(String[]::new);
    }

    /** Which node (by log) is rendering one of {@code tasks} right now. */
    private static int awaitNodeRendering(List<Path> logs, List<String> tasks) {
        return Await.until(Duration.ofSeconds(120), "no node started rendering", () -> nodeRendering(logs, tasks),
                node -> node >= 0);
    }

    /** The first node whose log shows one of {@code tasks} generating and not yet done, or -1. */
    private static int nodeRendering(List<Path> logs, List<String> tasks) throws Exception {
        for (int node = 0; node < logs.size(); node++) {
            String log = Files.readString(logs.get(node));
            for (String task : tasks) {
                if (log.contains("Task " + task + " queueing -> generating") && !log.contains("Task " + task + " generating -> success")) {
                    return node;
                }
            }
        }
        return -1;
    }

    /**
     * Every log line of every node that names {@code task}, and every late-heartbeat warning, prefixed with its node:
     * what a failure needs to show.
     */
    private static String history(List<Path> logs, String task) {
        StringBuilder lines = new StringBuilder();
        for (int node = 0; node < logs.size(); node++) {
            try {
                for (String line : Files.readAllLines(logs.get(node))) {
                    if (line.contains(task) || line.contains("Lease heartbeat")) {
                        lines.append("node-").append(node).append(": ").append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                lines.append("node-").append(node).append(": log unreadable: ").append(e).append('\n');
            }
        }
        return lines.toString();
    }

    /** Per task, how many times each target state was reached, across every node's log. */
    private static Map<String, Map<String, Integer>> transitions(List<Path> logs) throws Exception {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Path log : logs) {
            Matcher matcher = TRANSITION.matcher(Files.readString(log));
            while (matcher.find()) {
                counts.computeIfAbsent(matcher.group(1), k -> new HashMap<>()).merge(matcher.group(3), 1, Integer::sum);
            }
        }
        return counts;
    }
}

package io.reelgate.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.ServerProcess;
import io.reelgate.server.testsupport.TaskEventStream;
import io.reelgate.server.testsupport.VideoProbe;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Kills the server with SIGKILL while a task is generating, restarts it on the same data directory, and checks
 * that every task ends exactly once, the interrupted one with a second, complete run.
 */
@Tag("reliability")
class CrashRecoveryTest {

    private static final Pattern TRANSITION = Pattern.compile("Task (\\S+) (\\w+) -> (\\w+)");

    @TempDir
    Path dataDir;

    @Test
    void taskGeneratingDuringKillNineFinishesExactlyOnceAfterRestart() throws Exception {
        Path log = dataDir.resolve("server.log");
        List<String> taskIds = new ArrayList<>();
        String interrupted;
        try (ServerProcess first = ServerProcess.start(dataDir, log, "--reelgate.dispatch.workers=1")) {
            KieHttp kie = new KieHttp(first.baseUrl(), Files.readString(dataDir.resolve("dev-api-key.txt")).trim());
            for (int i = 0; i < 3; i++) {
                taskIds.add(kie.generate("{\"prompt\":\"crash test " + i + "\",\"duration\":10,\"quality\":\"720p\","
                        + "\"aspectRatio\":\"16:9\"}"));
            }
            interrupted = awaitGenerating(kie, taskIds);
            first.kill();
        }

        try (ServerProcess second = ServerProcess.start(dataDir, log, "--reelgate.dispatch.workers=1")) {
            KieHttp kie = new KieHttp(second.baseUrl(), Files.readString(dataDir.resolve("dev-api-key.txt")).trim());
            for (String taskId : taskIds) {
                JsonNode detail = kie.awaitTerminal(taskId, Duration.ofSeconds(120));
                assertThat(detail.get("state").asString()).as("task %s", taskId).isEqualTo("success");
            }
            Path video = dataDir.resolve("downloaded.mp4");
            kie.download(kie.detail(interrupted).get("videoInfo").get("videoUrl").asString(), video);
            VideoProbe.Info info = VideoProbe.probe(video);
            assertThat(info.decodedFrames()).isEqualTo(240);
            assertThat(info.durationSeconds()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(0.1));
        }

        Map<String, List<String>> endings = terminalTransitions(Files.readString(log));
        for (String taskId : taskIds) {
            assertThat(endings.get(taskId)).as("terminal transitions of %s", taskId).containsExactly("success");
        }
        assertThat(attempts(interrupted)).isEqualTo(2);
        try (Stream<Path> files = Files.list(dataDir.resolve("files/results").resolve(interrupted))) {
            assertThat(files.filter(f -> f.toString().endsWith(".mp4")).count()).as("one stored result").isEqualTo(1);
        }
    }

    @Test
    void sigtermDuringARenderFinishesTheTaskWithinTheGraceOrHandsItBack() throws Exception {
        Path log = dataDir.resolve("server.log");
        String finished;
        try (ServerProcess server = ServerProcess.start(dataDir, log, "--reelgate.dispatch.workers=1",
                "--reelgate.dispatch.shutdown-grace=60s")) {
            KieHttp kie = new KieHttp(server.baseUrl(), Files.readString(dataDir.resolve("dev-api-key.txt")).trim());
            finished = kie.generate("{\"prompt\":\"graceful\",\"duration\":10,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");
            awaitGenerating(kie, List.of(finished));
        } // close() sends SIGTERM and waits for the process to exit
        assertThat(terminalTransitions(Files.readString(log)).get(finished)).as("finished during the grace period")
                .containsExactly("success");

        String released;
        Instant sigterm;
        try (ServerProcess server = ServerProcess.start(dataDir, log, "--reelgate.dispatch.workers=1",
                "--reelgate.dispatch.shutdown-grace=0s");
             TaskEventStream stream = new TaskEventStream(server.baseUrl(),
                     Files.readString(dataDir.resolve("dev-api-key.txt")).trim(), "", null)) {
            KieHttp kie = new KieHttp(server.baseUrl(), Files.readString(dataDir.resolve("dev-api-key.txt")).trim());
            released = kie.generate("{\"prompt\":\"released\",\"duration\":10,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");
            awaitGenerating(kie, List.of(released));
            sigterm = Instant.now();
            server.close();
        }
        // an open live stream would hold the web server's graceful shutdown for its whole 60 s phase timeout
        assertThat(Duration.between(sigterm, Instant.now())).as("shutdown with a stream open").isLessThan(Duration.ofSeconds(30));
        assertThat(Files.readString(log)).contains("Task " + released + " generating -> queueing: node restarted");
        assertThat(terminalTransitions(Files.readString(log))).doesNotContainKey(released);

        try (ServerProcess server = ServerProcess.start(dataDir, log, "--reelgate.dispatch.workers=1")) {
            KieHttp kie = new KieHttp(server.baseUrl(), Files.readString(dataDir.resolve("dev-api-key.txt")).trim());
            assertThat(kie.awaitTerminal(released, Duration.ofSeconds(60)).get("state").asString()).isEqualTo("success");
            assertThat(kie.detail(finished).get("state").asString()).isEqualTo("success");
        }
        Map<String, List<String>> endings = terminalTransitions(Files.readString(log));
        assertThat(endings.get(released)).containsExactly("success");
        assertThat(endings.get(finished)).containsExactly("success");
    }

    private static String awaitGenerating(KieHttp kie, List<String> taskIds) {
        return Await.until(Duration.ofSeconds(60), "no task started generating",
                () -> taskIds.stream().filter(id -> kie.detail(id).get("state").asString().equals("generating")).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private static Map<String, List<String>> terminalTransitions(String log) {
        Map<String, List<String>> endings = new HashMap<>();
        Matcher matcher = TRANSITION.matcher(log);
        while (matcher.find()) {
            String to = matcher.group(3);
            if (to.equals("success") || to.equals("fail")) {
                endings.computeIfAbsent(matcher.group(1), id -> new ArrayList<>()).add(to);
            }
        }
        return endings;
    }

    private int attempts(String taskId) throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("db/reelgate") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT attempts FROM task WHERE id = '" + taskId + "'")) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }
}

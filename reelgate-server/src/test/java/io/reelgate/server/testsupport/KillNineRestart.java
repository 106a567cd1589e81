package io.reelgate.server.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The scenario every engine's restart test plays: a server process submits one task to {@code engine}, is killed with
 * SIGKILL once the upstream job is being tracked, and a second process on the same data directory (and log) must take
 * the stored upstream id over and finish the task. The fake keeps running in the test JVM between the two.
 */
public final class KillNineRestart {

    private static final Pattern TERMINAL = Pattern.compile("Task (\\S+) generating -> (success|fail)");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final Path log;
    private final String[] args;

    private KillNineRestart(Path dataDir, String[] args) {
        this.dataDir = dataDir;
        this.log = dataDir.resolve("server.log");
        this.args = args;
    }

    /**
     * Every kind routed to {@code engine}, polled every 200 ms on a 100 ms tick, a poll claim that lapses 3 s after the
     * kill; {@code engineArgs} point the engine at its fake.
     */
    public static KillNineRestart of(Path dataDir, String engine, String... engineArgs) {
        List<String> args = new ArrayList<>(List.of(engineArgs));
        args.addAll(List.of("--reelgate.engine." + engine + ".poll-interval=200ms", "--reelgate.upstream.tick=100ms",
                "--reelgate.upstream.claim-duration=3s", "--reelgate.routing.generate=" + engine));
        return new KillNineRestart(dataDir, args.toArray(String[]::new));
    }

    /** As {@link #of}, for an engine whose fake and result files are on loopback, which the outbound guard refuses. */
    public static KillNineRestart hosted(Path dataDir, String engine, String... engineArgs) {
        List<String> args = new ArrayList<>(List.of(engineArgs));
        args.add("--reelgate.outbound.allowed-hosts=127.0.0.1");
        return of(dataDir, engine, args.toArray(String[]::new));
    }

    /** Starts the first process, submits {@code generateBody}, kills the process once {@code tracked} has returned. */
    public String submitThenKill(String generateBody, Runnable tracked) throws InterruptedException {
        try (ServerProcess first = ServerProcess.start(dataDir, log, args)) {
            String taskId = client(first).generate(generateBody);
            tracked.run();
            first.kill();
            return taskId;
        }
    }

    /**
     * Starts the second process, awaits the task's success, downloads its video and runs {@code whileUp} against the
     * running server; answers the downloaded video.
     */
    public Path succeedsAfterRestart(String taskId, ServerCheck whileUp) throws Exception {
        try (ServerProcess second = ServerProcess.start(dataDir, log, args)) {
            KieHttp kie = client(second);
            JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);
            assertThat(detail.get("state").asString()).isEqualTo("success");
            Path video = dataDir.resolve("downloaded.mp4");
            kie.download(detail.get("videoInfo").get("videoUrl").asString(), video);
            whileUp.check(kie);
            return video;
        }
    }

    public Path succeedsAfterRestart(String taskId) throws Exception {
        return succeedsAfterRestart(taskId, kie -> { });
    }

    /** What both processes wrote. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How each task that reached {@code generating} ended, in the order the log says, over both processes. */
    public List<String> terminalTransitions() {
        List<String> endings = new ArrayList<>();
        Matcher matcher = TERMINAL.matcher(log());
        while (matcher.find()) {
            endings.add(matcher.group(2));
        }
        return endings;
    }

    /** Waits, up to a minute, until {@code condition} holds: how a test says the upstream job is being tracked. */
    public static Runnable awaiting(String failure, Await.Check condition) {
        return () -> Await.until(TIMEOUT, failure, condition);
    }

    /** Waits until the fake provider answered a second GET of {@code path}: the server polls the upstream job. */
    public static Runnable awaitingPolls(WireMockServer provider, String path) {
        return awaiting("the upstream job at " + path + " was never polled twice",
                () -> provider.findAll(getRequestedFor(urlEqualTo(path))).size() >= 2);
    }

    /** The KIE Runway generate body every restart test submits: 16:9, 720p, {@code seconds} long. */
    public static String generateBody(String prompt, int seconds) {
        return "{\"prompt\":\"" + prompt + "\",\"duration\":" + seconds
                + ",\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}";
    }

    private KieHttp client(ServerProcess server) {
        return new KieHttp(server.baseUrl(), KieHttp.devKey(dataDir));
    }

    /** A check against the restarted server while it still runs. */
    @FunctionalInterface
    public interface ServerCheck {
        void check(KieHttp kie) throws Exception;
    }
}

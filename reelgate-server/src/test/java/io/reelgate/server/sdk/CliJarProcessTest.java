package io.reelgate.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.reelgate.client.ReelgateClient;
import io.reelgate.client.model.GenerateRequest;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.EndToEndTest;
import io.reelgate.server.testsupport.VideoProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped CLI, {@code reelgate-cli/target/reelgate-cli.jar}, run as a separate process ({@code java -jar})
 * against the real server: exit codes, stdout/stderr and the files it writes are what a user gets.
 */
class CliJarProcessTest extends EndToEndTest {

    /** Surefire runs in the module directory; a reactor build packages reelgate-cli before these tests run. */
    private static final Path JAR = Path.of("").toAbsolutePath().resolve("../reelgate-cli/target/reelgate-cli.jar").normalize();

    @TempDir
    Path work;

    private record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void jarIsBuilt() {
        assumeTrue(Files.isRegularFile(JAR), JAR + " is missing: build it first (./mvnw -pl reelgate-cli -am package, "
                + "or run the reactor 'verify', which packages the CLI before the server's tests)");
    }

    private ProcessBuilder process(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().put("REELGATE_URL", baseUrl());
        builder.environment().put("REELGATE_DATA_DIR", DATA_DIR.toString());
        builder.environment().remove("REELGATE_API_KEY");
        builder.environment().remove("REELGATE_ADMIN_TOKEN");
        return builder;
    }

    private Result cli(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = process(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("reelgate %s finished", List.of(args)).isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void onATerminalWaitRedrawsOneProgressLine() throws Exception {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "util-linux script gives the CLI a pseudo-terminal");
        List<String> java = process("generate", "--prompt", "terminal kite", "--aspect", "1:1", "--wait", "--timeout", "60")
                .command();
        String commandLine = String.join(" ", java.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
        ProcessBuilder pty = process().command(script.toString(), "-qec", commandLine, "/dev/null");
        Path out = Files.createTempFile(work, "tty", ".txt");
        Process p = pty.redirectOutput(out.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();

        String screen = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(screen).isZero();
        assertThat(screen).as("live line redrawn in place").contains("\r");
        assertThat(screen).contains("success");
    }

    private static String field(String output, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ":\\s+(\\S+)$").matcher(output);
        assertThat(m.find()).as(name + " in:\n" + output).isTrue();
        return m.group(1);
    }

    private ReelgateClient sdk() throws IOException {
        return ReelgateClient.builder().baseUrl(baseUrl()).apiKey(devKey()).build();
    }

    @Test
    void generateWaitOutWritesAPlayableMp4() throws Exception {
        Path video = work.resolve("kite.mp4");
        Result generated = cli("generate", "--prompt", "a red kite over hills", "--aspect", "16:9", "--wait",
                "--timeout", "60", "--out", video.toString());
        assertThat(generated.exit()).as(generated.err()).isZero();
        String taskId = field(generated.out(), "taskId");
        assertThat(field(generated.out(), "videoUrl")).startsWith("http").endsWith(".mp4");
        assertThat(field(generated.out(), "file")).isEqualTo(video.toString());
        // not a terminal: plain log lines, no carriage-return redraws
        assertThat(generated.err()).contains("state: success").doesNotContain("\r");

        VideoProbe.Info info = VideoProbe.probe(video);
        assertThat(info.codecName()).isEqualTo("h264");
        assertThat(info.decodedFrames()).isPositive();

        Path again = work.resolve("again.mp4");
        Result downloaded = cli("download", taskId, "--out", again.toString());
        assertThat(downloaded.exit()).as(downloaded.err()).isZero();
        assertThat(Files.mismatch(video, again)).isEqualTo(-1L);

        Result status = cli("status", taskId, "--json");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("\"taskId\":\"" + taskId + "\"", "\"state\":\"success\"");
    }

    @Test
    void aBadFlagExitsWithTheUsageCodeAndAHelpfulMessage() throws Exception {
        Result bad = cli("generate", "--prompt", "p", "--duraton", "5");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("Unknown option", "--duraton", "--duration", "reelgate generate --help");
        assertThat(bad.out()).isEmpty();

        Result missing = cli("generate");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--prompt=TEXT'");

        Result unknown = cli("genrate", "--prompt", "p");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command 'genrate'", "reelgate generate");
    }

    @Test
    void aFailingTaskExitsWithFourAndTheFailureMessage() throws Exception {
        Result failed = cli("generate", "--prompt", "p", "--image", "http://127.0.0.1:9/x.png", "--wait", "--timeout", "60");
        assertThat(failed.exit()).as(failed.err()).isEqualTo(4);
        String taskId = field(failed.out(), "taskId");
        assertThat(failed.err()).contains("task " + taskId + " failed: 400", "state: fail");

        Result status = cli("status", taskId);
        assertThat(status.exit()).isZero();
        String failMsg = status.out().lines().filter(l -> l.startsWith("failMsg:")).findFirst().orElseThrow()
                .substring("failMsg:".length()).trim();
        assertThat(failMsg).isNotBlank();
        assertThat(failed.err()).contains(failMsg);

        Result download = cli("download", taskId, "--out", work.resolve("none.mp4").toString());
        assertThat(download.exit()).isEqualTo(4);
    }

    @Test
    void watchFollowsATaskAndCancelEndsIt() throws Exception {
        ReelgateClient sdk = sdk();
        String longTask = sdk.generate(GenerateRequest.builder("cli cancel").aspectRatio("16:9").duration(10).build());
        Path watchOut = work.resolve("watch-out.txt");
        Path watchErr = work.resolve("watch-err.txt");
        Process watch = process("watch", longTask).redirectOutput(watchOut.toFile()).redirectError(watchErr.toFile()).start();
        try {
            // the watcher has subscribed and printed the current state before we cancel
            Await.atMost(Duration.ofSeconds(30), () -> Files.readString(watchOut),
                    out -> out.contains("state: ") || !watch.isAlive());
            Result cancelled = cli("cancel", longTask);
            assertThat(cancelled.exit()).as(cancelled.err()).isZero();
            assertThat(field(cancelled.out(), "state")).isEqualTo("fail");
            assertThat(cancelled.out()).contains("Task was cancelled");

            assertThat(watch.waitFor(30, TimeUnit.SECONDS)).as("watch ends when the task does").isTrue();
            assertThat(watch.exitValue()).as(Files.readString(watchErr)).isEqualTo(4);
            assertThat(Files.readString(watchOut)).contains("state: fail");
            assertThat(Files.readString(watchErr)).contains("Task was cancelled");
        } finally {
            watch.destroyForcibly();
        }

        String quick = sdk.generate(GenerateRequest.builder("cli watch").aspectRatio("1:1").build());
        Result watched = cli("watch", quick, "--timeout", "60");
        assertThat(watched.exit()).as(watched.err()).isZero();
        assertThat(watched.out()).contains("state: success  progress: 100%");
        assertThat(field(watched.out(), "videoUrl")).startsWith("http");

        Result unknown = cli("cancel", "no-such-task");
        assertThat(unknown.exit()).isEqualTo(3);
        assertThat(unknown.err()).contains("404");
    }
}

package io.reelgate.server.api.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.EndToEndTest;
import io.reelgate.server.testsupport.TestDataDirs;
import io.reelgate.server.testsupport.VideoProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official {@code openai} npm package, run by Node against the running server: 6.27.0 sends JSON, 6.28.0 and
 * later always multipart. The script (src/test/resources/openai-node/videos.cjs) creates a video, polls it to
 * {@code completed}, downloads the MP4, verifies the webhook with {@code client.webhooks.unwrap}, lists, deletes, and
 * checks that a bad key raises {@code AuthenticationError}. Skipped only when {@code node} is not installed; the
 * packages are installed under {@code target/} by the test itself, never at build time.
 */
class OpenAiNodeSdkEndToEndTest extends EndToEndTest {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
    private static final Path PACKAGES = Path.of("target", "openai-node");

    @BeforeAll
    static void requireNode() {
        assumeTrue(succeeds(List.of("node", "--version")),
                "node is not installed: the OpenAI Node SDK test needs Node 20+ and npm (.ci/run installs them)");
    }

    @ParameterizedTest(name = "openai@{0}")
    @ValueSource(strings = {"6.27.0", "6.30.1"})
    void theOfficialNodeSdkCreatesPollsDownloadsListsAndDeletesAVideo(String version) throws Exception {
        Path packageDir = install(version);
        AdminHttp admin = new AdminHttp(baseUrl(), DATA_DIR);
        AdminHttp.Key key = admin.createKey("openai-node-" + version, 1000);
        String secret = admin.post("/admin/api/keys/" + key.id() + "/webhook-secret", "").data().asString();
        Path script = Path.of(getClass().getResource("/openai-node/videos.cjs").toURI());
        Path mp4 = packageDir.resolve("downloaded.mp4");
        Files.deleteIfExists(mp4);

        Run run = run(List.of("node", script.toString(), packageDir.toAbsolutePath().toString(), mp4.toString()),
                Map.of("BASE_URL", baseUrl() + "/v1", "API_KEY", key.secret(), "ADMIN_URL", baseUrl(),
                        "ADMIN_TOKEN", Files.readString(DATA_DIR.resolve("admin-token.txt")).trim(),
                        "KEY_ID", key.id(), "WEBHOOK_SECRET", secret), RUN_TIMEOUT);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("webhook", "verified", "bad key refused", "OK openai " + version);
        VideoProbe.Info video = VideoProbe.probe(mp4);
        assertThat(List.of(video.width(), video.height())).containsExactly(720, 1280);
        assertThat(video.durationSeconds()).isEqualTo(4.0);
    }

    private static Path install(String version) throws IOException, InterruptedException {
        Path dir = PACKAGES.resolve(version);
        Path installed = dir.resolve("node_modules/openai/package.json");
        if (Files.isRegularFile(installed) && Files.readString(installed).contains("\"version\": \"" + version + "\"")) {
            return dir;
        }
        Files.createDirectories(dir);
        Run npm = run(List.of("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", dir.toString(),
                "openai@" + version), Map.of(), INSTALL_TIMEOUT);
        assertThat(npm.exitCode()).as("npm install openai@" + version + ":\n" + npm.output()).isZero();
        return dir;
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(List<String> command, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        Path log = TestDataDirs.freshFile("openai-node-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Run(-1, "timed out after " + timeout + ":\n" + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean succeeds(List<String> command) {
        try {
            return run(command, Map.of(), Duration.ofSeconds(30)).exitCode() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

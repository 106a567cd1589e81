package io.reelgate.server.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The server as a separate operating-system process, started from the build's own classes and runtime classpath,
 * so a test can kill it with SIGKILL and start it again on the same data directory.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static ServerProcess start(Path dataDir, Path log, String... extraArgs) {
        int port = freePort();
        // C1 only: a test's server lives for seconds and renders little, so compiling for start-up beats peak speed
        // (a start took about 11 s on 2 cores, now about 8)
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx1g", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-cp", classpath(), "io.reelgate.server.ReelgateApplication",
                "--server.port=" + port, "--reelgate.data-dir=" + dataDir));
        command.addAll(List.of(extraArgs));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ServerProcess server = new ServerProcess(process, port, log);
            server.awaitHealthy(Duration.ofSeconds(90));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hook, no graceful stop, exactly like a crash or an OOM kill. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        try {
            Await.until(timeout, () -> "server not healthy after " + timeout + "; log:\n" + logText(),
                    () -> healthy(client), Boolean::booleanValue);
        } catch (AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private boolean healthy(HttpClient client) throws InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException("server exited with " + process.exitValue() + "; log:\n" + logText());
        }
        try {
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("UP");
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    private static String classpath() {
        try {
            Path target = Path.of("target");
            String dependencies = Files.readString(target.resolve("runtime-classpath.txt")).trim();
            return target.resolve("classes").toAbsolutePath() + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException("target/runtime-classpath.txt is written by the Maven build", e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

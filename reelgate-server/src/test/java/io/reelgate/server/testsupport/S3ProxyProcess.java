package io.reelgate.server.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * s3proxy (an S3-compatible server on a local directory) as a separate process on loopback, so storage and
 * cluster tests run against a real S3 protocol peer. The jar is copied into {@code target/tools} by the build.
 */
public final class S3ProxyProcess implements AutoCloseable {

    public static final String ACCESS_KEY = "reelgate-test";
    public static final String SECRET_KEY = "reelgate-test-secret";

    private final Process process;
    private final int port;

    private S3ProxyProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static S3ProxyProcess start(Path dir) {
        try {
            int port = freePort();
            Path data = Files.createDirectories(dir.resolve("s3-data"));
            Path config = dir.resolve("s3proxy.conf");
            Files.writeString(config, String.join("\n",
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + data) + "\n");
            Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", Path.of("target/tools/s3proxy.jar").toAbsolutePath().toString(),
                    "--properties", config.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
            S3ProxyProcess proxy = new S3ProxyProcess(process, port);
            proxy.awaitListening(Duration.ofSeconds(60));
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Server arguments that put a Reelgate node's storage into this store. */
    public List<String> serverArgs(String bucket) {
        return List.of("--reelgate.storage.type=s3", "--reelgate.storage.s3.endpoint=" + endpoint(),
                "--reelgate.storage.s3.bucket=" + bucket, "--reelgate.storage.s3.access-key=" + ACCESS_KEY,
                "--reelgate.storage.s3.secret-key=" + SECRET_KEY, "--reelgate.storage.s3.create-bucket=true");
    }

    private void awaitListening(Duration timeout) {
        Await.until(timeout, "s3proxy did not listen within " + timeout, this::listening);
    }

    private boolean listening() {
        if (!process.isAlive()) {
            throw new IllegalStateException("s3proxy exited with " + process.exitValue());
        }
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

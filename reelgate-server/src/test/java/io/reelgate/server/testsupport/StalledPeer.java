package io.reelgate.server.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A peer that reads one request, optionally sends the start of an answer, then neither answers more nor closes: a
 * download from it ends only by the client's own timeout or by being dropped.
 */
public final class StalledPeer implements AutoCloseable {

    private final ServerSocket listener;
    private final CountDownLatch requestArrived = new CountDownLatch(1);
    private final String answerStart;

    /** @param answerStart what to send before stalling ("" for nothing, not even a status line) */
    public StalledPeer(String answerStart) {
        this.answerStart = answerStart;
        try {
            listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread stalling = new Thread(this::acceptAndStall, "stalled-peer");
        stalling.setDaemon(true);
        stalling.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + listener.getLocalPort() + path;
    }

    /** Waits until the request was read and the answer's start sent. */
    public void awaitRequest(Duration timeout) throws InterruptedException {
        if (!requestArrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no request reached the stalled peer within " + timeout);
        }
    }

    private void acceptAndStall() {
        try (Socket socket = listener.accept()) {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            in.read(buffer);
            socket.getOutputStream().write(answerStart.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            requestArrived.countDown();
            while (in.read(buffer) != -1) {
                // the client sends nothing more; the loop ends when it drops the connection
            }
        } catch (IOException e) {
            // the client dropped the connection, or the peer was closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}

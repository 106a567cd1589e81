package io.reelgate.server.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.LoopbackDownloader;
import io.reelgate.server.testsupport.StalledPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An aborted download ends at once, over real sockets, whether its peer has not answered yet or stalls in the
 * middle of the body: with a read timeout of a minute, only the abort can end these transfers within the test's
 * bound.
 */
class DownloadAbortTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    private final GuardedDownloader downloader = LoopbackDownloader.withReadTimeout(Duration.ofMinutes(1));
    private StalledPeer peer;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception {
        downloader.close();
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void anAbortEndsADownloadWaitingForTheAnswer() throws Exception {
        peer = new StalledPeer("");
        DownloadAbort abort = new DownloadAbort();
        CompletableFuture<Void> download = startDownload(abort);
        peer.awaitRequest(PROMPTLY);

        abort.abort();

        assertStopped(download);
    }

    @Test
    void anAbortEndsADownloadStalledInTheBody() throws Exception {
        peer = new StalledPeer("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: 100000\r\n\r\nfirst bytes");
        DownloadAbort abort = new DownloadAbort();
        CompletableFuture<Void> download = startDownload(abort);
        Path target = dir.resolve("a.mp4");
        // the first bytes are in the file: the client is blocked reading the rest
        Await.until(PROMPTLY, "the first bytes written", () -> Files.exists(target) && Files.size(target) == 11);

        abort.abort();

        assertStopped(download);
    }

    @Test
    void aDownloadStartedAfterTheAbortDoesNotStart() {
        peer = new StalledPeer("");
        DownloadAbort abort = new DownloadAbort();
        abort.abort();

        assertThatThrownBy(() -> downloader.download(peer.url("/b.mp4"), dir.resolve("b.mp4"), 1_000_000, Map.of(),
                abort)).isInstanceOf(OutboundRefusedException.class).hasMessage("the download was stopped");
    }

    private CompletableFuture<Void> startDownload(DownloadAbort abort) {
        return CompletableFuture.runAsync(() ->
                downloader.download(peer.url("/slow.mp4"), dir.resolve("a.mp4"), 1_000_000, Map.of(), abort));
    }

    private static void assertStopped(CompletableFuture<Void> download) {
        assertThat(download).failsWithin(PROMPTLY).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(OutboundRefusedException.class).withMessage("the download was stopped");
    }
}

package io.reelgate.server.testsupport;

import io.reelgate.server.fetch.GuardedDownloader;
import io.reelgate.server.fetch.GuardedHttpClients;
import io.reelgate.server.fetch.OutboundGuard;
import io.reelgate.server.fetch.OutboundProperties;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The production downloader with its guard opened for 127.0.0.1 only, for tests against peers on this machine. */
public final class LoopbackDownloader {

    private LoopbackDownloader() {
    }

    public static GuardedDownloader withReadTimeout(Duration readTimeout) {
        OutboundProperties properties = new OutboundProperties(false, List.of("127.0.0.1"), Duration.ofSeconds(2),
                readTimeout, 3, 10);
        OutboundGuard guard = new OutboundGuard(properties, InetAddress::getAllByName);
        return new GuardedDownloader(guard, properties, new GuardedHttpClients(guard, properties), Clock.systemUTC());
    }
}

package io.reelgate.server.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.server.testsupport.ImageHost;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No test here sends traffic anywhere but loopback: refused addresses are refused before any connection. */
class OutboundGuardTest {

    private static OutboundProperties properties(boolean allowPrivate, List<String> hosts) {
        return new OutboundProperties(allowPrivate, hosts, Duration.ofSeconds(2), Duration.ofSeconds(5), 3, 10);
    }

    private static OutboundGuard guard(OutboundProperties properties) {
        return new OutboundGuard(properties, InetAddress::getAllByName);
    }

    private static GuardedDownloader downloader(OutboundProperties properties) {
        OutboundGuard guard = guard(properties);
        return new GuardedDownloader(guard, properties, new GuardedHttpClients(guard, properties), Clock.systemUTC());
    }

    private final OutboundGuard strict = guard(properties(false, List.of()));

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/a.png", "http://10.0.0.1/a.png", "http://192.168.1.10/a.png",
            "http://172.16.0.5/a.png", "http://169.254.169.254/latest/meta-data/", "http://[::1]/a.png",
            "http://[fd00::1]/a.png", "http://100.64.0.1/a.png", "http://0.0.0.0/a.png", "http://localhost:8080/a.png",
            "http://[::ffff:127.0.0.1]/a.png"})
    void nonPublicAddressesAreRefusedByDefault(String url) {
        assertThatThrownBy(() -> strict.check(URI.create(url)))
                .isInstanceOf(OutboundRefusedException.class)
                .hasMessageContaining("resolves to a non-public address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/a.png", "gopher://example.com/"})
    void onlyHttpSchemesAreFetched(String url) {
        assertThatThrownBy(() -> strict.check(URI.create(url)))
                .isInstanceOf(OutboundRefusedException.class)
                .hasMessage("only http and https URLs can be fetched");
    }

    @Test
    void publicAddressesPassWithoutAnyConnection() {
        strict.check(URI.create("http://93.184.216.34/a.png"));
        strict.check(URI.create("https://[2606:2800:220:1:248:1893:25c8:1946]/a.png"));
    }

    @Test
    void allowlistedHostsAndTheTestSwitchLetLoopbackThrough() {
        guard(properties(false, List.of("localhost"))).check(URI.create("http://localhost/a.png"));
        guard(properties(true, List.of())).check(URI.create("http://127.0.0.1/a.png"));
    }

    @Test
    void allowlistedRangesPermitOnlyTheirAddresses() {
        OutboundGuard guard = guard(properties(false, List.of("127.0.0.0/8", "fd00::/8")));

        guard.check(URI.create("http://127.0.0.1/a.png"));
        guard.check(URI.create("http://127.5.6.7/a.png"));
        guard.check(URI.create("http://[fd12::1]/a.png"));
        assertThatThrownBy(() -> guard.check(URI.create("http://10.0.0.1/a.png")))
                .hasMessageContaining("non-public address");
        assertThatThrownBy(() -> guard.check(URI.create("http://169.254.169.254/")))
                .hasMessageContaining("non-public address");
    }

    @Test
    void aRedirectFromAnAllowedHostToAPrivateOneIsRefusedAtTheHop(@TempDir Path dir) throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://10.0.0.1/internal.png");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        try {
            OutboundProperties allowLoopback = properties(false, List.of("127.0.0.1"));
            GuardedDownloader downloader = downloader(allowLoopback);
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/image.png";

            assertThatThrownBy(() -> downloader.download(url, dir.resolve("x"), 1000))
                    .isInstanceOf(OutboundRefusedException.class)
                    .hasMessage("the host 10.0.0.1 resolves to a non-public address");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void downloadsArePlainHttp11WithoutAnUpgradeToH2c(@TempDir Path dir) throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.createContext("/", exchange -> {
            seen.add(exchange.getProtocol() + " upgrade=" + exchange.getRequestHeaders().containsKey("Upgrade")
                    + " http2-settings=" + exchange.getRequestHeaders().containsKey("HTTP2-Settings"));
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write(new byte[] {1, 2});
            exchange.close();
        });
        server.start();
        try {
            downloader(properties(true, List.of())).download(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/a.bin", dir.resolve("a"), 100);

            assertThat(seen).containsExactly("HTTP/1.1 upgrade=false http2-settings=false");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aDownloadThatOutlastsItsTimeLimitIsAbandoned(@TempDir Path dir) {
        try (ImageHost host = new ImageHost()) {
            String url = host.serve("/long.bin", new byte[1_000_000]);
            OutboundProperties limits = properties(true, List.of());
            OutboundGuard guard = guard(limits);
            // every reading of the clock is two seconds later: the 5 s limit passes during the transfer
            Clock stepping = new Clock() {
                private Instant now = Instant.parse("2026-12-01T00:00:00Z");

                @Override
                public Instant instant() {
                    now = now.plusSeconds(2);
                    return now;
                }

                @Override
                public java.time.ZoneId getZone() {
                    return java.time.ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }
            };
            GuardedDownloader downloader = new GuardedDownloader(guard, limits, new GuardedHttpClients(guard, limits), stepping);

            assertThatThrownBy(() -> downloader.download(url, dir.resolve("long"), 2_000_000))
                    .isInstanceOf(OutboundRefusedException.class)
                    .hasMessage("the download took longer than 5 s");
        }
    }

    @Test
    void theJvmsProxySettingsAreIgnored(@TempDir Path dir) throws Exception {
        try (ImageHost host = new ImageHost(); ImageHost proxy = new ImageHost()) {
            String url = host.serve("/direct.png", ImageHost.png(4, 4));
            String before = System.getProperty("http.proxyHost");
            System.setProperty("http.proxyHost", "127.0.0.1");
            System.setProperty("http.proxyPort", Integer.toString(proxy.port()));
            System.setProperty("http.nonProxyHosts", "");
            try {
                downloader(properties(true, List.of())).download(url, dir.resolve("direct"), 100_000);
            } finally {
                System.clearProperty("http.proxyHost");
                System.clearProperty("http.proxyPort");
                System.clearProperty("http.nonProxyHosts");
                if (before != null) {
                    System.setProperty("http.proxyHost", before);
                }
            }

            assertThat(host.requests("/direct.png")).isEqualTo(1);
            assertThat(proxy.requests()).isZero();
        }
    }

    @Test
    void downloadStopsAtTheSizeLimit(@TempDir Path dir) {
        try (ImageHost host = new ImageHost()) {
            String url = host.serve("/big.png", new byte[200_000]);
            GuardedDownloader downloader = downloader(properties(true, List.of()));

            assertThatThrownBy(() -> downloader.download(url, dir.resolve("big"), 100_000))
                    .isInstanceOf(OutboundRefusedException.class)
                    .hasMessage("the file is larger than 100000 bytes");
        }
    }

    @Test
    void downloadWritesTheWholeFileWithinTheLimit(@TempDir Path dir) throws Exception {
        try (ImageHost host = new ImageHost()) {
            byte[] png = ImageHost.png(40, 30);
            String url = host.serve("/small.png", png);
            GuardedDownloader downloader = downloader(properties(true, List.of()));

            downloader.download(url, dir.resolve("small"), 100_000);

            assertThat(Files.readAllBytes(dir.resolve("small"))).isEqualTo(png);
        }
    }

    @Test
    void loopbackDownloadIsRefusedWithTheDefaultGuard(@TempDir Path dir) {
        try (ImageHost host = new ImageHost()) {
            String url = host.serve("/small.png", ImageHost.png(10, 10));
            GuardedDownloader downloader = downloader(properties(false, List.of()));

            assertThatThrownBy(() -> downloader.download(url, dir.resolve("x"), 100_000))
                    .hasMessage("the host 127.0.0.1 resolves to a non-public address");
        }
    }
}

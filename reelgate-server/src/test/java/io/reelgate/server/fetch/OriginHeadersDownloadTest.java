package io.reelgate.server.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.reelgate.server.testsupport.LoopbackDownloader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A download with origin headers (a provider's API key) sends them to the URL's own origin, keeps them on a redirect
 * within it, and drops them on a redirect to another origin, over real sockets.
 */
class OriginHeadersDownloadTest {

    private static final Map<String, String> KEY = Map.of("x-goog-api-key", "secret-key");

    private final WireMockServer provider = server();
    private final WireMockServer storage = server();
    private GuardedDownloader downloader;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        provider.start();
        storage.start();
        downloader = LoopbackDownloader.withReadTimeout(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws Exception {
        downloader.close();
        provider.stop();
        storage.stop();
    }

    @Test
    void headersReachTheOriginAndItsOwnRedirectsButNotAnotherHost() throws Exception {
        provider.stubFor(get(urlEqualTo("/files/a:download")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/files/a:moved")));
        provider.stubFor(get(urlEqualTo("/files/a:moved")).willReturn(aResponse().withStatus(307)
                .withHeader("Location", "http://127.0.0.1:" + storage.port() + "/blob/a")));
        storage.stubFor(get(urlEqualTo("/blob/a")).willReturn(aResponse().withStatus(200).withBody("video bytes")));
        Path target = dir.resolve("a.mp4");

        downloader.download("http://127.0.0.1:" + provider.port() + "/files/a:download", target, 1000, KEY);

        assertThat(Files.readString(target)).isEqualTo("video bytes");
        provider.verify(getRequestedFor(urlEqualTo("/files/a:download")).withHeader("x-goog-api-key", equalTo("secret-key")));
        provider.verify(getRequestedFor(urlEqualTo("/files/a:moved")).withHeader("x-goog-api-key", equalTo("secret-key")));
        storage.verify(getRequestedFor(urlEqualTo("/blob/a")).withHeader("x-goog-api-key", absent()));
    }

    @Test
    void anotherPortOrSchemeIsAnotherOrigin() {
        URI origin = URI.create("https://generativelanguage.googleapis.com/v1beta/files/a");

        assertThat(GuardedDownloader.sameOrigin(origin, URI.create("https://GenerativeLanguage.googleapis.com:443/x"))).isTrue();
        assertThat(GuardedDownloader.sameOrigin(origin, URI.create("http://generativelanguage.googleapis.com/x"))).isFalse();
        assertThat(GuardedDownloader.sameOrigin(origin, URI.create("https://generativelanguage.googleapis.com:8443/x"))).isFalse();
        assertThat(GuardedDownloader.sameOrigin(origin, URI.create("https://storage.googleapis.com/x"))).isFalse();
    }

    private static WireMockServer server() {
        return new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    }
}

package io.reelgate.server.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.UrlPattern;

/** What the providers' fakes share: a started WireMock on 127.0.0.1, and bytes it serves as a file. */
public final class LoopbackWireMock {

    private LoopbackWireMock() {
    }

    /** A WireMock on a free port of 127.0.0.1, already started. */
    static WireMockServer started() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        server.start();
        return server;
    }

    /** GETs of {@code url} answer 200 with {@code body} as {@code contentType}: an input or a result video. */
    public static void serve(WireMockServer server, UrlPattern url, byte[] body, String contentType) {
        server.stubFor(get(url).willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType)
                .withBody(body)));
    }
}

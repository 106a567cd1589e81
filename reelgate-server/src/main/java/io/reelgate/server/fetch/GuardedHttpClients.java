package io.reelgate.server.fetch;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * Builds the HTTP clients for requests made on a user's behalf (downloads and callbacks). Each resolves names only
 * through the {@link OutboundGuard} ({@link VettingDnsResolver}), so it connects to the addresses that passed the
 * check in the same look-up; TLS still sends SNI and verifies the certificate against the URL's host name. They
 * speak HTTP/1.1 only (no {@code Upgrade: h2c} on plain http), follow no redirects (callers follow them by hand,
 * each hop resolved and checked again), ignore the JVM's proxy settings, keep no cookies, retry nothing and leave
 * bodies as sent (no transparent decompression, so size limits count what was sent).
 */
@Component
public class GuardedHttpClients {

    private final OutboundGuard guard;
    private final OutboundProperties properties;

    public GuardedHttpClients(OutboundGuard guard, OutboundProperties properties) {
        this.guard = guard;
        this.properties = properties;
    }

    /**
     * @param connectTimeout time to open the TCP connection (and the TLS handshake)
     * @param readTimeout    longest silence while waiting for the answer or reading its body
     */
    public CloseableHttpClient create(Duration connectTimeout, Duration readTimeout) {
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(readTimeout))
                .setTimeToLive(TimeValue.ofMinutes(1))
                .build();
        RequestConfig request = RequestConfig.custom()
                .setRedirectsEnabled(false)
                .setResponseTimeout(Timeout.of(readTimeout))
                .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                .build();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new VettingDnsResolver(guard))
                        .setDefaultConnectionConfig(connection)
                        .setMaxConnTotal(properties.maxConnections())
                        .setMaxConnPerRoute(properties.maxConnections())
                        .build())
                .setDefaultRequestConfig(request)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }
}

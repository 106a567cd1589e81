package io.reelgate.server.fetch;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules for every request Reelgate sends to a user-supplied URL (input images and videos, file-URL uploads, upstream results, callbacks).
 *
 * @param allowPrivateNetworks allow loopback, private, link-local and other non-public addresses (tests, closed
 *                             intranets); off by default so a user cannot make the server probe its own network
 * @param allowedHosts         host names, or address ranges in CIDR form, allowed even when non-public
 * @param connectTimeout       TCP connect timeout
 * @param readTimeout          time allowed for the whole download
 * @param maxRedirects         redirects followed, each one checked again
 * @param maxConnections       open connections each outbound client (downloads, callbacks) keeps at most, per host
 *                             and in all
 */
@ConfigurationProperties("reelgate.outbound")
public record OutboundProperties(
        @DefaultValue("false") boolean allowPrivateNetworks,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("3") int maxRedirects,
        @DefaultValue("100") int maxConnections) {
}

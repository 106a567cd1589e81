package io.reelgate.server.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides whether Reelgate may send a request to a URL a user chose: http(s) only, and (unless allowed) never to an
 * address in {@link SpecialPurposeAddresses} (loopback, private, link-local with the cloud metadata address, NAT64,
 * 6to4 and Teredo forms of those, documentation, reserved, multicast, broadcast). Every address a host resolves to
 * must be public, so a name cannot smuggle one private address in. {@link #vettedAddresses} is what the outbound
 * HTTP client connects to, so the addresses checked are the addresses used: there is no second look-up for a
 * rebinding DNS server to answer differently.
 */
@Component
public class OutboundGuard {

    private static final Logger log = LoggerFactory.getLogger(OutboundGuard.class);

    private final OutboundProperties properties;
    private final AllowList allowList;
    private final HostResolver resolver;

    public OutboundGuard(OutboundProperties properties, HostResolver resolver) {
        this.properties = properties;
        this.allowList = new AllowList(properties.allowedHosts());
        this.resolver = resolver;
    }

    /**
     * The full check, resolving the host: used where a URL is accepted (a callback URL at submit), so a user hears
     * of a refused URL at once. A later request resolves again through {@link #vettedAddresses}.
     *
     * @throws OutboundRefusedException naming why the URL may not be fetched
     */
    public void check(URI uri) {
        String host = checkTarget(uri);
        if (!mayBypass(host)) {
            vettedAddresses(host);
        }
    }

    /**
     * The checks that need no look-up: scheme, host present, and an address literal judged on the spot.
     *
     * @return the host to resolve
     */
    public String checkTarget(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw OutboundRefusedException.forbidden("only http and https URLs can be fetched");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw OutboundRefusedException.forbidden("the URL has no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (Cidr.isLiteral(bare)) {
            vettedAddresses(bare);
        }
        return bare;
    }

    /**
     * Resolves {@code host} once and answers its addresses if every one may be reached.
     *
     * @throws OutboundRefusedException when the name does not resolve or any address is not public
     */
    public InetAddress[] vettedAddresses(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new OutboundRefusedException("the host " + host + " cannot be resolved");
        }
        if (mayBypass(host)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            Optional<String> reason = SpecialPurposeAddresses.nonPublicReason(address);
            if (reason.isPresent() && !allowList.allowsAddress(address)) {
                log.info("Refused an outbound request to {} ({}): {}", host, address.getHostAddress(), reason.get());
                throw OutboundRefusedException.forbidden("the host " + host + " resolves to a non-public address");
            }
        }
        return addresses;
    }

    /** The operator's switch for tests and closed intranets, or a host name allowed by name. */
    private boolean mayBypass(String host) {
        return properties.allowPrivateNetworks() || allowList.allowsHost(host);
    }
}

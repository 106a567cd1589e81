package io.reelgate.server.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Decides whether Reelgate may send a request to a URL: http(s) only, and (unless allowed) never to loopback,
 * private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast or unspecified addresses.
 * Every address the host resolves to must be public, so a name cannot smuggle one private address in.
 */
@Component
public class OutboundGuard {

    private final OutboundProperties properties;
    private final AllowList allowList;

    public OutboundGuard(OutboundProperties properties) {
        this.properties = properties;
        this.allowList = new AllowList(properties.allowedHosts());
    }

    /** @throws OutboundRefusedException naming why the URL may not be fetched */
    public void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundRefusedException("only http and https URLs can be fetched");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new OutboundRefusedException("the URL has no host");
        }
        if (properties.allowPrivateNetworks() || allowList.allowsHost(host)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new OutboundRefusedException("the host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address) && !allowList.allowsAddress(address)) {
                throw new OutboundRefusedException("the host " + host + " resolves to a non-public address");
            }
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 0/8 "this network", 100.64/10 carrier-grade NAT, 192.0.0/24 protocol assignments, 198.18/15 benchmarking
            return first != 0 && !(first == 100 && second >= 64 && second < 128)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) && !(first == 198 && (second == 18 || second == 19))
                    && first < 224;
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            // fc00::/7 unique local; IPv4-mapped addresses are checked as IPv4
            if ((first & 0xfe) == 0xfc) {
                return false;
            }
            if (isIpv4Mapped(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}

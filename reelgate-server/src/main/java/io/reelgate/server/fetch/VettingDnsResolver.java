package io.reelgate.server.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The outbound HTTP client's only resolver: the guard's one look-up, so the client connects to exactly the
 * addresses that were checked. A refusal travels through the client as an {@link UnknownHostException} (the only
 * checked exception the client lets a resolver throw) and is unwrapped by {@link OutboundRefusedException#foundIn}.
 */
final class VettingDnsResolver implements DnsResolver {

    private final OutboundGuard guard;

    VettingDnsResolver(OutboundGuard guard) {
        this.guard = guard;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        try {
            return guard.vettedAddresses(host);
        } catch (OutboundRefusedException e) {
            throw new RefusedHostException(e);
        }
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        // only Kerberos asks for this; answering the name as given avoids a second, unchecked look-up
        return host;
    }
}

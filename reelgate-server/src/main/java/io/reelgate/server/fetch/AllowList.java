package io.reelgate.server.fetch;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Operator exceptions to the outbound guard: exact host names ({@code images.intranet}) or address ranges in CIDR
 * form ({@code 10.20.0.0/16}, {@code fd00::/8}, a single {@code 127.0.0.1}).
 */
final class AllowList {

    private final List<String> hosts = new ArrayList<>();
    private final List<Cidr> ranges = new ArrayList<>();

    AllowList(List<String> entries) {
        for (String entry : entries) {
            String value = entry.trim().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            if (Cidr.isLiteral(value.split("/", 2)[0])) {
                ranges.add(parseRange(value));
            } else {
                hosts.add(value);
            }
        }
    }

    boolean allowsHost(String host) {
        return hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    boolean allowsAddress(InetAddress address) {
        byte[] bytes = address.getAddress();
        return ranges.stream().anyMatch(range -> range.contains(bytes));
    }

    private static Cidr parseRange(String value) {
        try {
            return Cidr.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Bad reelgate.outbound.allowed-hosts entry " + value, e);
        }
    }
}

package io.reelgate.server.fetch;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Operator exceptions to the outbound guard: exact host names ({@code images.intranet}) or address ranges in CIDR
 * form ({@code 10.20.0.0/16}, {@code fd00::/8}, a single {@code 127.0.0.1}).
 */
final class AllowList {

    private record Range(byte[] network, int prefix) {
    }

    private final List<String> hosts = new ArrayList<>();
    private final List<Range> ranges = new ArrayList<>();

    AllowList(List<String> entries) {
        for (String entry : entries) {
            String value = entry.trim().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            Range range = parseRange(value);
            if (range != null) {
                ranges.add(range);
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
        for (Range range : ranges) {
            if (range.network().length == bytes.length && samePrefix(range.network(), bytes, range.prefix())) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int prefix) {
        int bits = a.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .shiftRight(prefix).xor(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
        return new BigInteger(1, a).and(mask).equals(new BigInteger(1, b).and(mask));
    }

    /** A literal address with an optional /prefix; {@code null} for a host name. Never resolves names. */
    private static Range parseRange(String value) {
        String[] parts = value.split("/", 2);
        String address = parts[0];
        boolean literal = address.contains(":") || address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!literal) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bytes.length * 8;
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("Bad prefix in reelgate.outbound.allowed-hosts entry " + value);
            }
            return new Range(bytes, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("Bad reelgate.outbound.allowed-hosts entry " + value, e);
        }
    }
}

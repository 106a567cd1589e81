package io.reelgate.server.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one table of address blocks Reelgate never sends a user's request to, taken from the IANA IPv4 and IPv6
 * Special-Purpose Address Registries (RFC 6890, as updated to 2026), the IANA multicast registries, and the IANA
 * IPv6 Address Space registry (only 2000::/3 is allocated as global unicast). Blocks that embed an IPv4 address
 * (IPv4-mapped, NAT64 well-known prefix, 6to4, Teredo) are judged by the address they carry, so
 * {@code [64:ff9b::7f00:1]} is loopback. Blocks the registries mark globally reachable but that no media host or
 * callback receiver lives in (anycast service addresses inside 192.0.0.0/24 and 2001::/23) are refused with their
 * parent block: being strict costs nothing there. The order matters: the first block that contains an address
 * decides, so more specific blocks come first. docs/security.md explains the policy.
 */
final class SpecialPurposeAddresses {

    /** What a block means for an address inside it. */
    private sealed interface Verdict permits Refuse, JudgeEmbedded {
    }

    private record Refuse() implements Verdict {
    }

    /** Judge the IPv4 address(es) the IPv6 address carries instead of the IPv6 address itself. */
    private record JudgeEmbedded(Function<byte[], List<byte[]>> embedded) implements Verdict {
    }

    private record Block(Cidr range, String name, String source, Verdict verdict) {
    }

    private static final Refuse REFUSE = new Refuse();

    private static final List<Block> BLOCKS = List.of(
            // IANA IPv4 Special-Purpose Address Registry
            block("0.0.0.0/8", "this network", "RFC 791"),
            block("10.0.0.0/8", "private use", "RFC 1918"),
            block("100.64.0.0/10", "shared address space (carrier-grade NAT)", "RFC 6598"),
            block("127.0.0.0/8", "loopback", "RFC 1122"),
            block("169.254.0.0/16", "link local (cloud metadata)", "RFC 3927"),
            block("172.16.0.0/12", "private use", "RFC 1918"),
            block("192.0.0.0/24", "IETF protocol assignments", "RFC 6890"),
            block("192.0.2.0/24", "documentation (TEST-NET-1)", "RFC 5737"),
            block("192.88.99.0/24", "deprecated 6to4 relay anycast", "RFC 7526"),
            block("192.168.0.0/16", "private use", "RFC 1918"),
            block("198.18.0.0/15", "benchmarking", "RFC 2544"),
            block("198.51.100.0/24", "documentation (TEST-NET-2)", "RFC 5737"),
            block("203.0.113.0/24", "documentation (TEST-NET-3)", "RFC 5737"),
            block("224.0.0.0/4", "multicast", "RFC 5771"),
            block("255.255.255.255/32", "limited broadcast", "RFC 919, RFC 8190"),
            block("240.0.0.0/4", "reserved", "RFC 1112"),
            // IANA IPv6 Special-Purpose Address Registry
            block("::/128", "unspecified", "RFC 4291"),
            block("::1/128", "loopback", "RFC 4291"),
            embedding("::ffff:0:0/96", "IPv4-mapped", "RFC 4291", b -> List.of(slice(b, 12))),
            block("::/96", "IPv4-compatible (deprecated)", "RFC 4291"),
            embedding("64:ff9b::/96", "IPv4/IPv6 translation (NAT64)", "RFC 6052", b -> List.of(slice(b, 12))),
            block("64:ff9b:1::/48", "local-use IPv4/IPv6 translation", "RFC 8215"),
            block("100::/64", "discard-only", "RFC 6666"),
            block("100:0:0:1::/64", "dummy IPv6 prefix", "RFC 9780"),
            embedding("2001::/32", "Teredo", "RFC 4380", SpecialPurposeAddresses::teredoAddresses),
            block("2001::/23", "IETF protocol assignments", "RFC 2928"),
            block("2001:db8::/32", "documentation", "RFC 3849"),
            embedding("2002::/16", "6to4", "RFC 3056", b -> List.of(slice(b, 2))),
            block("3fff::/20", "documentation", "RFC 9637"),
            block("5f00::/16", "segment routing (SRv6) SIDs", "RFC 9602"),
            block("fc00::/7", "unique local", "RFC 4193"),
            block("fe80::/10", "link-local unicast", "RFC 4291"),
            block("fec0::/10", "site-local (deprecated)", "RFC 3879"),
            block("ff00::/8", "multicast", "RFC 4291"));

    /** IANA IPv6 Address Space registry: everything outside it is reserved or not global unicast. */
    private static final Cidr GLOBAL_UNICAST_V6 = Cidr.parse("2000::/3");

    private SpecialPurposeAddresses() {
    }

    /** The name and source of the block that makes {@code address} non-public, or empty for a public address. */
    static Optional<String> nonPublicReason(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block block : BLOCKS) {
            if (!block.range().contains(bytes)) {
                continue;
            }
            if (block.verdict() instanceof JudgeEmbedded judge) {
                for (byte[] v4 : judge.embedded().apply(bytes)) {
                    Optional<String> inner = nonPublicReason(v4Address(v4));
                    if (inner.isPresent()) {
                        return Optional.of(inner.get() + " inside " + block.name() + " (" + block.source() + ")");
                    }
                }
                return Optional.empty();
            }
            return Optional.of(block.name() + " (" + block.source() + ")");
        }
        if (bytes.length == 16 && !GLOBAL_UNICAST_V6.contains(bytes)) {
            return Optional.of("reserved IPv6 space outside 2000::/3 (IANA IPv6 Address Space)");
        }
        return Optional.empty();
    }

    private static Block block(String cidr, String name, String source) {
        return new Block(Cidr.parse(cidr), name, source, REFUSE);
    }

    private static Block embedding(String cidr, String name, String source, Function<byte[], List<byte[]>> embedded) {
        return new Block(Cidr.parse(cidr), name, source, new JudgeEmbedded(embedded));
    }

    /** Teredo carries the server's IPv4 in bits 32-63 and the client's, inverted, in the last 32 bits (RFC 4380 §4). */
    private static List<byte[]> teredoAddresses(byte[] b) {
        byte[] client = slice(b, 12);
        for (int i = 0; i < 4; i++) {
            client[i] = (byte) ~client[i];
        }
        return List.of(slice(b, 4), client);
    }

    private static byte[] slice(byte[] bytes, int from) {
        byte[] v4 = new byte[4];
        System.arraycopy(bytes, from, v4, 0, 4);
        return v4;
    }

    private static Inet4Address v4Address(byte[] v4) {
        try {
            return (Inet4Address) InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}

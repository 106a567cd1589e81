package io.reelgate.server.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block in CIDR form ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); parsing never resolves a name. */
record Cidr(byte[] network, int prefix) {

    /** @throws IllegalArgumentException when the text is not a literal address with an optional /prefix */
    static Cidr parse(String text) {
        String[] parts = text.split("/", 2);
        if (!isLiteral(parts[0])) {
            throw new IllegalArgumentException("not an address literal: " + text);
        }
        try {
            byte[] bytes = literalBytes(parts[0]);
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bytes.length * 8;
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("bad prefix in " + text);
            }
            return new Cidr(bytes, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("bad address block " + text, e);
        }
    }

    static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (network[full] & mask);
    }

    /**
     * The 16 bytes of an IPv6 literal even when it is IPv4-mapped (which {@link InetAddress} turns into an IPv4
     * address), so a block such as {@code ::ffff:0:0/96} keeps its IPv6 width.
     */
    private static byte[] literalBytes(String literal) throws UnknownHostException {
        byte[] bytes = InetAddress.getByName(literal).getAddress();
        if (literal.contains(":") && bytes.length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            return mapped;
        }
        return bytes;
    }
}

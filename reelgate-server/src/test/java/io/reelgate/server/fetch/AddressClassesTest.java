package io.reelgate.server.fetch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every address class the guard refuses, as a literal in a URL and as the answer of a name (through a resolver the
 * test controls), and public addresses that must stay allowed. Nothing here opens a connection.
 */
class AddressClassesTest {

    private static final OutboundProperties STRICT = new OutboundProperties(false, List.of(), Duration.ofSeconds(1),
            Duration.ofSeconds(1), 3, 10);

    /** Answers names that spell a literal ({@code a127-0-0-1z.v4.test}, {@code a--1z.v6.test}) with that literal. */
    private static InetAddress[] spelledOut(String host) throws UnknownHostException {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".v4.test")) {
            return new InetAddress[] {InetAddress.getByName(name.substring(1, name.length() - 9).replace('-', '.'))};
        }
        if (name.endsWith(".v6.test")) {
            return new InetAddress[] {InetAddress.getByName(name.substring(1, name.length() - 9).replace('-', ':'))};
        }
        return InetAddress.getAllByName(host);
    }

    private final OutboundGuard guard = new OutboundGuard(STRICT, AddressClassesTest::spelledOut);

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0                                 | this network
            0.1.2.3                                 | this network
            10.0.0.1                                | private use
            100.64.0.1                              | carrier-grade NAT
            100.127.255.254                         | carrier-grade NAT
            127.0.0.1                               | loopback
            127.255.255.254                         | loopback
            169.254.169.254                         | link local: cloud metadata
            172.16.0.5                              | private use
            172.31.255.255                          | private use
            192.0.0.9                               | IETF protocol assignments
            192.0.0.170                             | NAT64 discovery
            192.0.2.1                               | documentation TEST-NET-1
            192.88.99.1                             | deprecated 6to4 relay anycast
            192.168.1.10                            | private use
            198.18.0.1                              | benchmarking
            198.19.255.255                          | benchmarking
            198.51.100.1                            | documentation TEST-NET-2
            203.0.113.1                             | documentation TEST-NET-3
            224.0.0.1                               | multicast
            239.255.255.250                         | multicast
            240.0.0.1                               | reserved
            255.255.255.255                         | limited broadcast
            ::                                      | unspecified
            ::1                                     | loopback
            ::ffff:127.0.0.1                        | IPv4-mapped loopback
            ::ffff:a9fe:a9fe                        | IPv4-mapped metadata
            ::127.0.0.1                             | IPv4-compatible loopback
            ::8.8.8.8                               | IPv4-compatible (deprecated, even public)
            64:ff9b::7f00:1                         | NAT64 of 127.0.0.1
            64:ff9b::a9fe:a9fe                      | NAT64 of 169.254.169.254
            64:ff9b::a00:1                          | NAT64 of 10.0.0.1
            64:ff9b:1::808:808                      | local-use NAT64
            100::1                                  | discard-only
            100:0:0:1::1                            | dummy prefix
            2001:0:4136:e378:8000:63bf:80ff:fffe    | Teredo client 127.0.0.1
            2001:0:a00:1:8000:63bf:f7f7:f7f7        | Teredo server 10.0.0.1
            2001:2::1                               | benchmarking in IETF assignments
            2001:db8::1                             | documentation
            2002:7f00:1::                           | 6to4 of 127.0.0.1
            2002:a9fe:a9fe::                        | 6to4 of 169.254.169.254
            2002:c0a8:101::1                        | 6to4 of 192.168.1.1
            3fff::1                                 | documentation
            5f00::1                                 | SRv6 SIDs
            fc00::1                                 | unique local
            fd12:3456::1                            | unique local
            fe80::1                                 | link-local
            fec0::1                                 | site-local
            ff02::1                                 | multicast
            4000::1                                 | reserved IPv6 space
            """)
    void everyNonPublicClassIsRefusedAsLiteralAndAsResolvedName(String address, String what) {
        String literal = address.contains(":") ? "[" + address + "]" : address;
        assertRefused("http://" + literal + "/a.png");
        String name = nameFor(address);
        assertRefused("https://" + name + "/callback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.32.0.1",
            "192.0.3.1", "198.20.0.1", "223.255.255.254", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e",
            "64:ff9b::808:808", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:f7f7:f7f7"})
    void publicAddressesStayAllowed(String address) {
        String literal = address.contains(":") ? "[" + address + "]" : address;
        String name = nameFor(address);

        assertThatCode(() -> guard.check(URI.create("http://" + literal + "/a.png"))).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(URI.create("http://" + name + "/a.png"))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void oneNonPublicAnswerAmongPublicOnesRefusesTheName(String hidden) {
        OutboundGuard mixed = new OutboundGuard(STRICT, host -> new InetAddress[] {
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName(hidden)});

        assertThatThrownBy(() -> mixed.vettedAddresses("mixed.test"))
                .isInstanceOf(OutboundRefusedException.class)
                .hasMessage("the host mixed.test resolves to a non-public address");
    }

    private static String nameFor(String address) {
        return "a" + (address.contains(":") ? address.replace(':', '-') + "z.v6.test" : address.replace('.', '-') + "z.v4.test");
    }

    private void assertRefused(String url) {
        assertThatThrownBy(() -> guard.check(URI.create(url)))
                .as(url)
                .isInstanceOf(OutboundRefusedException.class)
                .hasMessageContaining("resolves to a non-public address");
    }
}

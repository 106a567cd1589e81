package io.reelgate.server.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name into addresses: the system resolver in production, one under a test's control in the
 * rebinding tests. The guard asks it once per connection and connects to exactly what it answered.
 */
@FunctionalInterface
public interface HostResolver {

    InetAddress[] resolve(String host) throws UnknownHostException;
}

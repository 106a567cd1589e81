package io.reelgate.server.callback;

import java.net.URI;
import java.util.Locale;

/**
 * Names the receiver of a callback URL ({@code scheme://host:port}, default port filled in, lower case): the unit of
 * the per-receiver in-flight limit. Tenants behind one host and port share it, which is what a receiver's own
 * capacity is measured in; paths and queries do not matter.
 */
final class ReceiverKey {

    /** Shared by every URL that cannot be parsed; its attempts fail at once in the sender anyway. */
    static final String UNPARSEABLE = "unparseable";

    private ReceiverKey() {
    }

    static String of(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return UNPARSEABLE;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return UNPARSEABLE;
        }
    }
}

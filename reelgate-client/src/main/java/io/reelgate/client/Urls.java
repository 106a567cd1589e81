package io.reelgate.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Query and path escaping: ids are opaque strings and must not be able to change the URL's structure. */
final class Urls {

    private Urls() {
    }

    static String encode(String value) {
        if (value == null) {
            throw new IllegalArgumentException("id must not be null");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

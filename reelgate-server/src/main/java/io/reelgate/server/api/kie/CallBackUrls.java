package io.reelgate.server.api.kie;

import io.reelgate.server.task.InvalidRequestException;
import java.net.URI;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** The optional {@code callBackUrl} of a KIE body: absent, null or empty is none; anything else must be http(s). */
public final class CallBackUrls {

    private CallBackUrls() {
    }

    public static String read(JsonNode node) {
        if (node.isMissingNode() || node.isNull() || (node.isString() && node.asString().isEmpty())) {
            return null;
        }
        String value = node.isString() ? node.asString() : null;
        try {
            URI uri = value == null ? null : URI.create(value);
            String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the answer below
        }
        throw new InvalidRequestException("callBackUrl", "callBackUrl must be an http(s) URL");
    }
}

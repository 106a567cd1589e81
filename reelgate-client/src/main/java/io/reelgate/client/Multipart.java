package io.reelgate.client;

import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body assembled from publishers, so a file part streams from disk instead of being
 * loaded into memory.
 */
final class Multipart {

    private final String boundary = "reelgate-" + UUID.randomUUID();
    private final List<BodyPublisher> parts = new ArrayList<>();

    /** Adds a text field; null values are left out (optional fields). */
    Multipart field(String name, String value) {
        if (value != null) {
            text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(name) + "\"\r\n\r\n"
                    + value + "\r\n");
        }
        return this;
    }

    Multipart file(String name, String fileName, String contentType, BodyPublisher content) {
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(name) + "\"; filename=\""
                + quote(fileName) + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        parts.add(content);
        text("\r\n");
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    BodyPublisher build() {
        List<BodyPublisher> all = new ArrayList<>(parts);
        all.add(BodyPublishers.ofString("--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        return BodyPublishers.concat(all.toArray(BodyPublisher[]::new));
    }

    private void text(String text) {
        parts.add(BodyPublishers.ofString(text, StandardCharsets.UTF_8));
    }

    /** Quotes and line breaks would end the header value early. */
    private static String quote(String value) {
        return value.replace("\"", "%22").replace("\r", "").replace("\n", "");
    }
}

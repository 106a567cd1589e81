package io.reelgate.server.task;

import java.util.List;

/** The {@code reference_image_urls} column: one URL per line (a valid URL holds no line break), null for none. */
final class ReferenceImageUrls {

    private ReferenceImageUrls() {
    }

    static String write(List<String> urls) {
        return urls.isEmpty() ? null : String.join("\n", urls);
    }

    static List<String> read(String column) {
        return column == null || column.isEmpty() ? List.of() : List.of(column.split("\n"));
    }
}

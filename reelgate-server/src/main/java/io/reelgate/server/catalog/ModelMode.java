package io.reelgate.server.catalog;

import java.util.Arrays;
import java.util.Optional;

/** What a model makes from what; a model may list several and the input decides ({@link ModelInput#mode()}). */
public enum ModelMode {
    TEXT_TO_VIDEO("text-to-video"),
    IMAGE_TO_VIDEO("image-to-video"),
    REFERENCE_TO_VIDEO("reference-to-video"),
    VIDEO_TO_VIDEO("video-to-video"),
    EXTEND("extend");

    private final String wireName;

    ModelMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static Optional<ModelMode> byWireName(String name) {
        return Arrays.stream(values()).filter(mode -> mode.wireName.equals(name)).findFirst();
    }
}

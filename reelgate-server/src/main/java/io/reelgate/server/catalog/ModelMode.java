package io.reelgate.server.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a model makes from what; a model may list several and the input decides ({@link ModelInput#mode()}). */
public enum ModelMode {
    TEXT_TO_VIDEO,
    IMAGE_TO_VIDEO,
    REFERENCE_TO_VIDEO,
    VIDEO_TO_VIDEO,
    EXTEND;

    /** The name in registry files and docs: {@code text-to-video}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<ModelMode> byWireName(String name) {
        return Arrays.stream(values()).filter(mode -> mode.wireName().equals(name)).findFirst();
    }
}

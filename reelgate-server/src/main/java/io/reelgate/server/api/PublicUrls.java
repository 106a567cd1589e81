package io.reelgate.server.api;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute URLs of stored files, as clients must fetch them. Blob keys are stored, URLs are derived per answer. */
@Component
class PublicUrls {

    static final String FILES_PATH = "/files/";

    private final String configuredBase;

    PublicUrls(ApiProperties properties) {
        String base = properties.publicBaseUrl().trim();
        this.configuredBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String file(String key) {
        if (key == null) {
            return "";
        }
        String base = configuredBase.isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : configuredBase;
        return base + FILES_PATH + key;
    }
}

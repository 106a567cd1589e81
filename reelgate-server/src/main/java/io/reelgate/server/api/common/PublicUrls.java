package io.reelgate.server.api.common;

import io.reelgate.server.storage.FileUrls;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute URLs of stored files, as clients must fetch them. Blob keys are stored, URLs are derived per answer:
 * from {@code reelgate.api.public-base-url} when set, else from the request being answered, else (a callback sent
 * by a worker) from this server's local port.
 */
@Component
public class PublicUrls implements FileUrls {

    public static final String FILES_PATH = "/files/";

    private final String configuredBase;
    private final Environment environment;

    PublicUrls(ApiProperties properties, Environment environment) {
        String base = properties.publicBaseUrl().trim();
        this.configuredBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.environment = environment;
    }

    @Override
    public String publicUrl(String key) {
        return file(key);
    }

    public String file(String key) {
        if (key == null) {
            return "";
        }
        return base() + FILES_PATH + key;
    }

    private String base() {
        if (!configuredBase.isEmpty()) {
            return configuredBase;
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}

package io.reelgate.server.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A provider credential given inline or as a file holding it (Docker/Kubernetes secrets). Messages name the setting
 * and the file, never the credential.
 */
public final class ConfiguredSecret {

    private ConfiguredSecret() {
    }

    /**
     * {@code value} when set, else what {@code file} holds, trimmed; {@code fileSetting} names the file's setting
     * ({@code reelgate.engine.veo.api-key-file}) in messages, {@code unset} is the message when neither is set.
     */
    public static String read(String value, String file, String fileSetting, String unset) {
        if (hasText(value)) {
            return value.trim();
        }
        if (!hasText(file)) {
            throw new IllegalStateException(unset);
        }
        try {
            String read = Files.readString(Path.of(file)).trim();
            if (read.isEmpty()) {
                throw new IllegalStateException(fileSetting + " " + file + " is empty");
            }
            return read;
        } catch (IOException e) {
            throw new IllegalStateException(fileSetting + " " + file + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }

    public static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}

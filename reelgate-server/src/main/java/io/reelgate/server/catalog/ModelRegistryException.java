package io.reelgate.server.catalog;

/** A registry file that cannot be used; the message names the file, the entry and the key, so startup says what to fix. */
public final class ModelRegistryException extends RuntimeException {

    ModelRegistryException(String message) {
        super(message);
    }

    ModelRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.reelgate.server.catalog;

/**
 * A {@code model} no registry entry has. The message is KIE Market's documented text, which every dialect may answer
 * with its 422 (docs/models.md); {@link #model()} is what the client sent.
 */
public final class UnknownModelException extends RuntimeException {

    private final String model;

    UnknownModelException(String model) {
        super("The model is not supported");
        this.model = model;
    }

    public String model() {
        return model;
    }
}

package io.reelgate.server.engine;

/** A request an engine cannot fulfil, found at submit time; the API answers 422 with this message. */
public class UnsupportedInputException extends RuntimeException {

    private final String field;

    public UnsupportedInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The KIE request field at fault, e.g. {@code aspectRatio}. */
    public String field() {
        return field;
    }
}

package io.reelgate.server.task;

/** A request field broke a documented rule; answered with KIE code 422 and a message naming the field. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

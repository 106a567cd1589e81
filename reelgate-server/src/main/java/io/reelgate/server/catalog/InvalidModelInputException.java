package io.reelgate.server.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code input} a model does not accept: {@link #field()} is the path inside the input ({@code duration},
 * {@code image_urls[0]}) and the message names it ({@code duration must be one of "5", "10"}). Dialects answer it
 * with their documented 422 (docs/models.md).
 */
public final class InvalidModelInputException extends RuntimeException {

    private final String field;

    public InvalidModelInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The same failure with the field placed under a parent object, e.g. {@code input.duration}. */
    public InvalidModelInputException under(String parent) {
        String path = parent + "." + field;
        String message = getMessage().replaceFirst(Pattern.quote(field), Matcher.quoteReplacement(path));
        return new InvalidModelInputException(path, message);
    }
}

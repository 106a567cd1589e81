package io.reelgate.server.api.common;

import io.reelgate.server.task.InvalidRequestException;

/**
 * The {@code limit} query parameter of the list endpoints, read as a plain decimal number. Spring's own int
 * binding also takes {@code 0x10} and {@code #10} as hexadecimal, which no client means.
 */
public final class LimitParameter {

    private LimitParameter() {
    }

    /** The limit, or {@code defaultValue} when absent or blank. */
    public static int parse(String limit, int defaultValue) {
        if (limit == null || limit.isBlank()) {
            return defaultValue;
        }
        String digits = limit.trim();
        if (!digits.matches("[+-]?\\d{1,9}")) {
            throw new InvalidRequestException("limit", "limit must be a whole number");
        }
        return Integer.parseInt(digits);
    }
}

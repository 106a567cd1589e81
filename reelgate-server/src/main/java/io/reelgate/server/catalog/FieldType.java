package io.reelgate.server.catalog;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The types an {@code input} field can declare, each with the one normal form validation hands on. The two duration
 * types exist because KIE documents most durations as strings and a few as integers while clients send both
 * ({@code "5"} and {@code 5}): {@code duration} accepts either and normalises to the string, {@code integer-duration}
 * to the integer.
 */
public enum FieldType {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN,
    URL,
    STRING_LIST,
    URL_LIST,
    OBJECT_LIST,
    DURATION,
    INTEGER_DURATION;

    /** The name in registry files: {@code url-list}, {@code integer-duration}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isList() {
        return this == STRING_LIST || this == URL_LIST || this == OBJECT_LIST;
    }

    static Optional<FieldType> byWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName().equals(name)).findFirst();
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(FieldType::wireName).toList();
    }

    /** The value in this type's normal form, or an exception naming {@code path}. */
    Object normalise(Object raw, String path) {
        return switch (this) {
            case STRING -> text(raw, path);
            case INTEGER -> wholeNumber(raw, false).orElseThrow(() -> wrong(path, "a whole number"));
            case NUMBER -> number(raw, path);
            case BOOLEAN -> bool(raw, path);
            case URL -> url(raw, path);
            case STRING_LIST -> list(raw, path, STRING);
            case URL_LIST -> list(raw, path, URL);
            case OBJECT_LIST -> objects(raw, path);
            case DURATION -> String.valueOf(seconds(raw, path));
            case INTEGER_DURATION -> seconds(raw, path);
        };
    }

    private static String text(Object raw, String path) {
        if (raw instanceof String value) {
            return value;
        }
        throw wrong(path, "a string");
    }

    private static Double number(Object raw, String path) {
        if (raw instanceof Number value) {
            return value.doubleValue();
        }
        throw wrong(path, "a number");
    }

    private static Boolean bool(Object raw, String path) {
        if (raw instanceof Boolean value) {
            return value;
        }
        throw wrong(path, "true or false");
    }

    private static String url(Object raw, String path) {
        String value = raw instanceof String text ? text.trim() : "";
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below, with the field's name
        }
        throw wrong(path, "an http(s) URL");
    }

    private static List<Object> list(Object raw, String path, FieldType item) {
        if (!(raw instanceof List<?> items)) {
            throw wrong(path, "a list");
        }
        List<Object> normal = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            normal.add(item.normalise(items.get(i), path + "[" + i + "]"));
        }
        return List.copyOf(normal);
    }

    private static List<Object> objects(Object raw, String path) {
        if (!(raw instanceof List<?> items)) {
            throw wrong(path, "a list");
        }
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?>)) {
                throw wrong(path + "[" + i + "]", "an object");
            }
        }
        return List.copyOf(items);
    }

    private static Long seconds(Object raw, String path) {
        return wholeNumber(raw, true).orElseThrow(() -> wrong(path, "a whole number of seconds"));
    }

    /** A whole number from a JSON number ({@code 5}, {@code 5.0}) or, when {@code fromText}, a string {@code "5"}. */
    private static Optional<Long> wholeNumber(Object raw, boolean fromText) {
        try {
            if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
                return Optional.of(((Number) raw).longValue());
            }
            if (raw instanceof BigInteger value) {
                return Optional.of(value.longValueExact());
            }
            if (raw instanceof Number value) {
                return Optional.of(new BigDecimal(value.toString()).stripTrailingZeros().longValueExact());
            }
            if (fromText && raw instanceof String value && value.trim().matches("-?\\d{1,9}")) {
                return Optional.of(Long.parseLong(value.trim()));
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // not a whole number: the caller names the field
        }
        return Optional.empty();
    }

    private static InvalidModelInputException wrong(String path, String expected) {
        return new InvalidModelInputException(path, path + " must be " + expected);
    }
}

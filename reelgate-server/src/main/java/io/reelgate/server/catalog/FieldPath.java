package io.reelgate.server.catalog;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A field of the input, or one item of a list field: {@code image_url}, {@code image_urls[1]}. */
record FieldPath(String field, Integer index) {

    private static final Pattern SHAPE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\[(\\d)])?");

    static FieldPath parse(String text) {
        Matcher matcher = SHAPE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a field or field[index]: " + text);
        }
        return new FieldPath(matcher.group(1), matcher.group(2) == null ? null : Integer.valueOf(matcher.group(2)));
    }

    Object resolve(Map<String, Object> values) {
        Object value = values.get(field);
        if (index == null) {
            return value;
        }
        return value instanceof List<?> list && list.size() > index ? list.get(index) : null;
    }
}

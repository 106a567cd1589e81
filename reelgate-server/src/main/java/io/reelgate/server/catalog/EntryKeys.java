package io.reelgate.server.catalog;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One JSON object of a registry entry, read key by key; every failure names the file, the entry and the dotted key
 * ({@code fields.duration.default}), and keys nobody read are refused, so a typo fails at startup instead of being
 * ignored.
 */
final class EntryKeys {

    private final Map<String, Object> map;
    private final String source;
    private final String entry;
    private final String path;
    private final Set<String> read = new HashSet<>();

    private EntryKeys(Map<String, Object> map, String source, String entry, String path) {
        this.map = map;
        this.source = source;
        this.entry = entry;
        this.path = path;
    }

    static EntryKeys of(Object raw, String source, String entry, String path) {
        if (!(raw instanceof Map<?, ?> object)) {
            throw new ModelRegistryException(location(source, entry, path) + ": must be an object");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((key, value) -> map.put(String.valueOf(key), value));
        return new EntryKeys(map, source, entry, path);
    }

    Set<String> keys() {
        read.addAll(map.keySet());
        return map.keySet();
    }

    /** A copy of the object's keys and values, for building a variant of it. */
    Map<String, Object> copy() {
        return new LinkedHashMap<>(map);
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    Object raw(String key) {
        read.add(key);
        return map.get(key);
    }

    Object required(String key) {
        Object value = raw(key);
        if (value == null) {
            throw fail(key, "is required");
        }
        return value;
    }

    String string(String key) {
        Object value = raw(key);
        if (value != null && !(value instanceof String)) {
            throw fail(key, "must be a string");
        }
        return (String) value;
    }

    String requiredString(String key) {
        required(key);
        return string(key);
    }

    boolean bool(String key) {
        Object value = raw(key);
        if (value != null && !(value instanceof Boolean)) {
            throw fail(key, "must be true or false");
        }
        return Boolean.TRUE.equals(value);
    }

    BigDecimal number(String key) {
        Object value = raw(key);
        if (value != null && !(value instanceof Number)) {
            throw fail(key, "must be a number");
        }
        return value == null ? null : new BigDecimal(value.toString());
    }

    Integer integer(String key) {
        BigDecimal value = number(key);
        try {
            return value == null ? null : value.intValueExact();
        } catch (ArithmeticException e) {
            throw fail(key, "must be a whole number");
        }
    }

    /** A list of strings; a single string stands for a list of one. */
    List<String> strings(String key) {
        Object value = raw(key);
        if (value == null) {
            return List.of();
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        if (!items.stream().allMatch(String.class::isInstance)) {
            throw fail(key, "must be a string or a list of strings");
        }
        return items.stream().map(String.class::cast).toList();
    }

    List<?> list(String key) {
        Object value = raw(key);
        if (value != null && !(value instanceof List<?>)) {
            throw fail(key, "must be a list");
        }
        return value == null ? List.of() : (List<?>) value;
    }

    EntryKeys child(String key) {
        return of(raw(key), source, entry, join(key));
    }

    EntryKeys nested(Object raw, String key) {
        return of(raw, source, entry, join(key));
    }

    /** Unread keys as {@code options}, for objects open to keys this version does not know (routes). */
    Map<String, Object> rest() {
        Map<String, Object> rest = new LinkedHashMap<>(map);
        rest.keySet().removeAll(read);
        rest.values().removeIf(java.util.Objects::isNull);
        return rest;
    }

    void refuseUnread() {
        for (String key : map.keySet()) {
            if (!read.contains(key)) {
                throw fail(key, "unknown key");
            }
        }
    }

    ModelRegistryException fail(String key, String problem) {
        return new ModelRegistryException(location(source, entry, join(key)) + ": " + problem);
    }

    private String join(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String location(String source, String entry, String path) {
        return source + ": entry \"" + entry + "\", key " + (path.isEmpty() ? "(entry)" : path);
    }
}

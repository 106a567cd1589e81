package io.reelgate.server.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an entry's {@code render} object and proves it at load time: every field it names exists, and every value
 * the duration, resolution and ratio fields allow yields positive seconds, a short side and a {@code W:H} ratio.
 * Each of its {@code variants} is the same object with some keys replaced (or removed with {@code null}), used when
 * its {@code if} holds (Veo: in {@code REFERENCE_2_VIDEO} the images are references, not frames).
 */
final class RenderMappingReader {

    private RenderMappingReader() {
    }

    static RenderMapping read(EntryKeys keys, Map<String, FieldSpec> fields) {
        List<?> raw = keys.list("variants");
        List<RenderMapping.Variant> variants = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String at = "variants[" + i + "]";
            EntryKeys variant = keys.nested(raw.get(i), at);
            Map<String, Object> when = ModelEntryReader.condition(variant.child("if"), fields);
            Map<String, Object> merged = keys.copy();
            merged.remove("variants");
            merged.putAll(variant.copy());
            merged.remove("if");
            merged.values().removeIf(java.util.Objects::isNull);
            variants.add(new RenderMapping.Variant(when, single(keys.nested(merged, at), fields)));
        }
        return single(keys, fields).withVariants(variants);
    }

    private static RenderMapping single(EntryKeys keys, Map<String, FieldSpec> fields) {
        keys.raw("variants");
        ValueSource duration = source(keys, "duration", fields);
        if (duration == ValueSource.NONE) {
            throw keys.fail("duration", "is required (a field or a fixed number of seconds)");
        }
        ValueSource resolution = source(keys, "resolution", fields);
        List<String> fromImage = new ArrayList<>();
        ValueSource ratio = ValueSource.NONE;
        if (keys.has("aspectRatio")) {
            EntryKeys object = keys.child("aspectRatio");
            fromImage.addAll(object.strings("fromImage"));
            ratio = source(object, fields);
            object.refuseUnread();
        }
        RenderMapping mapping = new RenderMapping(field(keys, "prompt", fields), duration, resolution, ratio,
                fromImage, keys.bool("imageDecidesRatio"), field(keys, "size", fields),
                path(keys, "firstFrame", fields), path(keys, "lastFrame", fields),
                path(keys, "referenceImages", fields), path(keys, "sourceVideo", fields),
                source(keys, "audio", fields), field(keys, "seed", fields), field(keys, "negativePrompt", fields),
                List.of());
        keys.refuseUnread();
        for (Object value : allowed(duration, fields)) {
            if (RenderMapping.seconds(value) <= 0) {
                throw keys.fail("duration", FieldSpec.quoted(value) + " gives no positive number of seconds");
            }
        }
        for (Object value : allowed(resolution, fields)) {
            if (RenderMapping.shortSide(value) == null) {
                throw keys.fail("resolution", FieldSpec.quoted(value) + " gives no short side (720, \"720p\", \"4k\")");
            }
        }
        for (Object value : allowed(ratio, fields)) {
            if (!fromImage.contains(value) && !(value instanceof String text && text.matches("\\d+:\\d+"))) {
                throw keys.fail("aspectRatio", FieldSpec.quoted(value) + " is no W:H ratio; map it or list it in fromImage");
            }
        }
        return mapping;
    }

    /** A source given as a field name, or as {@code {field, map, fixed}}. */
    private static ValueSource source(EntryKeys keys, String key, Map<String, FieldSpec> fields) {
        Object raw = keys.raw(key);
        if (raw == null) {
            return ValueSource.NONE;
        }
        if (raw instanceof String name) {
            ModelEntryReader.known(keys, key, fields, name);
            return new ValueSource(name, Map.of(), null);
        }
        EntryKeys object = keys.child(key);
        ValueSource source = source(object, fields);
        object.refuseUnread();
        return source;
    }

    private static ValueSource source(EntryKeys object, Map<String, FieldSpec> fields) {
        String field = object.string("field");
        if (field != null) {
            ModelEntryReader.known(object, "field", fields, field);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        if (object.has("map")) {
            EntryKeys table = object.child("map");
            table.keys().forEach(value -> map.put(value, table.raw(value)));
        }
        return new ValueSource(field, map, object.raw("fixed"));
    }

    /** Every value a source can give: each allowed (or bounding, or default) value of its field, mapped, and the fixed one. */
    private static List<Object> allowed(ValueSource source, Map<String, FieldSpec> fields) {
        List<Object> out = new ArrayList<>();
        if (source.fixed() != null) {
            out.add(source.fixed());
        }
        FieldSpec field = source.field() == null ? null : fields.get(source.field());
        if (field == null) {
            return out;
        }
        List<Object> raw = new ArrayList<>(field.values());
        if (raw.isEmpty() && field.min() != null) {
            raw.add(field.min().longValue());
        }
        if (raw.isEmpty() && field.defaultValue() != null) {
            raw.add(field.defaultValue());
        }
        raw.forEach(value -> out.add(source.map().getOrDefault(String.valueOf(value), value)));
        return out;
    }

    private static String field(EntryKeys keys, String key, Map<String, FieldSpec> fields) {
        String name = keys.string(key);
        if (name != null) {
            ModelEntryReader.known(keys, key, fields, name);
        }
        return name;
    }

    private static FieldPath path(EntryKeys keys, String key, Map<String, FieldSpec> fields) {
        String text = keys.string(key);
        if (text == null) {
            return null;
        }
        FieldPath path;
        try {
            path = FieldPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw keys.fail(key, e.getMessage());
        }
        ModelEntryReader.known(keys, key, fields, path.field());
        return path;
    }
}

package io.reelgate.server.catalog;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks an input against a model's fields and rules; the one place a registry entry's schema is enforced. */
final class InputValidator {

    private InputValidator() {
    }

    static Map<String, Object> validate(VideoModel model, Map<String, Object> input) {
        Map<String, Object> values = fields(model.fields(), input);
        model.rules().forEach(rule -> rule.check(values));
        return values;
    }

    /** The values of {@code fields} in {@code input}, defaults applied; also used for the items of object lists. */
    static Map<String, Object> fields(Map<String, FieldSpec> fields, Map<String, Object> input) {
        Map<String, Object> given = canonical(fields, input == null ? Map.of() : input);
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldSpec field : fields.values()) {
            Object raw = given.get(field.name());
            if ("".equals(raw) && field.type() == FieldType.URL) {
                raw = null; // KIE documents "" as the default of optional URLs (tail_image_url)
            }
            if (raw != null) {
                values.put(field.name(), field.accept(raw));
            } else if (field.defaultValue() != null) {
                values.put(field.name(), field.defaultValue());
            } else if (field.required()) {
                throw new InvalidModelInputException(field.name(), field.name() + " is required");
            }
        }
        return values;
    }

    /**
     * The input keyed by field names: aliases renamed, JSON nulls dropped (absent), unknown keys refused. When a
     * client sends both spellings the field's own name wins (KIE Veo: camelCase over snake_case).
     */
    private static Map<String, Object> canonical(Map<String, FieldSpec> fields, Map<String, Object> input) {
        Map<String, String> names = new HashMap<>();
        fields.values().forEach(field -> {
            names.put(field.name(), field.name());
            field.aliases().forEach(alias -> names.put(alias, field.name()));
        });
        Map<String, Object> given = new HashMap<>();
        input.forEach((key, value) -> {
            String name = names.get(key);
            if (name == null) {
                throw new InvalidModelInputException(key, "unknown field: " + key);
            }
            if (value != null && (key.equals(name) || !given.containsKey(name))) {
                given.put(name, value);
            }
        });
        return given;
    }
}

package io.reelgate.server.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Inputs for catalog tests: JSON text as the dialects hand it over, and the smallest input an entry accepts. */
final class Inputs {

    static final ModelRegistry REGISTRY = ModelRegistry.bundled();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Inputs() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) {
        return JSON.readValue(text, LinkedHashMap.class);
    }

    static VideoModel model(String id) {
        return REGISTRY.find(id).orElseThrow(() -> new AssertionError("no model " + id));
    }

    static ModelInput validate(String id, String input) {
        return model(id).validate(json(input));
    }

    /**
     * The smallest input the model accepts: starting from nothing, each field validation names as missing (required
     * fields, then fields a rule requires) gets a plain value of its type.
     */
    static Map<String, Object> minimal(VideoModel model) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (int attempt = 0; attempt <= model.fields().size(); attempt++) {
            try {
                model.validate(input);
                return input;
            } catch (InvalidModelInputException e) {
                FieldSpec field = model.fields().get(e.field());
                if (field == null || input.containsKey(field.name())) {
                    throw e;
                }
                input.put(field.name(), sample(field));
            }
        }
        throw new AssertionError("no minimal input found for " + model.id());
    }

    /**
     * The smallest input of {@code mode}: the minimal input, or it with the one media field (a URL or URL list the
     * minimal input leaves out) that makes the model read the input as that mode.
     */
    static Map<String, Object> forMode(VideoModel model, ModelMode mode) {
        Map<String, Object> minimal = minimal(model);
        if (model.validate(minimal).mode() == mode) {
            return minimal;
        }
        for (FieldSpec field : model.fields().values()) {
            if ((field.type() == FieldType.URL || field.type() == FieldType.URL_LIST) && !minimal.containsKey(field.name())) {
                Map<String, Object> input = new LinkedHashMap<>(minimal);
                input.put(field.name(), sample(field));
                if (model.validate(input).mode() == mode) {
                    return input;
                }
            }
        }
        throw new AssertionError("no input of mode " + mode.wireName() + " found for " + model.id());
    }

    /**
     * {@code input} changed so that {@code route} can serve it where it can: a field whose value the route's
     * {@code accepts} leave out gets the first value they list (when the model allows it).
     */
    static Map<String, Object> acceptedBy(VideoModel model, ModelRoute route, Map<String, Object> input) {
        Map<String, Object> accepted = new LinkedHashMap<>(input);
        route.accepts().forEach((field, values) -> {
            Object value = model.validate(accepted).get(field);
            if (!values.isEmpty() && value != null && !values.contains(ModelRoute.plain(value))) {
                Map<String, Object> changed = new LinkedHashMap<>(accepted);
                changed.put(field, values.get(0));
                try {
                    model.validate(changed);
                    accepted.putAll(changed);
                } catch (InvalidModelInputException refusedByTheModel) {
                    // the route refuses what the model requires here: the snapshot shows the refusal
                }
            }
        });
        return accepted;
    }

    static Object sample(FieldSpec field) {
        if (!field.values().isEmpty()) {
            return field.values().get(0);
        }
        return switch (field.type()) {
            case STRING -> "a lighthouse at dusk, waves breaking";
            case URL -> "https://example.com/first.png";
            case URL_LIST -> List.of("https://example.com/first.png");
            case STRING_LIST -> List.of("char_1");
            case OBJECT_LIST -> List.of(Map.of("prompt", "shot", "duration", 3));
            case BOOLEAN -> false;
            case INTEGER, INTEGER_DURATION -> field.min() == null ? 1L : field.min().longValue();
            case NUMBER -> field.min() == null ? 1.0 : field.min();
            case DURATION -> String.valueOf(field.min() == null ? 5 : field.min().longValue());
        };
    }

    /** Every value a field allows: its list, a duration's whole range, both booleans. */
    static List<Object> allowedValues(FieldSpec field) {
        if (!field.values().isEmpty()) {
            return field.values();
        }
        List<Object> values = new ArrayList<>();
        if (field.type() == FieldType.BOOLEAN) {
            values.add(true);
            values.add(false);
        } else if ((field.type() == FieldType.DURATION || field.type() == FieldType.INTEGER_DURATION)
                && field.min() != null && field.max() != null) {
            for (long s = field.min().longValue(); s <= field.max().longValue(); s++) {
                values.add(field.type() == FieldType.DURATION ? String.valueOf(s) : s);
            }
        } else if (field.defaultValue() != null) {
            values.add(field.defaultValue());
        }
        return values;
    }
}

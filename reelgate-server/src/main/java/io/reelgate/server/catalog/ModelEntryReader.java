package io.reelgate.server.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one registry entry (parsed JSON) into a {@link VideoModel}, refusing anything malformed with a message
 * naming the entry and the key: unknown keys or field types, defaults outside the allowed values, rules and render
 * mappings naming fields the entry lacks, an entry without price or routes.
 */
final class ModelEntryReader {

    static final Set<String> DIALECTS = Set.of("kie-market", "kie-veo", "openai");

    private ModelEntryReader() {
    }

    static VideoModel read(Object raw, String source, int position) {
        String id = raw instanceof Map<?, ?> map && map.get("id") instanceof String text ? text : "#" + position;
        EntryKeys entry = EntryKeys.of(raw, source, id, "");
        entry.requiredString("id");
        String family = entry.requiredString("family");
        List<ModelMode> modes = modes(entry);
        List<String> dialects = dialects(entry);
        Map<String, FieldSpec> fields = fields(entry.child("fields"));
        List<InputRule> rules = rules(entry, fields);
        RenderMapping render = RenderMappingReader.read(entry.child("render"), fields);
        List<PriceRule> price = price(entry, fields);
        List<ModelRoute> routes = routes(entry, modes);
        entry.refuseUnread();
        return new VideoModel(id, family, modes, dialects, fields, rules, render, price, routes);
    }

    private static List<ModelMode> modes(EntryKeys entry) {
        entry.required("modes");
        List<ModelMode> modes = new ArrayList<>();
        for (String name : entry.strings("modes")) {
            modes.add(ModelMode.byWireName(name).orElseThrow(() -> entry.fail("modes", "unknown mode \"" + name + "\"")));
        }
        return modes;
    }

    private static List<String> dialects(EntryKeys entry) {
        entry.required("dialects");
        List<String> dialects = entry.strings("dialects");
        for (String dialect : dialects) {
            if (!DIALECTS.contains(dialect)) {
                throw entry.fail("dialects", "unknown dialect \"" + dialect + "\"; one of " + DIALECTS);
            }
        }
        return dialects;
    }

    private static Map<String, FieldSpec> fields(EntryKeys object) {
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        for (String name : object.keys()) {
            fields.put(name, field(name, object.child(name)));
        }
        return fields;
    }

    private static FieldSpec field(String name, EntryKeys keys) {
        String typeName = keys.requiredString("type");
        FieldType type = FieldType.byWireName(typeName).orElseThrow(() -> keys.fail("type",
                "unknown field type \"" + typeName + "\"; one of " + FieldType.wireNames()));
        List<Object> values = new ArrayList<>();
        for (Object value : keys.list("values")) {
            values.add(normal(keys, "values", type, value));
        }
        BigDecimal min = keys.number("min");
        BigDecimal max = keys.number("max");
        Map<String, FieldSpec> items = keys.has("items") ? fields(keys.child("items")) : Map.of();
        if (!items.isEmpty() && type != FieldType.OBJECT_LIST) {
            throw keys.fail("items", "only an object-list field has items");
        }
        FieldSpec spec = new FieldSpec(name, type, keys.bool("required"), null, values,
                min == null ? null : min.doubleValue(), max == null ? null : max.doubleValue(),
                keys.integer("maxLength"), keys.integer("minItems"), keys.integer("maxItems"), keys.strings("aliases"),
                items);
        Object rawDefault = keys.raw("default");
        keys.refuseUnread();
        if (rawDefault == null) {
            return spec;
        }
        Object value = normal(keys, "default", type, rawDefault);
        try {
            spec.check(value);
        } catch (InvalidModelInputException e) {
            throw keys.fail("default", FieldSpec.quoted(value) + " is not allowed: " + e.getMessage());
        }
        return new FieldSpec(name, type, spec.required(), value, values, spec.min(), spec.max(), spec.maxLength(),
                spec.minItems(), spec.maxItems(), spec.aliases(), items);
    }

    /** A value written in the file, in the field type's normal form. */
    static Object normal(EntryKeys keys, String key, FieldType type, Object raw) {
        try {
            return type.normalise(raw, key);
        } catch (InvalidModelInputException e) {
            throw keys.fail(key, FieldSpec.quoted(raw) + " is not of type " + type.wireName());
        }
    }

    private static List<InputRule> rules(EntryKeys entry, Map<String, FieldSpec> fields) {
        List<InputRule> rules = new ArrayList<>();
        List<?> raw = entry.list("rules");
        for (int i = 0; i < raw.size(); i++) {
            EntryKeys keys = entry.nested(raw.get(i), "rules[" + i + "]");
            rules.add(keys.has("exclusive") ? exclusive(keys, fields)
                    : keys.has("anyOf") ? anyOf(keys, fields) : conditional(keys, fields));
            keys.refuseUnread();
        }
        return rules;
    }

    private static InputRule exclusive(EntryKeys keys, Map<String, FieldSpec> fields) {
        List<List<String>> groups = new ArrayList<>();
        for (Object group : keys.list("exclusive")) {
            List<String> names = group instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                    : List.of(String.valueOf(group));
            names.forEach(name -> known(keys, "exclusive", fields, name));
            groups.add(names);
        }
        return new InputRule.Exclusive(groups);
    }

    private static InputRule anyOf(EntryKeys keys, Map<String, FieldSpec> fields) {
        List<String> names = keys.strings("anyOf");
        names.forEach(name -> known(keys, "anyOf", fields, name));
        return new InputRule.AnyOf(names);
    }

    private static InputRule conditional(EntryKeys keys, Map<String, FieldSpec> fields) {
        Map<String, Object> condition = condition(keys.child("if"), fields);
        Map<String, List<Object>> then = new LinkedHashMap<>();
        if (keys.has("then")) {
            EntryKeys allowed = keys.child("then");
            for (String name : allowed.keys()) {
                then.put(name, listOfNormal(allowed, name, known(allowed, name, fields, name).type()));
            }
        }
        List<String> requires = keys.strings("requires");
        requires.forEach(name -> known(keys, "requires", fields, name));
        return new InputRule.Conditional(condition, then, requires);
    }

    /** An {@code if} object: field → value, each value in its field's normal form. */
    static Map<String, Object> condition(EntryKeys when, Map<String, FieldSpec> fields) {
        Map<String, Object> condition = new LinkedHashMap<>();
        for (String name : when.keys()) {
            condition.put(name, normal(when, name, known(when, name, fields, name).type(), when.raw(name)));
        }
        return condition;
    }

    static List<Object> listOfNormal(EntryKeys keys, String key, FieldType type) {
        Object raw = keys.raw(key);
        List<?> items = raw instanceof List<?> list ? list : List.of(raw);
        return items.stream().map(item -> normal(keys, key, type, item)).toList();
    }

    static FieldSpec known(EntryKeys keys, String key, Map<String, FieldSpec> fields, String name) {
        FieldSpec field = fields.get(name);
        if (field == null) {
            throw keys.fail(key, "names no field of this entry: " + name);
        }
        return field;
    }

    private static List<PriceRule> price(EntryKeys entry, Map<String, FieldSpec> fields) {
        List<?> raw = entry.list("price");
        if (raw.isEmpty()) {
            throw entry.fail("price", "is required (a list of price rules)");
        }
        List<PriceRule> rules = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            EntryKeys keys = entry.nested(raw.get(i), "price[" + i + "]");
            Map<String, List<Object>> when = new LinkedHashMap<>();
            if (keys.has("when")) {
                EntryKeys condition = keys.child("when");
                for (String name : condition.keys()) {
                    when.put(name, listOfNormal(condition, name, known(condition, name, fields, name).type()));
                }
            }
            String modeName = keys.string("mode");
            ModelMode mode = modeName == null ? null : ModelMode.byWireName(modeName)
                    .orElseThrow(() -> keys.fail("mode", "unknown mode \"" + modeName + "\""));
            BigDecimal credits = keys.number("credits");
            BigDecimal perSecond = keys.number("perSecond");
            if ((credits == null) == (perSecond == null)) {
                throw keys.fail("credits", "give exactly one of credits and perSecond");
            }
            keys.refuseUnread();
            rules.add(new PriceRule(when, mode, credits, perSecond));
        }
        return rules;
    }

    /** A route's {@code modes}: some of the model's modes, or empty for all of them. */
    private static List<ModelMode> routeModes(EntryKeys route, List<ModelMode> modelModes) {
        List<ModelMode> modes = new ArrayList<>();
        for (String name : route.strings("modes")) {
            ModelMode mode = ModelMode.byWireName(name).filter(modelModes::contains)
                    .orElseThrow(() -> route.fail("modes", "\"" + name + "\" is not a mode of this model"));
            modes.add(mode);
        }
        return modes;
    }

    /** A route's {@code accepts}: per entry field, the values (as strings) the route serves. */
    private static Map<String, List<String>> accepts(EntryKeys route) {
        if (!route.has("accepts")) {
            route.raw("accepts");
            return Map.of();
        }
        EntryKeys accepts = route.child("accepts");
        Map<String, List<String>> rules = new LinkedHashMap<>();
        for (String field : List.copyOf(accepts.keys())) {
            Object raw = accepts.raw(field);
            try {
                FieldPath.parse(field);
            } catch (IllegalArgumentException e) {
                throw accepts.fail(field, "must name a field or field[index]");
            }
            if (!(raw instanceof List<?> values)) {
                throw accepts.fail(field, "must be a list of values (empty: the field must be absent)");
            }
            rules.put(field, values.stream().map(ModelRoute::plain).toList());
        }
        return rules;
    }

    private static List<ModelRoute> routes(EntryKeys entry, List<ModelMode> modelModes) {
        List<?> raw = entry.list("routes");
        List<ModelRoute> routes = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            EntryKeys keys = entry.nested(raw.get(i), "routes[" + i + "]");
            String engine = keys.requiredString("engine");
            List<ModelMode> modes = routeModes(keys, modelModes);
            if (engine.equals("preview") && !modes.isEmpty()) {
                throw keys.fail("modes", "the preview route serves every mode of the model");
            }
            routes.add(new ModelRoute(engine, keys.string("upstreamModel"), keys.string("template"), modes,
                    accepts(keys), keys.rest()));
        }
        if (routes.stream().noneMatch(route -> route.engine().equals("preview"))) {
            throw entry.fail("routes", "must include the preview engine");
        }
        return routes;
    }
}

package io.reelgate.server.testsupport;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A small structural JSON Schema check over a served OpenAPI 3.1 document: {@code $ref}, {@code type} (one or a
 * list), {@code required}, {@code properties} (closed: an undeclared property is an error, so a renamed field
 * fails), {@code items}, {@code oneOf}/{@code anyOf}, {@code enum}, {@code minimum}/{@code maximum},
 * {@code maxLength} and {@code format: uri}. Returns every violation with its JSON path.
 */
public final class OpenApiSchemaCheck {

    private final JsonNode document;

    public OpenApiSchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** The JSON schema of an operation's 200 {@code application/json} answer. */
    public JsonNode responseSchema(String path, String method) {
        JsonNode schema = document.path("paths").path(path).path(method).path("responses").path("200").path("content")
                .path("application/json").path("schema");
        if (schema.isMissingNode()) {
            throw new AssertionError("No 200 application/json schema for " + method.toUpperCase() + " " + path);
        }
        return schema;
    }

    public List<String> violations(JsonNode schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(schema, value, "$", errors);
        return errors;
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("Only local $refs are supported: " + ref);
            }
            schema = document.at(ref.substring(1));
            if (schema.isMissingNode()) {
                throw new AssertionError("Dangling $ref " + ref);
            }
        }
        return schema;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> errors) {
        schema = resolve(schema);
        if (schema.has("oneOf") || schema.has("anyOf")) {
            boolean one = schema.has("oneOf");
            int matches = 0;
            List<String> why = new ArrayList<>();
            for (JsonNode option : schema.get(one ? "oneOf" : "anyOf")) {
                List<String> optionErrors = new ArrayList<>();
                check(option, value, at, optionErrors);
                if (optionErrors.isEmpty()) {
                    matches++;
                } else {
                    why.addAll(optionErrors);
                }
            }
            if (matches == 0 || (one && matches > 1)) {
                errors.add(at + ": " + matches + " of the " + (one ? "oneOf" : "anyOf") + " options match " + why);
            }
        }
        Set<String> types = types(schema);
        if (!types.isEmpty() && types.stream().noneMatch(type -> is(type, value))) {
            errors.add(at + ": expected " + types + " but got " + kind(value) + " " + value);
            return;
        }
        if (schema.has("enum") && value.isValueNode() && !value.isNull()) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.asString().equals(value.asString());
            }
            if (!listed) {
                errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                errors.add(at + ": " + value + " is below the minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                errors.add(at + ": " + value + " is above the maximum " + schema.get("maximum"));
            }
        }
        if (value.isString()) {
            if (schema.has("maxLength") && value.asString().length() > schema.get("maxLength").asInt()) {
                errors.add(at + ": longer than " + schema.get("maxLength"));
            }
            if ("uri".equals(schema.path("format").asString(null)) && !isAbsoluteUri(value.asString())) {
                errors.add(at + ": not an absolute URI: " + value);
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asString())) {
                    errors.add(at + ": required property " + required.asString() + " is missing");
                }
            }
            JsonNode properties = schema.path("properties");
            boolean closed = properties.isObject() && !schema.has("additionalProperties");
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode property = properties.path(field.getKey());
                if (!property.isMissingNode()) {
                    check(property, field.getValue(), at + "." + field.getKey(), errors);
                } else if (closed) {
                    errors.add(at + ": property " + field.getKey() + " is not in the schema");
                } else if (schema.path("additionalProperties").isObject()) {
                    check(schema.get("additionalProperties"), field.getValue(), at + "." + field.getKey(), errors);
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "[" + i + "]", errors);
            }
        }
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isString()) {
            types.add(type.asString());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        }
        if (schema.path("nullable").asBoolean(false)) {
            types.add("null");
        }
        return types;
    }

    private static boolean is(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("Unknown schema type " + type);
        };
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase();
    }

    private static boolean isAbsoluteUri(String text) {
        try {
            return URI.create(text).isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

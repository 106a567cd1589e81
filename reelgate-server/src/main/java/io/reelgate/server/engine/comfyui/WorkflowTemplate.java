package io.reelgate.server.engine.comfyui;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An API-format ComfyUI workflow ({@code node_id → {class_type, inputs}}, docs/upstreams.md, "ComfyUI: prompts") with
 * {@code {{placeholders}}} in string values, so the file stays valid JSON and can be edited in ComfyUI's own export. A
 * string that is exactly one placeholder takes the value's type (numbers stay numbers); a placeholder inside a longer
 * string is replaced as text. Filled on the JSON tree, never by text substitution, so a prompt cannot break out of its
 * string.
 */
final class WorkflowTemplate {

    /** Every placeholder a template may use, documented in docs/engines.md. */
    static final Set<String> PLACEHOLDERS = Set.of("prompt", "negative_prompt", "seed", "width", "height", "frames",
            "fps", "image", "video", "filename_prefix");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z_]+)}}");

    private final String name;
    private final ObjectNode graph;
    private final Set<String> used;

    private WorkflowTemplate(String name, ObjectNode graph, Set<String> used) {
        this.name = name;
        this.graph = graph;
        this.used = used;
    }

    /** @throws IllegalArgumentException when the JSON is not an API-format graph or names an unknown placeholder */
    static WorkflowTemplate of(String name, JsonNode json) {
        if (!(json instanceof ObjectNode graph) || graph.isEmpty()) {
            throw new IllegalArgumentException("ComfyUI template " + name + " is not an API-format workflow (an object "
                    + "of node id -> {class_type, inputs}; export it with \"Export (API)\")");
        }
        for (Map.Entry<String, JsonNode> node : graph.properties()) {
            if (!node.getValue().path("class_type").isString() || !node.getValue().path("inputs").isObject()) {
                throw new IllegalArgumentException("ComfyUI template " + name + ": node " + node.getKey()
                        + " lacks class_type or inputs; the UI's saved format is not accepted, use \"Export (API)\"");
            }
        }
        Set<String> used = new TreeSet<>();
        collect(graph, used);
        for (String placeholder : used) {
            if (!PLACEHOLDERS.contains(placeholder)) {
                throw new IllegalArgumentException("ComfyUI template " + name + " uses unknown placeholder {{"
                        + placeholder + "}}; known: " + new TreeSet<>(PLACEHOLDERS));
            }
        }
        return new WorkflowTemplate(name, graph, Set.copyOf(used));
    }

    String name() {
        return name;
    }

    boolean uses(String placeholder) {
        return used.contains(placeholder);
    }

    /** A filled copy of the graph; {@code values} must hold every placeholder the template uses. */
    ObjectNode fill(Map<String, Object> values) {
        for (String placeholder : used) {
            if (!values.containsKey(placeholder)) {
                throw new IllegalStateException("No value for {{" + placeholder + "}} in ComfyUI template " + name);
            }
        }
        return (ObjectNode) replace(graph, values);
    }

    private static JsonNode replace(JsonNode node, Map<String, Object> values) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                copy.set(field.getKey(), replace(field.getValue(), values));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : array) {
                copy.add(replace(element, values));
            }
            return copy;
        }
        if (node.isString()) {
            return replaceText(node.asString(), values);
        }
        return node;
    }

    private static JsonNode replaceText(String text, Map<String, Object> values) {
        Matcher whole = PLACEHOLDER.matcher(text);
        if (whole.matches()) {
            return valueNode(values.get(whole.group(1)));
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values.get(matcher.group(1)))));
        }
        matcher.appendTail(out);
        return JsonNodeFactory.instance.stringNode(out.toString());
    }

    private static JsonNode valueNode(Object value) {
        if (value instanceof Integer i) {
            return JsonNodeFactory.instance.numberNode(i);
        }
        if (value instanceof Long l) {
            return JsonNodeFactory.instance.numberNode(l);
        }
        return JsonNodeFactory.instance.stringNode(String.valueOf(value));
    }

    private static void collect(JsonNode node, Set<String> used) {
        if (node.isString()) {
            Matcher matcher = PLACEHOLDER.matcher(node.asString());
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        } else if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                collect(child, used);
            }
        }
    }
}

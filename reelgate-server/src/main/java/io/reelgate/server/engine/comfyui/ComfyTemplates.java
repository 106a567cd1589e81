package io.reelgate.server.engine.comfyui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads workflow templates: a bare name is a template shipped in {@code classpath:comfyui/<name>.json}, anything
 * else the path of an operator's own API-format file. Loaded and checked once at start-up, so a broken template
 * stops the server instead of failing tasks.
 */
final class ComfyTemplates {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SHIPPED = "comfyui/";

    private ComfyTemplates() {
    }

    /**
     * @param required the placeholder the task kind needs ({@code image}, {@code video}), or {@code null}
     */
    static WorkflowTemplate load(String template, String required) {
        WorkflowTemplate loaded = WorkflowTemplate.of(template, parse(template));
        if (!loaded.uses("prompt")) {
            throw new IllegalArgumentException("ComfyUI template " + template + " has no {{prompt}}");
        }
        if (required != null && !loaded.uses(required)) {
            throw new IllegalArgumentException("ComfyUI template " + template + " is used for a kind with an input "
                    + required + " but has no {{" + required + "}}");
        }
        return loaded;
    }

    /** The model family of a shipped template: its name up to the first dash ({@code ltxv-t2v} → {@code ltxv}). */
    static Optional<String> shippedFamily(String template) {
        if (!isShipped(template) || ComfyTemplates.class.getClassLoader().getResource(SHIPPED + template + ".json") == null) {
            return Optional.empty();
        }
        int dash = template.indexOf('-');
        return Optional.of(dash < 0 ? template : template.substring(0, dash));
    }

    private static tools.jackson.databind.JsonNode parse(String template) {
        try (InputStream in = open(template)) {
            return JSON.readTree(in);
        } catch (IOException | JacksonException e) {
            throw new IllegalArgumentException("ComfyUI template " + template + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static InputStream open(String template) throws IOException {
        if (isShipped(template)) {
            InputStream in = ComfyTemplates.class.getClassLoader().getResourceAsStream(SHIPPED + template + ".json");
            if (in == null) {
                throw new IOException("no shipped template of that name (shipped: wan-t2v, wan-i2v, wan-v2v, ltxv-t2v, "
                        + "ltxv-i2v; or give a file path)");
            }
            return in;
        }
        return Files.newInputStream(Path.of(template));
    }

    private static boolean isShipped(String template) {
        return template.matches("[a-z0-9-]+");
    }
}

package io.reelgate.server.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every video model Reelgate accepts by id, read from {@code models/registry.json} on the class path and, when
 * {@code reelgate.models.file} names one, an operator file whose entries add models or replace those of the same
 * id (docs/models.md). A malformed file stops startup with a message naming the entry and the key.
 */
@Component
public final class ModelRegistry {

    static final String BUNDLED = "/models/registry.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, VideoModel> models;

    @Autowired
    public ModelRegistry(@Value("${reelgate.models.file:}") String operatorFile) {
        this(operatorFile == null || operatorFile.isBlank() ? bundled().models
                : bundled().withOverrides(Path.of(operatorFile)).models);
    }

    private ModelRegistry(Map<String, VideoModel> models) {
        this.models = Collections.unmodifiableMap(models);
    }

    /** The models shipped with Reelgate. */
    public static ModelRegistry bundled() {
        try (InputStream in = ModelRegistry.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new ModelRegistryException("model registry " + BUNDLED + " is missing from the class path");
            }
            return from(in, "classpath:" + BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The models of one registry file; {@code source} names it in error messages. */
    public static ModelRegistry from(InputStream in, String source) {
        return new ModelRegistry(read(in, source, new LinkedHashMap<>()));
    }

    public static ModelRegistry from(Path file) {
        return empty().withOverrides(file);
    }

    /** This registry with the entries of {@code file} added, or replacing the entries of the same id in place. */
    public ModelRegistry withOverrides(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new ModelRegistry(read(in, file.toString(), new LinkedHashMap<>(models)));
        } catch (IOException e) {
            throw new ModelRegistryException("model registry " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    public Optional<VideoModel> find(String id) {
        return Optional.ofNullable(id == null ? null : models.get(id));
    }

    /** The model of that id, or {@link UnknownModelException} for the dialect's documented 422. */
    public VideoModel require(String id) {
        return find(id).orElseThrow(() -> new UnknownModelException(id));
    }

    /** Every model in file order (grouped by family). */
    public Collection<VideoModel> all() {
        return models.values();
    }

    /** The models one API family accepts: {@code kie-market}, {@code kie-veo} or {@code openai}. */
    public List<VideoModel> forDialect(String dialect) {
        return models.values().stream().filter(model -> model.servesDialect(dialect)).toList();
    }

    private static ModelRegistry empty() {
        return new ModelRegistry(new LinkedHashMap<>());
    }

    private static Map<String, VideoModel> read(InputStream in, String source, Map<String, VideoModel> into) {
        Object root;
        try {
            root = JSON.readValue(in, Object.class);
        } catch (JacksonException e) {
            throw new ModelRegistryException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(root instanceof Map<?, ?> object) || !(object.get("models") instanceof List<?> entries)
                || object.size() != 1) {
            throw new ModelRegistryException(source + ": must be an object with one key, \"models\", holding a list");
        }
        Map<String, VideoModel> ownIds = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            VideoModel model = ModelEntryReader.read(entries.get(i), source, i);
            if (ownIds.put(model.id(), model) != null) {
                throw new ModelRegistryException(source + ": entry \"" + model.id() + "\", key id: appears twice");
            }
            into.put(model.id(), model);
        }
        return into;
    }
}

package io.reelgate.server.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One registry entry (docs/models.md): a model id exactly as clients send it, the modes and dialects it serves, its
 * {@code input} fields and cross-field rules, how it renders, what it costs and which engines run it.
 */
public record VideoModel(String id, String family, List<ModelMode> modes, List<String> dialects,
                         Map<String, FieldSpec> fields, List<InputRule> rules, RenderMapping render,
                         List<PriceRule> price, List<ModelRoute> routes) {

    public VideoModel {
        modes = List.copyOf(modes);
        dialects = List.copyOf(dialects);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        rules = List.copyOf(rules);
        price = List.copyOf(price);
        routes = List.copyOf(routes);
    }

    /**
     * The input with defaults applied, aliases renamed to their field and values in normal form; throws
     * {@link InvalidModelInputException} naming the first field that is unknown, missing or out of bounds.
     */
    public ModelInput validate(Map<String, Object> input) {
        return new ModelInput(this, InputValidator.validate(this, input));
    }

    public Optional<FieldSpec> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public boolean servesDialect(String dialect) {
        return dialects.contains(dialect);
    }
}

package io.reelgate.server.api.reelgate;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.reelgate.server.api.kie.ApiEnvelope;
import io.reelgate.server.catalog.FieldSpec;
import io.reelgate.server.catalog.ModelMode;
import io.reelgate.server.catalog.ModelRegistry;
import io.reelgate.server.catalog.ModelRoute;
import io.reelgate.server.catalog.VideoModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Collection;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reelgate extension: the model registry as clients, the playground and the CLI read it, so a form can be drawn from
 * an entry's fields (docs/models.md). Read-only; the registry file is the operator's to edit.
 */
@RestController
@Tag(name = "Reelgate extensions", description = "Not in KIE: task view, cancel, live stream, callbacks")
class ModelsController {

    private final ModelRegistry registry;

    ModelsController(ModelRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/v1/models")
    @Operation(summary = "List the video models of the registry",
            description = "Each with its modes, the API families that accept its id (`kie-market`, `kie-veo`, "
                    + "`openai`), the engines that can serve it in order, and its input fields with types, allowed "
                    + "values and defaults. `dialect` narrows the list to one API family.")
    ApiEnvelope<List<ModelView>> list(@RequestParam(required = false) String dialect) {
        Collection<VideoModel> models = dialect == null || dialect.isBlank() ? registry.all()
                : registry.forDialect(dialect);
        return ApiEnvelope.success(models.stream().map(ModelsController::view).toList());
    }

    private static ModelView view(VideoModel model) {
        return new ModelView(model.id(), model.family(), model.modes().stream().map(ModelMode::wireName).toList(),
                model.dialects(), model.routes().stream().map(ModelRoute::engine).distinct().toList(),
                model.fields().values().stream().map(ModelsController::field).toList());
    }

    private static FieldView field(FieldSpec field) {
        return new FieldView(field.name(), field.type().wireName(), field.required(), field.defaultValue(),
                field.values(), field.min(), field.max(), field.maxLength(), field.minItems(), field.maxItems(),
                field.aliases());
    }

    /** One registry entry as {@code GET /api/v1/models} shows it. */
    record ModelView(String id, String family, List<String> modes, List<String> dialects, List<String> engines,
                     List<FieldView> fields) {
    }

    /** One input field: {@code default}, {@code values} and the bounds are null or empty when the entry sets none. */
    record FieldView(String name, String type, boolean required, @JsonProperty("default") Object defaultValue, List<Object> values, Double min,
                     Double max, Integer maxLength, Integer minItems, Integer maxItems, List<String> aliases) {
    }
}

package io.reelgate.server.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A validated input of one model: field values by their canonical names, defaults included, in normal form
 * ({@code "5"} for a string duration whether the client sent {@code 5} or {@code "5"}).
 */
public record ModelInput(VideoModel model, Map<String, Object> values) {

    public ModelInput {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Object get(String field) {
        return values.get(field);
    }

    /** What the input asks for among the model's modes, judged by the media it carries. */
    public ModelMode mode() {
        if (model.modes().size() == 1) {
            return model.modes().get(0);
        }
        RenderSpec render = render();
        if (render.sourceVideoUrl() != null && model.modes().contains(ModelMode.VIDEO_TO_VIDEO)) {
            return ModelMode.VIDEO_TO_VIDEO;
        }
        if (!render.referenceImageUrls().isEmpty() && model.modes().contains(ModelMode.REFERENCE_TO_VIDEO)) {
            return ModelMode.REFERENCE_TO_VIDEO;
        }
        if (render.firstFrameUrl() != null && model.modes().contains(ModelMode.IMAGE_TO_VIDEO)) {
            return ModelMode.IMAGE_TO_VIDEO;
        }
        return model.modes().contains(ModelMode.TEXT_TO_VIDEO) ? ModelMode.TEXT_TO_VIDEO : model.modes().get(0);
    }

    /** Credits for this input: the first matching price rule, rounded half up to whole credits. */
    public long price() {
        ModelMode mode = mode();
        PriceRule rule = model.price().stream().filter(candidate -> candidate.matches(values, mode)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no price rule of model " + model.id() + " matches " + values));
        BigDecimal amount = rule.amount(render().durationSeconds());
        return amount.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * The route {@code engine} serves this input with: among the engine's routes for the input's mode, the first whose
     * {@code accepts} take it (an engine may have one route per endpoint: Veo Fast and Veo Quality).
     */
    public Optional<ModelRoute> routeFor(String engine) {
        ModelMode mode = mode();
        return model.routes().stream()
                .filter(route -> route.engine().equals(engine) && route.serves(mode) && route.refusal(values).isEmpty())
                .findFirst();
    }

    public RenderSpec render() {
        return model.render().render(values);
    }
}

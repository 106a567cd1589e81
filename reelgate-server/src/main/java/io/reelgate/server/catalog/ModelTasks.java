package io.reelgate.server.catalog;

import io.reelgate.server.infra.JsonObjects;
import io.reelgate.server.task.ModelTask;
import io.reelgate.server.task.TaskInput;
import io.reelgate.server.task.TaskKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a validated model input into the core's task: what to render (from the entry's render mapping), its price
 * and the engines of its routes. The one mapping every model-based dialect (KIE Market, KIE Veo, OpenAI) uses.
 */
public final class ModelTasks {

    /** The field extend models name their parent task with (KIE Market {@code veo/extend}, {@code runway/extend-ai-video}). */
    static final String PARENT_FIELD = "task_id";

    private ModelTasks() {
    }

    /**
     * @param paramsJson the request body as received, for dialects that echo it
     * @param waterMark  text to draw on the output; {@code null} reads a string {@code watermark} field of the input
     */
    public static ModelTask of(ModelInput input, String dialect, String callBackUrl, String paramsJson,
                               String waterMark) {
        RenderSpec render = input.render();
        ModelMode mode = input.mode();
        TaskKind kind = switch (mode) {
            case VIDEO_TO_VIDEO -> TaskKind.ALEPH;
            case EXTEND -> TaskKind.EXTEND;
            default -> TaskKind.GENERATE;
        };
        TaskInput task = TaskInput.builder()
                .prompt(render.prompt())
                .imageUrl(render.firstFrameUrl())
                .lastFrameUrl(render.lastFrameUrl())
                .referenceImageUrls(render.referenceImageUrls())
                .videoUrl(render.sourceVideoUrl())
                .aspectRatio(render.aspectRatio())
                .quality(qualityLabel(render.shortSide()))
                .size(render.width() != null && render.height() != null ? render.width() + "x" + render.height() : null)
                .duration(render.durationSeconds())
                .seed(render.seed())
                .model(input.model().id())
                .modelInputJson(JsonObjects.write(input.values()))
                .paramsJson(paramsJson)
                .callBackUrl(callBackUrl)
                .waterMark(waterMark != null ? waterMark : input.get("watermark") instanceof String text ? text : "")
                .build();
        String parent = mode == ModelMode.EXTEND && input.get(PARENT_FIELD) instanceof String id ? id : null;
        return new ModelTask(dialect, kind, parent, task, input.price(), routes(input));
    }

    /**
     * The engines of the entry's routes for the input's mode, in order, each judged against the input by its routes'
     * {@code accepts}: open when one of them takes it, else refused (see {@link ModelRoute#refusal(List, Map)}).
     */
    static List<ModelTask.Route> routes(ModelInput input) {
        ModelMode mode = input.mode();
        Map<String, List<ModelRoute>> byEngine = new LinkedHashMap<>();
        for (ModelRoute route : input.model().routes()) {
            if (route.serves(mode)) {
                byEngine.computeIfAbsent(route.engine(), engine -> new ArrayList<>()).add(route);
            }
        }
        return byEngine.entrySet().stream().map(engine -> ModelRoute.refusal(engine.getValue(), input.values())
                .map(refused -> new ModelTask.Route(engine.getKey(), refused.field(), refused.getMessage()))
                .orElseGet(() -> ModelTask.Route.open(engine.getKey()))).toList();
    }

    /** The core's resolution label for a line count: {@code 768p}, {@code 1080p}; 2160 lines are {@code 4k}. */
    static String qualityLabel(Integer shortSide) {
        if (shortSide == null) {
            return null;
        }
        return shortSide == 2160 ? "4k" : shortSide + "p";
    }
}

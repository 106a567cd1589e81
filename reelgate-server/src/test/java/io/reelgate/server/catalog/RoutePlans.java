package io.reelgate.server.catalog;

import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.MediaResolver;
import io.reelgate.server.engine.UnsupportedInputException;
import io.reelgate.server.engine.UpstreamRequest;
import io.reelgate.server.engine.UpstreamRequestPlanner;
import io.reelgate.server.infra.JsonObjects;
import io.reelgate.server.task.EngineJobMapper;
import io.reelgate.server.task.ModelTask;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The upstream request a registry route plans for a model task, media left as URLs; nothing is sent. */
final class RoutePlans {

    private RoutePlans() {
    }

    /**
     * What {@code route} sends for {@code task}: method, path and body, or why it is refused (at submit, by the route's
     * {@code accepts}; or by the engine's planner).
     */
    static Object planned(UpstreamRequestPlanner planner, ModelTask task, ModelRoute route) {
        Optional<InvalidModelInputException> refused = route.refusal(JsonObjects.read(task.input().modelInputJson()));
        if (refused.isPresent()) {
            return Map.of("refusedAtSubmit", refused.get().getMessage());
        }
        EngineJob job = EngineJobMapper.jobFor("snapshot-task", task.kind(), task.input())
                .route(route.toUpstream())
                .modelInput(JsonObjects.read(task.input().modelInputJson()))
                .webhookUrl("https://gateway.example/webhooks/" + route.engine() + "/snapshot-task")
                .parentVideo(task.kind() == io.reelgate.server.task.TaskKind.EXTEND ? Path.of("work/parent.mp4") : null)
                .workDir(Path.of("work"))
                .build();
        try {
            UpstreamRequest request = planner.plan(job, MediaResolver.AS_URL);
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("method", request.method());
            shown.put("path", request.path());
            shown.put("body", request.body());
            return shown;
        } catch (UnsupportedInputException e) {
            return Map.of("refused", e.field() + ": " + e.getMessage());
        }
    }
}

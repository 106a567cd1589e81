package io.reelgate.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.engine.UpstreamRequestPlanner;
import io.reelgate.server.task.ModelTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * For every registry model and every hosted-engine route it names, the upstream create request the route produces
 * for the model's smallest valid input (of the route's first mode, when the route names modes; with the first value
 * the route accepts where the smallest input has another), compared with
 * the stored snapshot {@code routing/registry-routes.json}. A registry edit that changes a provider request fails
 * here until the snapshot is renewed on purpose: {@code -Dreelgate.snapshots.update=true}.
 */
class RegistryRoutesSnapshotTest {

    private static final Path SNAPSHOT = Path.of("src/test/resources/routing/registry-routes.json");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    @Test
    void everyRoutedModelProducesItsSnapshottedUpstreamRequest() throws IOException {
        Map<String, UpstreamRequestPlanner> planners = HostedEnginePlanners.all();
        Map<String, Object> produced = new TreeMap<>();
        for (VideoModel model : Inputs.REGISTRY.all()) {
            for (ModelRoute route : model.routes()) {
                UpstreamRequestPlanner planner = planners.get(route.engine());
                if (planner == null) {
                    continue;
                }
                ModelInput input = model.validate(Inputs.acceptedBy(model, route, route.modes().isEmpty()
                        ? Inputs.minimal(model) : Inputs.forMode(model, route.modes().get(0))));
                ModelTask task = ModelTasks.of(input, "kie-market", null, "{}", null);
                boolean several = model.routes().stream().filter(r -> r.engine().equals(route.engine())).count() > 1;
                String key = model.id() + (route.modes().isEmpty() ? "" : " (" + route.modes().stream()
                        .map(ModelMode::wireName).collect(Collectors.joining(", ")) + ")") + " -> " + route.engine()
                        + (several ? " " + route.upstreamModel() : "");
                produced.put(key, RoutePlans.planned(planner, task, route));
            }
        }
        assertThat(produced).as("hosted engines have routes in the registry").isNotEmpty();
        assertThat(produced.keySet().stream().map(key -> key.substring(key.indexOf("-> ") + 3).split(" ")[0]).distinct())
                .as("every hosted engine serves some registry model").containsExactlyInAnyOrderElementsOf(planners.keySet());

        String json = JSON.writeValueAsString(produced) + "\n";
        if (Boolean.getBoolean("reelgate.snapshots.update") || !Files.exists(SNAPSHOT)) {
            Files.writeString(SNAPSHOT, json);
        }
        assertThat(json).as("upstream requests of the registry routes (renew with -Dreelgate.snapshots.update=true)")
                .isEqualTo(Files.readString(SNAPSHOT));
    }
}

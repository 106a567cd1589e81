package io.reelgate.server.catalog;

import io.reelgate.server.engine.UpstreamRequestPlanner;
import io.reelgate.server.engine.fal.FalEngine;
import io.reelgate.server.engine.fal.FalProperties;
import io.reelgate.server.engine.replicate.ReplicateEngine;
import io.reelgate.server.engine.replicate.ReplicateProperties;
import io.reelgate.server.engine.veo.VeoEngine;
import io.reelgate.server.engine.veo.VeoProperties;
import io.reelgate.server.media.OutputProperties;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Every hosted engine with its default settings and a made-up secret, as request planners (nothing is sent). */
final class HostedEnginePlanners {

    private HostedEnginePlanners() {
    }

    static Map<String, UpstreamRequestPlanner> all() {
        OutputProperties output = OutputProperties.defaults();
        Map<String, UpstreamRequestPlanner> planners = new LinkedHashMap<>();
        planners.put("fal", new FalEngine(bind("reelgate.engine.fal", FalProperties.class,
                Map.of("api-key", "fal-snapshot-id:fal-snapshot-secret")), output, engine -> List.of(),
                new StaticListableBeanFactory().getBeanProvider(Clock.class)));
        planners.put("replicate", new ReplicateEngine(bind("reelgate.engine.replicate", ReplicateProperties.class,
                Map.of("api-token", "r8_snapshot", "webhook-secret", "whsec_c25hcHNob3Q=")), output, Clock.systemUTC(),
                "https://gateway.example"));
        planners.put("veo", new VeoEngine(bind("reelgate.engine.veo", VeoProperties.class,
                Map.of("api-key", "AIza-snapshot")), output));
        return planners;
    }

    /** The settings record as Spring binds it, defaults included. */
    private static <T> T bind(String prefix, Class<T> type, Map<String, String> values) {
        Map<String, String> properties = new LinkedHashMap<>();
        values.forEach((key, value) -> properties.put(prefix + "." + key, value));
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
    }
}

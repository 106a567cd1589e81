package io.reelgate.server.media;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.log.LogMessage;

/**
 * Keeps the settings that moved to {@code reelgate.output.*} working under their old names: a value set only under
 * the old name is used (with one deprecation line at start-up); when both are set the new name wins. Runs after the
 * configuration files are loaded, so an old name in any of them counts.
 */
public class LegacyOutputSettings implements EnvironmentPostProcessor, Ordered {

    /** Old name to new name. */
    static final Map<String, String> MOVED = Map.of("reelgate.engine.preview.bitrate-kbps", "reelgate.output.bitrate-kbps");

    private final Log log;

    public LegacyOutputSettings(DeferredLogFactory logs) {
        this.log = logs.getLog(LegacyOutputSettings.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        for (String old : aliasOldNames(environment)) {
            log.warn(LogMessage.format("%s is deprecated and will be removed; set %s instead", old, MOVED.get(old)));
        }
    }

    /** Adds the new names of settings given only under their old names; returns those old names. */
    static List<String> aliasOldNames(ConfigurableEnvironment environment) {
        // the binder matches every relaxed spelling (bitrateKbps, REELGATE_ENGINE_PREVIEW_BITRATEKBPS, ...)
        Binder binder = Binder.get(environment);
        Map<String, Object> aliases = new LinkedHashMap<>();
        MOVED.forEach((old, current) -> {
            if (!binder.bind(current, String.class).isBound()) {
                binder.bind(old, String.class).ifBound(value -> aliases.put(current, value));
            }
        });
        if (!aliases.isEmpty()) {
            // last: every real source still outranks the alias, and nothing else sets the new name anyway
            environment.getPropertySources().addLast(new MapPropertySource("reelgate-legacy-output-settings", aliases));
        }
        return MOVED.entrySet().stream().filter(e -> aliases.containsKey(e.getValue())).map(Map.Entry::getKey).toList();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

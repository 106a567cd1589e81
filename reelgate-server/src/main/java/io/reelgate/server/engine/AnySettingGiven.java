package io.reelgate.server.engine;

import java.util.List;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * An engine that exists only when one of its settings is given (a key, a key file, a server list): the condition
 * each engine's {@code @Conditional} names, with its own settings.
 */
public abstract class AnySettingGiven implements Condition {

    private final List<String> settings;

    protected AnySettingGiven(String... settings) {
        this.settings = List.of(settings);
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return settings.stream().anyMatch(setting -> ConfiguredSecret.hasText(context.getEnvironment()
                .getProperty(setting)));
    }
}

package io.reelgate.server.engine.runway;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The Runway engine exists only when an API secret (or a file holding one) is configured. */
class RunwaySecretConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return hasText(context.getEnvironment().getProperty("reelgate.engine.runway.api-secret"))
                || hasText(context.getEnvironment().getProperty("reelgate.engine.runway.api-secret-file"));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}

package io.reelgate.server.engine.replicate;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The Replicate engine exists only when an API token (or a file holding one) is configured. */
class ReplicateTokenConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return hasText(context.getEnvironment().getProperty("reelgate.engine.replicate.api-token"))
                || hasText(context.getEnvironment().getProperty("reelgate.engine.replicate.api-token-file"));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}

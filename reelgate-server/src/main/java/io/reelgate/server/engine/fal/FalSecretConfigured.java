package io.reelgate.server.engine.fal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The fal engine exists only when an API key (or a file holding one) is configured. */
class FalSecretConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return hasText(context.getEnvironment().getProperty("reelgate.engine.fal.api-key"))
                || hasText(context.getEnvironment().getProperty("reelgate.engine.fal.api-key-file"));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}

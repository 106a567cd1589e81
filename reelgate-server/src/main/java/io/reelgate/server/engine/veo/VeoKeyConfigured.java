package io.reelgate.server.engine.veo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The Veo engine exists only when a Gemini API key (or a file holding one) is configured. */
class VeoKeyConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return hasText(context.getEnvironment().getProperty("reelgate.engine.veo.api-key"))
                || hasText(context.getEnvironment().getProperty("reelgate.engine.veo.api-key-file"));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}

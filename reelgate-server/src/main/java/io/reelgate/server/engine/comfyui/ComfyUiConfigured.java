package io.reelgate.server.engine.comfyui;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The ComfyUI engine exists only when at least one server is configured. */
class ComfyUiConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return hasText(context.getEnvironment().getProperty("reelgate.engine.comfyui.servers"))
                || hasText(context.getEnvironment().getProperty("reelgate.engine.comfyui.servers[0]"));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}

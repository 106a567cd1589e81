package io.reelgate.server.api.common;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Prometheus scrapes and probes hit the actuator every few seconds: they are not observed at all (no trace, and no
 * {@code http.server.requests} timer, which only ever showed probe latency), so a tracing backend holds tasks, not
 * health checks.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfig {

    @Bean
    ObservationPredicate noTracesForActuator() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith("/actuator"));
    }
}

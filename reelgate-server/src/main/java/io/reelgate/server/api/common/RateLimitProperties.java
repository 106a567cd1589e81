package io.reelgate.server.api.common;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-key request budgets, refilled continuously. Submits default to KIE's documented 20 new generation requests
 * per 10 seconds; status polls get their own, more generous budget so polling never eats into submits.
 * {@code scope} says whether each node enforces the budgets alone ({@code node}, in memory) or all nodes share them
 * ({@code cluster}, in PostgreSQL).
 */
@ConfigurationProperties("reelgate.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("node") Scope scope,
        @DefaultValue Budget submit,
        @DefaultValue Budget status) {

    public RateLimitProperties {
        submit = submit.capacity() == 0 ? new Budget(20, Duration.ofSeconds(10)) : submit;
        status = status.capacity() == 0 ? new Budget(300, Duration.ofSeconds(10)) : status;
    }

    public enum Scope { NODE, CLUSTER }

    /** {@code capacity} requests per {@code period}; 0 means the default. */
    public record Budget(@DefaultValue("0") long capacity, @DefaultValue("10s") Duration period) {
    }
}

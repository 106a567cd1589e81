package io.reelgate.server.task;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Credits charged per task, defaulting to KIE's published prices (docs/kie-contract.md, "Prices"): 12 for 720p 5 s, 30
 * for 720p 10 s and 1080p 5 s, 110 for Aleph. KIE lists no 8-second or extend price: 8 s costs like 10 s (the newest
 * docs replace 10 by 8), and an extension (5 s) costs like a 5-second generation of its quality.
 */
@ConfigurationProperties("reelgate.pricing")
public record PricingProperties(
        @DefaultValue("12") long generate720p5s,
        @DefaultValue("30") long generate720p8s,
        @DefaultValue("30") long generate720p10s,
        @DefaultValue("30") long generate1080p5s,
        @DefaultValue("12") long extend720p,
        @DefaultValue("30") long extend1080p,
        @DefaultValue("110") long aleph) {
}

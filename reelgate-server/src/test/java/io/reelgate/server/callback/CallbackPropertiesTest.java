package io.reelgate.server.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CallbackPropertiesTest {

    @Test
    void defaultScheduleIsTheDocumentedKieOne() {
        CallbackProperties defaults = bind(Map.of());

        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(defaults.retryDelays()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));
        assertThat(defaults.maxAttempts()).isEqualTo(4);
    }

    @Test
    void theLongScheduleFromTheReadmeSpansAboutThreeDays() {
        CallbackProperties longSchedule = bind(Map.of("reelgate.callback.retry-delays",
                "5s,5m,30m,2h,5h,10h,10h,14h,20h,24h"));

        Duration total = longSchedule.retryDelays().stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofHours(70), Duration.ofHours(90));
        assertThat(longSchedule.maxAttempts()).isEqualTo(11);
    }

    private static CallbackProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("reelgate.callback", CallbackProperties.class);
    }
}

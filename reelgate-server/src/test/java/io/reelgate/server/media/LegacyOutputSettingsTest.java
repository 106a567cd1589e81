package io.reelgate.server.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** {@code reelgate.output.*} and the old names the settings had under {@code reelgate.engine.preview.*}. */
@ExtendWith(OutputCaptureExtension.class)
class LegacyOutputSettingsTest {

    @Test
    void anApplicationStartedWithTheOldNameUsesItAndLogsOneDeprecationLine(CapturedOutput output) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OutputOnly.class)
                .web(WebApplicationType.NONE).run("--reelgate.engine.preview.bitrate-kbps=2500")) {
            assertThat(context.getBean(OutputProperties.class).bitrateKbps()).isEqualTo(2500);
        }
        assertThat(output.getAll().lines().filter(line -> line.contains("reelgate.engine.preview.bitrate-kbps is deprecated")))
                .hasSize(1);
    }

    @Test
    void aBitrateSetOnlyUnderTheOldNameIsUsedAndReportedAsDeprecated() {
        StandardEnvironment environment = environment(Map.of("reelgate.engine.preview.bitrate-kbps", "2500"));

        assertThat(LegacyOutputSettings.aliasOldNames(environment)).containsExactly("reelgate.engine.preview.bitrate-kbps");
        assertThat(bound(environment).bitrateKbps()).isEqualTo(2500);
    }

    @Test
    void whenBothNamesAreSetTheNewOneWins() {
        StandardEnvironment environment = environment(Map.of("reelgate.engine.preview.bitrate-kbps", "2500",
                "reelgate.output.bitrate-kbps", "6000"));

        assertThat(LegacyOutputSettings.aliasOldNames(environment)).isEmpty();
        assertThat(bound(environment).bitrateKbps()).isEqualTo(6000);
    }

    @Test
    void theOldNameCountsInAnyRelaxedSpelling() {
        StandardEnvironment environment = environment(Map.of("reelgate.engine.preview.bitrateKbps", "3000"));

        assertThat(LegacyOutputSettings.aliasOldNames(environment)).hasSize(1);
        assertThat(bound(environment).bitrateKbps()).isEqualTo(3000);
    }

    @Test
    void withNeitherNameTheDefaultHolds() {
        StandardEnvironment environment = environment(Map.of());

        assertThat(LegacyOutputSettings.aliasOldNames(environment)).isEmpty();
        assertThat(bound(environment).bitrateKbps()).isEqualTo(4000);
    }

    @Test
    void theBitrateScalesWithThePixelCount() {
        OutputProperties output = new OutputProperties(4000);

        assertThat(List.of(output.bitrateFor(1280, 720), output.bitrateFor(640, 360)))
                .containsExactly(4_000_000, 1_000_000);
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }

    private static OutputProperties bound(StandardEnvironment environment) {
        return Binder.get(environment).bindOrCreate("reelgate.output", OutputProperties.class);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OutputProperties.class)
    static class OutputOnly {
    }
}

package io.reelgate.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alert rules in {@code deploy/prometheus} checked by Prometheus' own tool: {@code promtool check rules} (syntax,
 * PromQL, templates) and {@code promtool test rules} (the unit cases beside them: each alert fires on a bad series and
 * not on a healthy one). {@code .ci/run} installs Debian's {@code prometheus} package for it; without promtool on the
 * machine the test is skipped, never silently passed.
 */
class PrometheusRulesTest {

    static final Path RULES_DIR = Path.of("..", "deploy", "prometheus");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Test
    void alertRulesPassPromtoolCheck() throws Exception {
        assertThat(promtool("check", "rules", "reelgate-alerts.yaml")).contains("SUCCESS: 5 rules found");
    }

    @Test
    void alertRuleUnitCasesPass() throws Exception {
        assertThat(promtool("test", "rules", "reelgate-alerts.test.yaml")).contains("SUCCESS");
    }

    private static String promtool(String... args) throws IOException, InterruptedException {
        if (System.getenv("CI") != null) {
            // CI installs it (.ci/run): a missing promtool there is a broken install, not a reason to skip
            assertThat(Files.isExecutable(PROMTOOL)).as("promtool installed by .ci/run").isTrue();
        }
        assumeTrue(Files.isExecutable(PROMTOOL), "promtool not installed (Debian package prometheus, see .ci/run)");
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(RULES_DIR.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", args), output).isZero();
        return output;
    }
}

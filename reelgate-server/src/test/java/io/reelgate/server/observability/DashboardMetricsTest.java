package io.reelgate.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.CallbackReceiver;
import io.reelgate.server.testsupport.FakeRunway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard and the alert rules query only metrics the server really exports: after a few tasks (a local
 * render, an upstream task whose polls fail before it succeeds, a cancel, a callback that goes dead) every metric
 * name in their PromQL is in {@code /actuator/prometheus}. Also checks the dashboard is provisioning-ready JSON.
 */
class DashboardMetricsTest extends ObservedServerTest {

    private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "reelgate-dashboard.json");
    private static final Path ALERTS = Path.of("..", "deploy", "prometheus", "reelgate-alerts.yaml");
    private static final Pattern METRIC = Pattern.compile("\\b(?:reelgate|http_server)_[a-zA-Z0-9_:]+");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyMetricTheDashboardAndAlertsQueryIsExportedAfterAFewTasks() throws Exception {
        runTasksThatTouchEveryMetric();
        Set<String> queried = new TreeSet<>();
        dashboardExpressions().forEach(expr -> queried.addAll(metricNames(expr)));
        queried.addAll(metricNames(Files.readString(ALERTS)));
        assertThat(queried).contains("reelgate_upstream_poll_lag_seconds", "reelgate_callbacks_dead_total",
                "reelgate_tasks_oldest_age_seconds", "reelgate_database_up");

        Set<String> exported = Await.until(TIMEOUT, "every queried metric exported", this::exportedNames,
                names -> names.containsAll(queried));
        assertThat(exported).containsAll(queried);
    }

    @Test
    void dashboardIsProvisioningReadyJson() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        // provisioning identifies dashboards by uid; a numeric id would clash with the target Grafana's own
        assertThat(dashboard.has("id")).isFalse();
        assertThat(dashboard.get("uid").asString()).isEqualTo("reelgate-overview");
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt())).as("panel id %s unique", panel.get("id")).isTrue();
            if (!panel.get("type").asString().equals("row")) {
                assertThat(panel.get("datasource").get("uid").asString()).isEqualTo("${datasource}");
                assertThat(panel.get("targets")).isNotEmpty();
            }
        }
        assertThat(dashboardExpressions()).hasSizeGreaterThanOrEqualTo(20);
    }

    private void runTasksThatTouchEveryMetric() {
        String id = "0b5e7a4c-0000-4000-8000-00000000da5b";
        RUNWAY.acceptCreate("text_to_video", "dashboard: upstream", id);
        // four polls answered 503 (upstream errors counted by status), then the result
        RUNWAY.taskAnswers(id, FakeRunway.error(503, "busy"), FakeRunway.error(503, "busy"),
                FakeRunway.error(503, "busy"), FakeRunway.error(503, "busy"), RUNWAY.succeeded(id));
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            receiver.answer(500, 500);
            String upstream = kie.generate("""
                    {"prompt":"dashboard: upstream","duration":5,"quality":"720p","aspectRatio":"16:9"}""");
            String local = kie.generate("{\"prompt\":\"dashboard: local\",\"duration\":5,\"quality\":\"720p\","
                    + "\"aspectRatio\":\"1:1\",\"model\":\"" + PREVIEW_MODEL + "\",\"callBackUrl\":\""
                    + receiver.url("/dead") + "\"}");
            String cancelled = kie.generate("{\"prompt\":\"dashboard: cancelled\",\"duration\":5,\"quality\":\"720p\","
                    + "\"aspectRatio\":\"1:1\",\"model\":\"" + PREVIEW_MODEL + "\"}");
            kie.postJson("/api/v1/tasks/" + cancelled + "/cancel", "{}");
            for (String taskId : List.of(upstream, local, cancelled)) {
                kie.awaitTerminal(taskId, TIMEOUT);
            }
            receiver.await("/dead", 2, TIMEOUT);
        }
    }

    private List<String> dashboardExpressions() {
        try {
            List<String> expressions = new ArrayList<>();
            collectExpressions(JsonMapper.builder().build().readTree(Files.readString(DASHBOARD)), expressions);
            return expressions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectExpressions(JsonNode node, List<String> into) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("expr")) {
                    into.add(field.getValue().asString());
                } else {
                    collectExpressions(field.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectExpressions(child, into));
        }
    }

    private static Set<String> metricNames(String promql) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(promql);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private Set<String> exportedNames() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Set<String> names = new TreeSet<>();
            for (String line : response.body().split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    names.add(line.split("[{ ]", 2)[0]);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

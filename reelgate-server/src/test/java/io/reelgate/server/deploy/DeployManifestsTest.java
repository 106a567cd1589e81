package io.reelgate.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

/**
 * The offline equivalent of {@code kubectl apply --dry-run=client} for {@code deploy/kubernetes} (no kubectl in CI):
 * every manifest is read into the Kubernetes API model of fabric8 (the Java client's generated types), with
 * unknown fields failing anywhere in the tree, and its {@code apiVersion} must be the one the model's kind belongs
 * to. Then the facts the operator relies on: probes on the actuator groups, termination grace covering the shutdown
 * grace, selectors that agree, configuration through the ConfigMap and the Secret.
 */
class DeployManifestsTest {

    private static final Path MANIFESTS = Path.of("..", "deploy", "kubernetes");
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Deployment", Deployment.class, "Service", Service.class, "ConfigMap", ConfigMap.class,
            "Secret", Secret.class, "PodDisruptionBudget", PodDisruptionBudget.class);
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    private static final Map<Class<?>, HasMetadata> byKind = new HashMap<>();

    @BeforeAll
    static void parseEveryManifest() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(MANIFESTS)) {
            files = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSize(5);
        for (Path file : files) {
            JsonNode tree = YAML.readTree(file.toFile());
            String kind = tree.path("kind").asText();
            Class<? extends HasMetadata> type = KINDS.get(kind);
            assertThat(type).as("%s: kind %s is one of %s", file, kind, KINDS.keySet()).isNotNull();
            HasMetadata resource = YAML.treeToValue(tree, type);
            assertThat(resource.getApiVersion()).as("%s apiVersion", file).isEqualTo(HasMetadata.getApiVersion(type));
            assertThat(resource.getMetadata().getName()).as("%s name", file).isNotBlank();
            assertNoUnknownFields(resource, file.getFileName().toString());
            assertThat(byKind.put(type, resource)).as("one %s", kind).isNull();
        }
    }

    @Test
    void probesUseTheActuatorLivenessAndReadinessGroups() {
        Container container = container();
        assertThat(container.getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(8080);
        });
        assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
        assertProbe(container.getStartupProbe(), "/actuator/health/liveness");
        assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");
    }

    @Test
    void terminationGraceCoversPreStopAndTheDispatcherShutdownGrace() {
        PodSpec pod = deployment().getSpec().getTemplate().getSpec();
        Duration shutdownGrace = DurationStyle.detectAndParse(configMap().getData().get("REELGATE_DISPATCH_SHUTDOWNGRACE"));
        long preStop = container().getLifecycle().getPreStop().getSleep().getSeconds();
        // after the grace the dispatcher stops what still runs and joins its workers (up to 10 s), then HTTP drains
        assertThat(pod.getTerminationGracePeriodSeconds())
                .isGreaterThanOrEqualTo(preStop + shutdownGrace.toSeconds() + 15);
        assertThat(preStop).isBetween(1L, 15L);
    }

    @Test
    void serviceAndDisruptionBudgetSelectTheDeploymentsPods() {
        Map<String, String> podLabels = deployment().getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(deployment().getSpec().getSelector().getMatchLabels());
        Service service = (Service) byKind.get(Service.class);
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("http");
        PodDisruptionBudget pdb = (PodDisruptionBudget) byKind.get(PodDisruptionBudget.class);
        assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
        // a drain may take one pod at a time and still leaves one serving
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(deployment().getSpec().getReplicas()).isGreaterThan(1);
    }

    @Test
    void configComesFromTheConfigMapAndKeysFromTheSecret() {
        PodSpec pod = deployment().getSpec().getTemplate().getSpec();
        // a Service named reelgate would inject REELGATE_PORT=tcp://…, which the server reads as its port
        assertThat(pod.getEnableServiceLinks()).isFalse();
        List<EnvFromSource> envFrom = container().getEnvFrom();
        Secret secret = (Secret) byKind.get(Secret.class);
        assertThat(envFrom.stream().filter(e -> e.getConfigMapRef() != null).map(e -> e.getConfigMapRef().getName()))
                .containsExactly(configMap().getMetadata().getName());
        assertThat(envFrom.stream().filter(e -> e.getSecretRef() != null).map(e -> e.getSecretRef().getName()))
                .containsExactly(secret.getMetadata().getName());
        assertThat(secret.getStringData()).containsKeys("REELGATE_RUNWAY_API_SECRET", "REELGATE_DB_PASSWORD",
                "REELGATE_STORAGE_S3_SECRET_KEY", "REELGATE_ADMIN_TOKEN");
        assertThat(configMap().getData().keySet())
                .noneMatch(key -> key.matches(".*(PASSWORD|SECRET|TOKEN|ACCESS_KEY).*"));
        assertThat(configMap().getData()).containsEntry("REELGATE_STORAGE_TYPE", "s3")
                .hasEntrySatisfying("REELGATE_DB_URL", url -> assertThat(url).startsWith("jdbc:postgresql://"));
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as("probe on %s", path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    private static Deployment deployment() {
        return (Deployment) byKind.get(Deployment.class);
    }

    private static ConfigMap configMap() {
        return (ConfigMap) byKind.get(ConfigMap.class);
    }

    private static Container container() {
        List<Container> containers = deployment().getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    /**
     * fabric8's types keep fields they do not know in {@code additionalProperties} instead of failing (newer API
     * fields); here any such field is a typo or a field in the wrong place, so the whole tree must have none.
     */
    private static void assertNoUnknownFields(Object node, String path) throws ReflectiveOperationException {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                assertNoUnknownFields(item, path + "[" + i++ + "]");
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                assertNoUnknownFields(e.getValue(), path + "." + e.getKey());
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        List<Method> getters = new ArrayList<>();
        for (Method m : node.getClass().getMethods()) {
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getName().startsWith("get")
                    && !m.getName().equals("getClass")) {
                getters.add(m);
            }
        }
        for (Method getter : getters) {
            Object value;
            try {
                value = getter.invoke(node);
            } catch (InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                assertThat((Map<?, ?>) value).as("unknown fields at %s", path).isNullOrEmpty();
            } else {
                assertNoUnknownFields(value, path + "." + getter.getName().substring(3));
            }
        }
    }
}

package io.cpeoperator.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployment manifests parse as Kubernetes objects and grant what the operator does, no more. */
class ManifestsTest {

    private static final Path MANIFESTS = Path.of(System.getProperty("cpe.readme", "../README.md"))
            .resolveSibling("manifests");

    @Test
    void rbacCoversTheResourcesTheOperatorTouchesWithoutWildcards() throws IOException {
        ClusterRole role = (ClusterRole) load("rbac.yaml").stream()
                .filter(o -> o instanceof ClusterRole).findFirst().orElseThrow();
        assertThat(role.getRules()).allSatisfy(rule -> {
            assertThat(rule.getVerbs()).doesNotContain("*");
            assertThat(rule.getResources()).doesNotContain("*");
        });
        assertThat(allows(role, "cpeoperator.io", "cpedevices", "watch")).isTrue();
        assertThat(allows(role, "cpeoperator.io", "cpedevices", "create")).isTrue();
        assertThat(allows(role, "cpeoperator.io", "cpedevices/status", "patch")).isTrue();
        assertThat(allows(role, "cpeoperator.io", "cpefleets/status", "patch")).isTrue();
        assertThat(allows(role, "", "events", "create")).isTrue();
        assertThat(allows(role, "apiextensions.k8s.io", "customresourcedefinitions", "get")).isTrue();
        assertThat(allows(role, "", "secrets", "get")).isFalse();
    }

    @Test
    void deploymentProbesTheOperatorsEndpoints() throws IOException {
        Deployment deployment = (Deployment) load("deployment.yaml").get(0);
        var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("cpe-operator");
    }

    @Test
    void theServiceReachesTheHttpAcsAndBrokerPortsTheContainerDeclares() throws IOException {
        Deployment deployment = (Deployment) load("deployment.yaml").get(0);
        Map<String, Integer> containerPorts = new HashMap<>();
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts()
                .forEach(port -> containerPorts.put(port.getName(), port.getContainerPort()));
        Service service = (Service) load("service.yaml").get(0);

        assertThat(service.getSpec().getPorts()).allSatisfy(port -> assertThat(containerPorts)
                .as("the container port named by targetPort %s", port.getTargetPort().getStrVal())
                .containsEntry(port.getTargetPort().getStrVal(), port.getPort()));
        assertThat(containerPorts).containsEntry("http", 8080).containsEntry("cwmp", 7547).containsEntry("mqtt", 1883);
    }

    @Test
    void everyKustomizationResourceParses() throws IOException {
        String kustomization = Files.readString(MANIFESTS.resolve("kustomization.yaml"));
        for (String file : List.of("namespace.yaml", "rbac.yaml", "deployment.yaml", "service.yaml")) {
            assertThat(kustomization).contains("- " + file);
            assertThat(load(file)).isNotEmpty().allSatisfy(o -> assertThat(o.getMetadata().getName()).isNotBlank());
        }
    }

    private static boolean allows(ClusterRole role, String group, String resource, String verb) {
        for (PolicyRule rule : role.getRules()) {
            if (rule.getApiGroups().contains(group) && rule.getResources().contains(resource)
                    && rule.getVerbs().contains(verb)) {
                return true;
            }
        }
        return false;
    }

    private static List<HasMetadata> load(String file) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : Files.readString(MANIFESTS.resolve(file)).split("(?m)^---$")) {
            if (!document.isBlank()) {
                try (InputStream in = new java.io.ByteArrayInputStream(document.getBytes())) {
                    objects.add(Serialization.unmarshal(in));
                }
            }
        }
        return objects;
    }
}

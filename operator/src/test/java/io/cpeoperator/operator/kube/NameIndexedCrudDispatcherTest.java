package io.cpeoperator.operator.kube;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeDeviceSpec;
import io.cpeoperator.api.v1alpha1.CpeDeviceStatus;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded API answers named requests from its index exactly as the stock scanning dispatcher would. */
class NameIndexedCrudDispatcherTest {

    private EmbeddedKubernetes kubernetes;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        kubernetes = EmbeddedKubernetes.start();
        client = kubernetes.client();
    }

    @AfterEach
    void stop() {
        kubernetes.close();
    }

    @Test
    void namedResourcesAreFoundPerNamespaceAndKind() {
        for (int i = 0; i < 50; i++) {
            configMap("ns-a", "cm-" + i, "a" + i);
            configMap("ns-b", "cm-" + i, "b" + i);
        }
        // a CpeDevice with the same name as a ConfigMap: the kind tells them apart
        device("ns-a", "cm-7");

        assertThat(client.configMaps().inNamespace("ns-a").withName("cm-7").get().getData())
                .containsEntry("v", "a7");
        assertThat(client.configMaps().inNamespace("ns-b").withName("cm-7").get().getData())
                .containsEntry("v", "b7");
        assertThat(client.resources(CpeDevice.class).inNamespace("ns-a").withName("cm-7").get()).isNotNull();
        assertThat(client.resources(CpeDevice.class).inNamespace("ns-b").withName("cm-7").get()).isNull();
        assertThat(client.configMaps().inNamespace("ns-a").withName("cm-50").get()).isNull();
        assertThat(client.configMaps().inNamespace("ns-a").list().getItems()).hasSize(50);
        assertThat(client.configMaps().inAnyNamespace().withLabel("index", "7").list().getItems()).hasSize(2);
    }

    @Test
    void aSecondCreateOfTheSameNameConflicts() {
        configMap("ns-a", "taken", "first");

        assertThatThrownBy(() -> configMap("ns-a", "taken", "second"))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(client.configMaps().inNamespace("ns-a").withName("taken").get().getData())
                .containsEntry("v", "first");
    }

    @Test
    void updatesPatchesAndDeletesAreSeenByTheNextRead() {
        configMap("ns-a", "changing", "1");
        client.configMaps().inNamespace("ns-a").withName("changing").edit(cm -> {
            cm.getData().put("v", "2");
            return cm;
        });
        assertThat(client.configMaps().inNamespace("ns-a").withName("changing").get().getData())
                .containsEntry("v", "2");

        CpeDevice device = device("ns-a", "router-1");
        CpeDeviceStatus status = new CpeDeviceStatus();
        status.setObservedGeneration(1L);
        device.setStatus(status);
        client.resource(device).updateStatus();
        client.resources(CpeDevice.class).inNamespace("ns-a").withName("router-1").subresource("status")
                .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"add\",\"path\":\"/status/observedGeneration\","
                        + "\"value\":2}]");
        assertThat(client.resources(CpeDevice.class).inNamespace("ns-a").withName("router-1").get().getStatus()
                .getObservedGeneration()).isEqualTo(2L);

        client.configMaps().inNamespace("ns-a").withName("changing").delete();
        assertThat(client.configMaps().inNamespace("ns-a").withName("changing").get()).isNull();
        configMap("ns-a", "changing", "again");
        assertThat(client.configMaps().inNamespace("ns-a").withName("changing").get().getData())
                .containsEntry("v", "again");
    }

    private void configMap(String namespace, String name, String value) {
        ConfigMap map = new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .withLabels(Map.of("index", name.substring(name.indexOf('-') + 1))).endMetadata()
                .withData(new java.util.HashMap<>(Map.of("v", value))).build();
        client.configMaps().inNamespace(namespace).resource(map).create();
    }

    private CpeDevice device(String namespace, String name) {
        CpeDevice device = new CpeDevice();
        device.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        device.setSpec(new CpeDeviceSpec());
        return client.resource(device).create();
    }
}

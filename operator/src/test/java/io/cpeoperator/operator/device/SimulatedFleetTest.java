package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.Protocol;
import io.cpeoperator.operator.OperatorApplication;
import io.cpeoperator.operator.config.OperatorConfig;
import io.cpeoperator.operator.testing.Await;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.cpeoperator.operator.testing.OperatorFixture.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole process with the real bridges and simulated CWMP and USP devices. */
class SimulatedFleetTest {

    private static final String NS = "cpe-sim";
    private static OperatorApplication app;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        app = new OperatorApplication(OperatorConfig.parse(new String[]{"--bind-address", "127.0.0.1",
                "--http-port", "0", "--acs-port", "0",
                "--mqtt-port", "0", "--namespace", NS, "--simulate", "4", "--status-write-interval", "0s"},
                Map.of()), true, Clock.systemUTC());
        // the namespace must exist before discovery creates devices in it; the simulator starts with the app
        app.start();
        client = app.kubernetesClient();
        if (client.namespaces().withName(NS).get() == null) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata()
                    .build()).create();
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** Every device discovered, connected and synchronised, whatever its protocol. */
    private static boolean allSynced(List<CpeDevice> devices) {
        return devices.stream().allMatch(d -> d.getStatus() != null && hasCondition(d, "Connected", "True", null)
                && hasCondition(d, "Synced", "True", null));
    }

    @Test
    void simulatedDevicesOfBothProtocolsAreDiscoveredSyncedAndConfigured() {
        List<CpeDevice> devices;
        try {
            devices = Await.until(() -> client.resources(CpeDevice.class).inNamespace(NS).list()
                    .getItems(), list -> list.size() == 4 && allSynced(list), Duration.ofSeconds(90));
        } catch (AssertionError e) {
            StringBuilder states = new StringBuilder();
            client.resources(CpeDevice.class).inNamespace(NS).list().getItems().forEach(d -> states
                    .append(d.getMetadata().getName()).append(": ")
                    .append(d.getStatus() == null ? "no status" : d.getStatus().getConditions().stream()
                            .map(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason() + " (" + c.getMessage()
                                    + ")").toList()).append('\n'));
            throw new AssertionError("devices not all synced:\n" + states, e);
        }
        assertThat(devices).extracting(d -> d.getSpec().getProtocol())
                .contains(Protocol.CWMP, Protocol.USP);
        assertThat(devices).allSatisfy(d -> {
            assertThat(d.getStatus().getSummary().getSoftwareVersion()).isNotBlank();
            assertThat(d.getStatus().getSummary().getModelName()).isNotBlank();
            assertThat(hasCondition(d, "Connected", "True", null)).isTrue();
        });

        for (CpeDevice device : devices.stream().collect(java.util.stream.Collectors.toMap(
                d -> d.getSpec().getProtocol(), d -> d, (a, b) -> a)).values()) {
            String pattern = "TR-098".equals(device.getStatus().getSummary().getDataModel())
                    ? "InternetGatewayDevice.LANDevice.*.WLANConfiguration.*.SSID" : "Device.WiFi.SSID.*.SSID";
            io.cpeoperator.bridge.device.DeviceId id = io.cpeoperator.operator.device.identity.DeviceKeys
                    .idOf(device).orElseThrow();
            String path = app.deviceGateway().twins().read(id, pattern).stream()
                    .filter(io.cpeoperator.bridge.twin.TwinParameter::writable).findFirst().orElseThrow().path();
            client.resources(CpeDevice.class).inNamespace(NS).withName(device.getMetadata().getName()).edit(d -> {
                d.getSpec().getParameters().put(path, "e2e-ssid");
                return d;
            });
            CpeDevice applied;
            try {
                applied = Await.until(() -> client.resources(CpeDevice.class).inNamespace(NS)
                        .withName(device.getMetadata().getName()).get(), d -> d.getStatus().getObservedGeneration() == 2
                        && (hasCondition(d, "ConfigApplied", "True", "Applied")
                        || hasCondition(d, "ConfigApplied", "False", "DeviceRejected")), Duration.ofSeconds(60));
            } catch (AssertionError e) {
                CpeDevice last = client.resources(CpeDevice.class).inNamespace(NS)
                        .withName(device.getMetadata().getName()).get();
                throw new AssertionError(device.getSpec().getProtocol() + " " + path + ": "
                        + io.fabric8.kubernetes.client.utils.Serialization.asJson(last.getStatus().getConditions())
                        + " config " + io.fabric8.kubernetes.client.utils.Serialization.asJson(
                        last.getStatus().getConfig()), e);
            }
            // the write went to the device through its bridge and came back: applied, or refused with the device's
            // own fault code per parameter (some simulated models refuse this parameter)
            if (hasCondition(applied, "ConfigApplied", "True", "Applied")) {
                assertThat(applied.getStatus().getConfig().getApplied()).isEqualTo(1);
            } else {
                assertThat(applied.getStatus().getConfig().getFailed()).singleElement()
                        .satisfies(f -> assertThat(f.getFaultCode()).isPositive());
            }
        }
    }
}

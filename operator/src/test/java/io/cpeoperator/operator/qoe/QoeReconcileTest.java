package io.cpeoperator.operator.qoe;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.CpeFleetSpec;
import io.cpeoperator.api.v1alpha1.QoeSpec;
import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.operator.device.StatusTransitions;
import io.cpeoperator.operator.device.identity.DeviceNames;
import io.cpeoperator.operator.testing.Await;
import io.cpeoperator.operator.testing.OperatorFixture;
import io.cpeoperator.operator.testing.Tr181Trees;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.cpeoperator.operator.testing.OperatorFixture.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The QoE step of the CpeDevice reconciler against the embedded API and a fake gateway: status.qoe and QoEHealthy
 * follow the twin, QoEDegraded and QoERecovered are emitted once per transition, a fleet's spec.qoe changes the
 * verdict of its devices, and the telemetry re-reads ask the device for the QoE subtrees.
 */
class QoeReconcileTest {

    private OperatorFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void statusFollowsTheTwinWithOneEventPerTransition() throws Exception {
        fixture = new OperatorFixture("qoe-a", Clock.systemUTC(), "--status-write-interval", "0s",
                "--qoe-interval", "0s", "--qoe-telemetry-interval", "0s");
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("0001");
        String name = DeviceNames.nameFor(identity.id());
        fixture.gateway.connect(identity, HomeTrees.tr181(identity).tree());

        CpeDevice healthy = fixture.awaitDevice(name, d -> hasCondition(d, "QoEHealthy", "True", "Healthy"));
        assertThat(healthy.getStatus().getQoe().getScore()).isBetween(75, 100);
        assertThat(healthy.getStatus().getQoe().getFactors()).containsKeys("wifi", "wan", "system");
        assertThat(healthy.getStatus().getQoe().getReport()).startsWith("Everything looks healthy");

        fixture.gateway.change(identity.id(), Map.of(HomeTrees.CLIENT_5G_A + "SignalStrength", "-84",
                HomeTrees.CLIENT_24G + "SignalStrength", "-81"));
        CpeDevice weak = fixture.awaitDevice(name, d -> hasCondition(d, "QoEHealthy", "False",
                FindingCodes.WIFI_WEAK_CLIENT_SIGNAL));
        assertThat(weak.getStatus().getQoe().getFindings().get(0).getEvidence()).contains("SignalStrength=-84");
        assertThat(weak.getStatus().getQoe().getReport()).startsWith("Wi-Fi is the main problem").contains("-84 dBm");
        fixture.awaitEvent(name, StatusTransitions.EVENT_QOE_DEGRADED);

        fixture.gateway.change(identity.id(), Map.of(HomeTrees.CLIENT_5G_A + "SignalStrength", "-55",
                HomeTrees.CLIENT_24G + "SignalStrength", "-58"));
        fixture.awaitDevice(name, d -> hasCondition(d, "QoEHealthy", "True", "Healthy"));
        fixture.awaitEvent(name, StatusTransitions.EVENT_QOE_RECOVERED);
        assertThat(fixture.events(name)).filteredOn(e -> e.getReason().equals(StatusTransitions.EVENT_QOE_DEGRADED))
                .hasSize(1);
    }

    @Test
    void aFleetsThresholdsDecideForItsDevices() throws Exception {
        fixture = new OperatorFixture("qoe-b", Clock.systemUTC(), "--status-write-interval", "0s",
                "--qoe-interval", "0s", "--qoe-telemetry-interval", "0s");
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("0002");
        String name = DeviceNames.nameFor(identity.id());
        fixture.gateway.connect(identity, HomeTrees.tr181(identity).weakClient(HomeTrees.CLIENT_5G_A, -78).tree());
        fixture.awaitDevice(name, d -> hasCondition(d, "QoEHealthy", "False", FindingCodes.WIFI_WEAK_CLIENT_SIGNAL));

        CpeFleet fleet = new CpeFleet();
        fleet.setMetadata(new ObjectMetaBuilder().withName("lenient").withNamespace("qoe-b").build());
        CpeFleetSpec spec = new CpeFleetSpec();
        CpeDevice device = fixture.device(name);
        spec.setSelector(new LabelSelectorBuilder().withMatchLabels(Map.of("cpeoperator.io/product-class",
                device.getMetadata().getLabels().get("cpeoperator.io/product-class"))).build());
        QoeSpec qoe = new QoeSpec();
        qoe.setWeakSignalDbm(-85);
        qoe.setGoodSignalDbm(-75);
        spec.setQoe(qoe);
        fleet.setSpec(spec);
        fixture.client.resource(fleet).create();
        // the thresholds apply at the device's next evaluation, which a twin change brings
        Await.until(() -> {
            fixture.gateway.change(identity.id(), Map.of(HomeTrees.INFO + "UpTime",
                    Long.toString(System.currentTimeMillis() / 1000)));
            return fixture.device(name);
        }, d -> hasCondition(d, "QoEHealthy", "True", "Healthy"), Duration.ofSeconds(30));
    }

    @Test
    void telemetryIsReReadFromConnectedDevices() throws Exception {
        fixture = new OperatorFixture("qoe-c", Clock.systemUTC(), "--qoe-telemetry-interval", "1s");
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("0003");
        fixture.gateway.connect(identity, HomeTrees.tr181(identity).remove("Device.Hosts.").tree());
        List<String> asked = Await.until(() -> fixture.gateway.refreshes.stream().flatMap(List::stream).toList(),
                paths -> paths.contains("Device.WiFi.") && paths.contains("Device.IP.Diagnostics."),
                Duration.ofSeconds(20));
        assertThat(asked).contains("Device.DeviceInfo.").doesNotContain("InternetGatewayDevice.LANDevice.")
                // subtrees the device does not have are not asked for
                .doesNotContain("Device.Hosts.").allMatch(path -> path.endsWith("."));
    }
}

package io.cpeoperator.operator.fleet;

import io.cpeoperator.api.v1alpha1.ConfigSource;
import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.CpeFleetSpec;
import io.cpeoperator.api.v1alpha1.ParameterConflict;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.testing.Await;
import io.cpeoperator.operator.testing.OperatorFixture;
import io.cpeoperator.operator.testing.Tr181Trees;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.cpeoperator.operator.testing.OperatorFixture.condition;
import static io.cpeoperator.operator.testing.OperatorFixture.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fleet configuration through the device reconciler, in embedded mode with a fake gateway: values reach every member,
 * a device's own values win, two fleets that disagree leave the disputed path alone and say so, and a relabelled
 * device leaves its fleet.
 */
class FleetConfigTest {

    private static final String NS = "cpe-fleet-config";
    private static final String SSID = "Device.WiFi.SSID.1.SSID";
    private static final String INTERVAL = "Device.ManagementServer.PeriodicInformInterval";
    private static final String CHANNEL = "Device.WiFi.Radio.1.Channel";
    private static OperatorFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new OperatorFixture(NS, Clock.systemUTC(), "--status-write-interval", "0s");
        // each test has its own devices, labelled for it: fleets of one test select nothing of another
        for (String serial : List.of("3001", "3002", "3003", "3101", "3201", "3202")) {
            DeviceIdentity identity = Tr181Trees.cwmpIdentity(serial);
            fixture.gateway.connect(identity, Tr181Trees.tr181(identity));
            String name = "00d09e-igd-" + serial;
            fixture.awaitDevice(name, d -> hasCondition(d, "Synced", "True", null));
            label(name, "region", serial.startsWith("30") ? "north" : serial.startsWith("31") ? "east" : "west");
        }
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void fleetValuesReachEveryMemberAndTheDevicesOwnValueWins() {
        mergePatch("00d09e-igd-3002", Map.of("spec", Map.of("parameters", Map.of(SSID, "my-own-ssid"))));
        create(fleet("north-wifi", "region", Map.of(SSID, "isp-north", INTERVAL, "600")));

        for (String serial : List.of("3001", "3002", "3003")) {
            CpeDevice device = fixture.awaitDevice("00d09e-igd-" + serial,
                    d -> hasCondition(d, "ConfigApplied", "True", "Applied")
                            && d.getStatus().getConfig() != null && d.getStatus().getConfig().getApplied() == 2);
            DeviceId id = DeviceId.cwmp("00D09E", "IGD", serial);
            assertThat(value(id, INTERVAL)).isEqualTo("600");
            assertThat(value(id, SSID))
                    .isEqualTo(serial.equals("3002") ? "my-own-ssid" : "isp-north");
            List<ConfigSource> sources = device.getStatus().getConfig().getSources();
            if (serial.equals("3002")) {
                assertThat(sources).extracting(ConfigSource::getSource, ConfigSource::getPaths).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("spec.parameters", List.of(SSID)),
                        org.assertj.core.groups.Tuple.tuple("CpeFleet/north-wifi", List.of(INTERVAL)));
                assertThat(device.getStatus().getConfig().getOverridden()).containsExactly(SSID);
            } else {
                assertThat(sources).singleElement().satisfies(s -> {
                    assertThat(s.getSource()).isEqualTo("CpeFleet/north-wifi");
                    assertThat(s.getPaths()).containsExactly(INTERVAL, SSID);
                });
            }
        }
        CpeFleet fleet = awaitFleet("north-wifi", f -> Integer.valueOf(3).equals(f.getStatus().getConfigApplied()));
        assertThat(fleet.getStatus().getDevices()).isEqualTo(3);
        assertThat(fleetCondition(fleet, "ConfigApplied").getStatus()).isEqualTo("True");
    }

    @Test
    void twoFleetsThatDisagreeApplyNeitherValueUntilOneChanges() {
        // both fleets select the device at the same moment: it joins them by one label
        create(fleet("north-a", "dispute", Map.of(CHANNEL, "1", "Device.WiFi.Radio.2.Channel", "44")));
        create(fleet("north-b", "dispute", Map.of(CHANNEL, "11")));
        DeviceId id = DeviceId.cwmp("00D09E", "IGD", "3101");
        label("00d09e-igd-3101", "dispute", "north");

        CpeDevice conflicted = fixture.awaitDevice("00d09e-igd-3101",
                d -> hasCondition(d, "ConfigApplied", "False", "FleetConflict")
                        && "44".equals(value(id, "Device.WiFi.Radio.2.Channel")));
        assertThat(condition(conflicted, "ConfigApplied").getMessage())
                .contains("CpeFleets north-a and north-b set different values for " + CHANNEL);
        assertThat(conflicted.getStatus().getConfig().getConflicts())
                .containsExactly(new ParameterConflict(CHANNEL, List.of("north-a", "north-b")));
        // the disputed path keeps the device's own value; the undisputed one was applied
        assertThat(value(id, CHANNEL)).isEqualTo("6");
        assertThat(fixture.awaitEvent("00d09e-igd-3101", "FleetConflict").getMessage()).contains("north-a and north-b");
        CpeFleet fleetA = awaitFleet("north-a", f -> Integer.valueOf(1).equals(f.getStatus().getConflicts()));
        assertThat(fleetCondition(fleetA, "ConfigApplied").getReason()).isEqualTo("FleetConflict");
        assertThat(fleetCondition(fleetA, "Degraded").getStatus()).isEqualTo("True");
        assertThat(fixture.awaitEvent("north-a", "FleetConflict").getType()).isEqualTo("Warning");

        fixture.client.resources(CpeFleet.class).inNamespace(NS).withName("north-b")
                .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(
                        Map.of("spec", Map.of("parameters", Map.of(CHANNEL, "1")))));
        CpeDevice resolved = fixture.awaitDevice("00d09e-igd-3101", d -> d.getStatus().getConfig() != null
                && d.getStatus().getConfig().getConflicts() == null
                && hasCondition(d, "ConfigApplied", "True", "Applied"));
        assertThat(value(id, CHANNEL)).isEqualTo("1");
        assertThat(resolved.getStatus().getConfig().getSources()).extracting(ConfigSource::getSource)
                .contains("CpeFleet/north-a", "CpeFleet/north-b");
        awaitFleet("north-a", f -> Integer.valueOf(0).equals(f.getStatus().getConflicts())
                && fleetCondition(f, "Degraded").getStatus().equals("False"));
    }

    @Test
    void aRelabelledDeviceLeavesItsFleetPromptly() {
        CpeFleet created = fleet("west-wifi", "region", Map.of("Device.WiFi.SSID.2.SSID", "west-5g"));
        created.getSpec().getSelector().setMatchLabels(Map.of("region", "west"));
        create(created);
        awaitFleet("west-wifi", f -> Integer.valueOf(2).equals(f.getStatus().getDevices()));
        fixture.awaitDevice("00d09e-igd-3202", d -> sources(d).contains("CpeFleet/west-wifi"));

        label("00d09e-igd-3202", "region", "south");

        CpeFleet fleet = awaitFleet("west-wifi", f -> Integer.valueOf(1).equals(f.getStatus().getDevices()));
        assertThat(fleet.getStatus().getDevices()).isEqualTo(1);
        CpeDevice left = fixture.awaitDevice("00d09e-igd-3202", d -> sources(d).isEmpty());
        assertThat(left.getStatus().getConfig()).as("no desired parameter is left").isNull();
    }

    private static String value(DeviceId id, String path) {
        return fixture.gateway.twins().get(id, path).map(p -> p.value()).orElse(null);
    }

    private static List<String> sources(CpeDevice device) {
        if (device.getStatus().getConfig() == null || device.getStatus().getConfig().getSources() == null) {
            return List.of();
        }
        return device.getStatus().getConfig().getSources().stream().map(ConfigSource::getSource).toList();
    }

    private static CpeFleet fleet(String name, String selectedLabel, Map<String, String> parameters) {
        CpeFleet fleet = new CpeFleet();
        fleet.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        CpeFleetSpec spec = new CpeFleetSpec();
        spec.setSelector(new LabelSelectorBuilder().addToMatchLabels(selectedLabel, "north").build());
        spec.setParameters(new LinkedHashMap<>(parameters));
        fleet.setSpec(spec);
        return fleet;
    }

    private static void create(CpeFleet fleet) {
        fixture.client.resource(fleet).create();
    }

    private static void label(String device, String key, String value) {
        mergePatch(device, Map.of("metadata", Map.of("labels", Map.of(key, value))));
    }

    /** A JSON merge patch: no read-modify-write race with the operator's status writes. */
    private static void mergePatch(String device, Map<String, Object> patch) {
        fixture.client.resources(CpeDevice.class).inNamespace(NS).withName(device)
                .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch));
    }

    static io.fabric8.kubernetes.api.model.Condition fleetCondition(CpeFleet fleet, String type) {
        return Conditions.find(fleet.getStatus().getConditions(), type).orElseThrow();
    }

    private static CpeFleet awaitFleet(String name, java.util.function.Predicate<CpeFleet> condition) {
        return Await.until(() -> fixture.client.resources(CpeFleet.class).inNamespace(NS).withName(name).get(),
                f -> f != null && f.getStatus() != null && condition.test(f));
    }
}

package io.cpeoperator.operator.fleet;

import io.cpeoperator.api.v1alpha1.ConfigSource;
import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeDeviceSpec;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.CpeFleetSpec;
import io.cpeoperator.api.v1alpha1.ParameterConflict;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterResolverTest {

    private static final String SSID = "Device.WiFi.SSID.1.SSID";
    private static final String CHANNEL = "Device.WiFi.Radio.1.Channel";
    private static final String INTERVAL = "Device.ManagementServer.PeriodicInformInterval";

    @Test
    void theDevicesOwnValueWinsAndFleetValuesFillTheRest() {
        CpeDevice device = device(Map.of(SSID, "mine"));
        DesiredParameters wanted = ParameterResolver.resolve(device,
                List.of(fleet("wifi", Map.of(SSID, "fleet", CHANNEL, "6"))));

        assertThat(wanted.values()).containsOnly(Map.entry(SSID, "mine"), Map.entry(CHANNEL, "6"));
        assertThat(wanted.overridden()).containsExactly(SSID);
        assertThat(wanted.conflicts()).isEmpty();
        assertThat(wanted.sources()).extracting(ConfigSource::getSource, ConfigSource::getPaths)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("spec.parameters", List.of(SSID)),
                        org.assertj.core.groups.Tuple.tuple("CpeFleet/wifi", List.of(CHANNEL)));
    }

    @Test
    void fleetsThatDisagreeOnAPathApplyNeitherValueButTheirOtherPaths() {
        DesiredParameters wanted = ParameterResolver.resolve(device(Map.of()), List.of(
                fleet("a", Map.of(SSID, "one", INTERVAL, "300")),
                fleet("b", Map.of(SSID, "two", CHANNEL, "11"))));

        assertThat(wanted.values()).containsOnly(Map.entry(INTERVAL, "300"), Map.entry(CHANNEL, "11"));
        assertThat(wanted.conflicts()).containsExactly(new ParameterConflict(SSID, List.of("a", "b")));
        assertThat(FleetConflicts.describe(wanted.conflicts()))
                .startsWith("CpeFleets a and b set different values for " + SSID + ".");
    }

    @Test
    void fleetsThatAgreeShareThePathAndTheDevicesOwnValueSettlesADispute() {
        DesiredParameters agreeing = ParameterResolver.resolve(device(Map.of()), List.of(
                fleet("a", Map.of(SSID, "same")), fleet("b", Map.of(SSID, "same"))));
        assertThat(agreeing.conflicts()).isEmpty();
        assertThat(agreeing.sources()).extracting(ConfigSource::getSource).containsExactly("CpeFleet/a", "CpeFleet/b");

        DesiredParameters settled = ParameterResolver.resolve(device(Map.of(SSID, "mine")), List.of(
                fleet("a", Map.of(SSID, "one")), fleet("b", Map.of(SSID, "two"))));
        assertThat(settled.conflicts()).isEmpty();
        assertThat(settled.values()).containsOnly(Map.entry(SSID, "mine"));
    }

    @Test
    void theRevisionMovesWithAnyValueAndNotWithOrder() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put(SSID, "x");
        ab.put(CHANNEL, "1");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put(CHANNEL, "1");
        ba.put(SSID, "x");
        assertThat(ParameterResolver.revision(ab)).isEqualTo(ParameterResolver.revision(ba));
        assertThat(ParameterResolver.revision(ab)).isNotEqualTo(ParameterResolver.revision(Map.of(SSID, "x", CHANNEL, "2")));
    }

    static CpeDevice device(Map<String, String> parameters) {
        CpeDevice device = new CpeDevice();
        device.setMetadata(new ObjectMetaBuilder().withName("d").withNamespace("ns").build());
        CpeDeviceSpec spec = new CpeDeviceSpec();
        spec.setParameters(new LinkedHashMap<>(parameters));
        device.setSpec(spec);
        return device;
    }

    static CpeFleet fleet(String name, Map<String, String> parameters) {
        CpeFleet fleet = new CpeFleet();
        fleet.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns").build());
        CpeFleetSpec spec = new CpeFleetSpec();
        spec.setParameters(new LinkedHashMap<>(parameters));
        fleet.setSpec(spec);
        return fleet;
    }
}

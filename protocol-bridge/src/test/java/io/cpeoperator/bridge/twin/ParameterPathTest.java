package io.cpeoperator.bridge.twin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.cpeoperator.bridge.twin.ParameterPath.Usage.INSTANCE;
import static io.cpeoperator.bridge.twin.ParameterPath.Usage.PARAMETER;
import static io.cpeoperator.bridge.twin.ParameterPath.Usage.PATTERN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"Device.DeviceInfo.UpTime", "InternetGatewayDevice.LANDevice.1.Hosts.HostNumberOfEntries",
            "Device.WiFi.Radio.1.X_ACME-COM_Boost", "Device.Hosts.Host.4294967295.PhysAddress"})
    void acceptsParameterPaths(String path) {
        assertThat(ParameterPath.problem(path, PARAMETER)).isEmpty();
        assertThat(ParameterPath.isValid(path, PATTERN)).isTrue();
    }

    @Test
    void partialPathsAreObjectsNotParameters() {
        assertThat(ParameterPath.isValid("Device.WiFi.", PATTERN)).isTrue();
        assertThat(ParameterPath.problem("Device.WiFi.", PARAMETER)).get().asString()
                .contains("object path").contains("Device.WiFi.Enable");
    }

    @Test
    void wildcardsOnlyInPatterns() {
        String pattern = "Device.WiFi.AccessPoint.*.AssociatedDevice.*.SignalStrength";
        assertThat(ParameterPath.isValid(pattern, PATTERN)).isTrue();
        assertThat(ParameterPath.problem(pattern, PARAMETER)).get().asString().contains("only allowed in read patterns");
        assertThat(ParameterPath.isValid("*.WiFi.", PATTERN)).isFalse();
    }

    @Test
    void instancePathsEndWithANumber() {
        assertThat(ParameterPath.isValid("Device.Hosts.Host.7.", INSTANCE)).isTrue();
        assertThat(ParameterPath.problem("Device.Hosts.Host.", INSTANCE)).get().asString()
                .contains("not an object instance path");
        assertThat(ParameterPath.isValid("Device.Hosts.Host.7", INSTANCE)).isFalse();
    }

    @Test
    void explainsWhatIsWrong() {
        assertThat(ParameterPath.problem("", PATTERN)).get().asString().contains("empty");
        assertThat(ParameterPath.problem("Foo.Bar", PATTERN)).get().asString()
                .contains("must start with 'Device.'");
        assertThat(ParameterPath.problem("Device..WiFi", PATTERN)).get().asString().contains("two dots");
        assertThat(ParameterPath.problem("Device.Wi Fi.", PATTERN)).get().asString()
                .contains("' ' at character 10");
        assertThat(ParameterPath.problem("Device.Hosts.Host.[PhysAddress==x].", PATTERN)).get().asString()
                .contains("search expressions");
        assertThat(ParameterPath.problem("Device.Hosts.Host.{i}.", PATTERN)).get().asString()
                .contains("placeholders");
        assertThat(ParameterPath.problem("Device.Hosts.Host.07.", PATTERN)).get().asString().contains("leading zero");
        assertThat(ParameterPath.problem("Device.Hosts.Host.4294967296.", PATTERN)).get().asString()
                .contains("too large");
        assertThat(ParameterPath.problem("Device.X\u0000Y", PATTERN)).get().asString().contains("\\u0000");
    }

    @Test
    void boundsLengthAndDepth() {
        assertThat(ParameterPath.problem("Device." + "A".repeat(300), PATTERN)).get().asString()
                .contains("at most 256");
        assertThat(ParameterPath.problem("Device." + "A.".repeat(40), PATTERN)).get().asString()
                .contains("more than 32 segments");
    }

    @Test
    void requireValidThrowsWithTheProblem() {
        assertThatThrownBy(() -> ParameterPath.requireValid("Devices.X", PATTERN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with");
    }

    @Test
    void patternsMatchSubtreesExactPathsAndWildcards() {
        PathPattern subtree = PathPattern.compile("Device.WiFi.");
        assertThat(subtree.matches("Device.WiFi.Radio.1.Channel")).isTrue();
        assertThat(subtree.matches("Device.WiFiX.Radio")).isFalse();
        assertThat(subtree.isExact()).isFalse();

        PathPattern exact = PathPattern.compile("Device.WiFi.Radio.1.Channel");
        assertThat(exact.isExact()).isTrue();
        assertThat(exact.matches("Device.WiFi.Radio.1.Channel")).isTrue();
        assertThat(exact.matches("Device.WiFi.Radio.1.ChannelWidth")).isFalse();

        PathPattern wildcard = PathPattern.compile("Device.WiFi.AccessPoint.*.AssociatedDevice.*.SignalStrength");
        assertThat(wildcard.matches("Device.WiFi.AccessPoint.1.AssociatedDevice.12.SignalStrength")).isTrue();
        assertThat(wildcard.matches("Device.WiFi.AccessPoint.1.AssociatedDevice.12.SignalStrengthX")).isFalse();
        assertThat(wildcard.matches("Device.WiFi.AccessPoint.X.AssociatedDevice.1.SignalStrength")).isFalse();
        assertThat(wildcard.matches("Device.WiFi.AccessPoint..AssociatedDevice.1.SignalStrength")).isFalse();

        PathPattern wildcardSubtree = PathPattern.compile("Device.Hosts.Host.*.");
        assertThat(wildcardSubtree.matches("Device.Hosts.Host.3.IPAddress")).isTrue();
        assertThat(wildcardSubtree.matches("Device.Hosts.HostNumberOfEntries")).isFalse();
    }

    @Test
    void pathOrderSortsInstanceNumbersNumerically() {
        var paths = new java.util.ArrayList<>(java.util.List.of("Device.Hosts.Host.10.IPAddress",
                "Device.Hosts.Host.2.IPAddress", "Device.Hosts.HostNumberOfEntries", "Device.Hosts.Host.2.Active",
                "Device.DeviceInfo.UpTime"));
        paths.sort(PathOrder.INSTANCE);
        assertThat(paths).containsExactly("Device.DeviceInfo.UpTime", "Device.Hosts.Host.2.Active",
                "Device.Hosts.Host.2.IPAddress", "Device.Hosts.Host.10.IPAddress", "Device.Hosts.HostNumberOfEntries");
    }
}

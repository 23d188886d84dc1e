package io.cpeoperator.bridge.twin;

import io.cpeoperator.bridge.device.DeviceId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.cpeoperator.bridge.twin.TwinFixtures.DEVICE;
import static io.cpeoperator.bridge.twin.TwinFixtures.SCHEMA;
import static io.cpeoperator.bridge.twin.TwinFixtures.T0;
import static io.cpeoperator.bridge.twin.TwinFixtures.rw;
import static org.assertj.core.api.Assertions.assertThat;

class ConfigDiffTest {

    private final ShardedTwinStore store = TwinFixtures.store(new SimpleMeterRegistry());

    ConfigDiffTest() {
        store.applySnapshot(DEVICE, SCHEMA, TwinFixtures.smallDevice(), T0);
        store.applyUpdates(DEVICE, List.of(
                rw("Device.X_ACME-COM.Offset", "-5", ParameterType.INT),
                rw("Device.X_ACME-COM.Big", "5", ParameterType.LONG),
                rw("Device.X_ACME-COM.Counter", "5", ParameterType.UNSIGNED_LONG),
                rw("Device.X_ACME-COM.Since", "2026-01-01T00:00:00Z", ParameterType.DATE_TIME),
                rw("Device.X_ACME-COM.Blob", "AAEC", ParameterType.BASE64),
                rw("Device.X_ACME-COM.Hex", "00ff", ParameterType.HEX_BINARY),
                rw("Device.X_ACME-COM.Ratio", "0.5", ParameterType.DECIMAL)), T0);
    }

    private ConfigDiff.Rejected rejection(ConfigDiff diff, String path) {
        return diff.rejected().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void splitsDesiredValuesIntoChangesMatchesAndRejections() {
        Map<String, String> desired = new LinkedHashMap<>();
        desired.put("Device.WiFi.Radio.1.Channel", "11");
        desired.put("Device.WiFi.SSID.1.SSID", "HomeNet");
        desired.put("Device.WiFi.Radio.1.Enable", "true");
        desired.put("Device.DeviceInfo.UpTime", "1");
        desired.put("Device.WiFi.Radio.9.Channel", "1");
        desired.put("Device.WiFi.Radio.*.Channel", "1");
        desired.put("Device.WiFi.", "1");
        desired.put("Device.WiFi.Radio.2.Channel", "-1");
        ConfigDiff diff = store.diff(DEVICE, desired);

        assertThat(diff.changes()).containsExactly(new ConfigDiff.Change("Device.WiFi.Radio.1.Channel", "6", "11",
                ParameterType.UNSIGNED_INT));
        assertThat(diff.matching()).as("'1' and 'true' are the same boolean")
                .containsExactly("Device.WiFi.Radio.1.Enable", "Device.WiFi.SSID.1.SSID");
        assertThat(rejection(diff, "Device.DeviceInfo.UpTime").reason()).isEqualTo(ConfigDiff.Reason.NOT_WRITABLE);
        assertThat(rejection(diff, "Device.WiFi.Radio.9.Channel").reason()).isEqualTo(ConfigDiff.Reason.UNKNOWN_PATH);
        assertThat(rejection(diff, "Device.WiFi.Radio.*.Channel").reason()).isEqualTo(ConfigDiff.Reason.INVALID_PATH);
        assertThat(rejection(diff, "Device.WiFi.").reason()).isEqualTo(ConfigDiff.Reason.INVALID_PATH);
        assertThat(rejection(diff, "Device.WiFi.").message()).contains("object path");
        ConfigDiff.Rejected negative = rejection(diff, "Device.WiFi.Radio.2.Channel");
        assertThat(negative.reason()).isEqualTo(ConfigDiff.Reason.INVALID_VALUE);
        assertThat(negative.message()).contains("unsignedInt");
        assertThat(diff.inSync()).isFalse();
    }

    @Test
    void checksValuesByType() {
        Map<String, String> bad = Map.of(
                "Device.X_ACME-COM.Offset", "2147483648",
                "Device.WiFi.Radio.1.Channel", "4294967296",
                "Device.WiFi.Radio.1.Enable", "TRUE",
                "Device.X_ACME-COM.Since", "yesterday",
                "Device.X_ACME-COM.Big", "1.5",
                "Device.X_ACME-COM.Counter", "-1",
                "Device.X_ACME-COM.Blob", "not base64!",
                "Device.X_ACME-COM.Hex", "abc",
                "Device.X_ACME-COM.Ratio", "half");
        ConfigDiff diff = store.diff(DEVICE, bad);
        assertThat(diff.rejected()).hasSize(bad.size())
                .allSatisfy(r -> assertThat(r.reason()).isEqualTo(ConfigDiff.Reason.INVALID_VALUE));
        assertThat(rejection(diff, "Device.WiFi.Radio.1.Enable").message()).contains("true, false, 1 or 0");

        Map<String, String> good = Map.of(
                "Device.X_ACME-COM.Offset", "-2147483648",
                "Device.WiFi.Radio.1.Channel", "4294967295",
                "Device.WiFi.Radio.1.Enable", "0",
                "Device.X_ACME-COM.Since", "2026-06-01T12:00:00+02:00",
                "Device.X_ACME-COM.Big", "-9223372036854775808",
                "Device.X_ACME-COM.Counter", "18446744073709551615",
                "Device.X_ACME-COM.Blob", "AAECAw==",
                "Device.X_ACME-COM.Hex", "DEADbeef",
                "Device.X_ACME-COM.Ratio", "-12.75");
        ConfigDiff accepted = store.diff(DEVICE, good);
        assertThat(accepted.rejected()).isEmpty();
        assertThat(accepted.changes()).hasSize(good.size());
    }

    @Test
    void localDateTimesAndEquivalentNumbersAreUnderstood() {
        ConfigDiff diff = store.diff(DEVICE, Map.of("Device.X_ACME-COM.Since", "2026-06-01T12:00:00",
                "Device.X_ACME-COM.Offset", "-05"));
        assertThat(diff.rejected()).isEmpty();
        assertThat(diff.matching()).containsExactly("Device.X_ACME-COM.Offset");
    }

    @Test
    void aDeviceWithoutATwinHasNoKnownPaths() {
        ConfigDiff diff = store.diff(DeviceId.usp("os::nobody"), Map.of("Device.WiFi.Radio.1.Channel", "1"));
        assertThat(diff.rejected()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(ConfigDiff.Reason.UNKNOWN_PATH);
            assertThat(r.message()).contains("no twin");
        });
    }

    @Test
    void anEmptyDesiredMapIsInSync() {
        assertThat(store.diff(DEVICE, Map.of()).inSync()).isTrue();
        assertThat(store.diff(DEVICE, Map.of("Device.WiFi.SSID.1.SSID", "HomeNet")).inSync()).isTrue();
    }
}

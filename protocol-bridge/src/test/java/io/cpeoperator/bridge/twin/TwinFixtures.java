package io.cpeoperator.bridge.twin;

import io.cpeoperator.bridge.device.DeviceId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** A small TR-181 device and a store to put it in, shared by the twin tests. */
final class TwinFixtures {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final DeviceId DEVICE = DeviceId.cwmp("00D09E", "BM632w", "SN0001");
    static final TwinSchemaKey SCHEMA = new TwinSchemaKey("00D09E", "BM632w", "1.2.3");

    private TwinFixtures() {
    }

    static ShardedTwinStore store(SimpleMeterRegistry registry) {
        return new ShardedTwinStore(TwinStoreConfig.defaults().withShards(4), registry,
                Clock.fixed(T0, ZoneOffset.UTC));
    }

    static ParameterValue rw(String path, String value, ParameterType type) {
        return new ParameterValue(path, value, type, true);
    }

    static ParameterValue ro(String path, String value, ParameterType type) {
        return new ParameterValue(path, value, type, false);
    }

    static List<ParameterValue> smallDevice() {
        return List.of(
                ro("Device.DeviceInfo.Manufacturer", "ACME Networks", ParameterType.STRING),
                ro("Device.DeviceInfo.SoftwareVersion", "1.2.3", ParameterType.STRING),
                ro("Device.DeviceInfo.UpTime", "3600", ParameterType.UNSIGNED_INT),
                rw("Device.ManagementServer.PeriodicInformInterval", "300", ParameterType.UNSIGNED_INT),
                rw("Device.Time.Enable", "true", ParameterType.BOOLEAN),
                rw("Device.Time.LocalTimeZone", "CET-1CEST,M3.5.0,M10.5.0/3", ParameterType.STRING),
                ro("Device.Time.CurrentLocalTime", "2026-11-25T10:00:00Z", ParameterType.DATE_TIME),
                rw("Device.WiFi.Radio.1.Channel", "6", ParameterType.UNSIGNED_INT),
                rw("Device.WiFi.Radio.1.Enable", "1", ParameterType.BOOLEAN),
                rw("Device.WiFi.Radio.2.Channel", "36", ParameterType.UNSIGNED_INT),
                rw("Device.WiFi.SSID.1.SSID", "HomeNet", ParameterType.STRING),
                ro("Device.WiFi.SSID.1.MACAddress", "AA:BB:CC:00:11:22", ParameterType.STRING),
                new ParameterValue("Device.WiFi.AccessPoint.1.", "", ParameterType.UNKNOWN, null),
                ro("Device.WiFi.AccessPoint.1.AssociatedDevice.1.MACAddress", "de:ad:be:ef:00:01",
                        ParameterType.STRING),
                ro("Device.WiFi.AccessPoint.1.AssociatedDevice.1.SignalStrength", "-61", ParameterType.INT),
                ro("Device.WiFi.AccessPoint.1.AssociatedDevice.2.MACAddress", "de:ad:be:ef:00:02",
                        ParameterType.STRING),
                ro("Device.WiFi.AccessPoint.1.AssociatedDevice.2.SignalStrength", "-75", ParameterType.INT),
                ro("Device.WiFi.AccessPoint.2.AssociatedDevice.1.SignalStrength", "-48", ParameterType.INT),
                ro("Device.Hosts.Host.1.IPAddress", "192.168.1.10", ParameterType.STRING),
                ro("Device.Hosts.Host.3.IPAddress", "192.168.1.13", ParameterType.STRING),
                ro("Device.Hosts.Host.10.IPAddress", "192.168.1.20", ParameterType.STRING),
                rw("Device.Ethernet.Interface.1.MaxBitRate", "-1", ParameterType.INT),
                rw("Device.X_ACME-COM_Debug.Level", "", ParameterType.STRING),
                ro("Device.Ethernet.Interface.1.Stats.BytesSent", "18446744073709551615",
                        ParameterType.UNSIGNED_LONG));
    }
}

package io.cpeoperator.operator.device.summary;

import io.cpeoperator.api.v1alpha1.DeviceSummary;
import io.cpeoperator.api.v1alpha1.WifiRadioSummary;
import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.operator.testing.FakeDeviceGateway;
import io.cpeoperator.operator.testing.Tr181Trees;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceSummaryMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final FakeDeviceGateway gateway = new FakeDeviceGateway(Clock.fixed(NOW, ZoneOffset.UTC));
    private final DeviceSummaryMapper mapper = new DeviceSummaryMapper();

    @Test
    void tr181Summary() {
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("0001");
        gateway.connect(identity, Tr181Trees.tr181(identity));

        DeviceSummary summary = mapper.map(gateway.twins(), identity.id(), null, NOW);

        assertThat(summary.getDataModel()).isEqualTo("TR-181");
        assertThat(summary.getManufacturer()).isEqualTo("Acme Networks");
        assertThat(summary.getModelName()).isEqualTo("Acme X1");
        assertThat(summary.getSoftwareVersion()).isEqualTo("1.0.0");
        assertThat(summary.getHardwareVersion()).isEqualTo("rev-A");
        assertThat(summary.getBootTime()).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(summary.getLastContact()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(summary.getCpuPercent()).isEqualTo(12);
        assertThat(summary.getMemoryPercent()).isEqualTo(50);
        assertThat(summary.getTemperatureCelsius()).isEqualTo(48);
        assertThat(summary.getWanAddress()).isEqualTo("203.0.113.7");
        assertThat(summary.getWanAccessType()).isEqualTo("Ethernet");
        assertThat(summary.getHostCount()).isEqualTo(7);
        assertThat(summary.getRadios()).extracting(WifiRadioSummary::getBand, WifiRadioSummary::getChannel,
                        WifiRadioSummary::getBandwidth, WifiRadioSummary::getClients)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2.4GHz", 6, "20MHz", 3),
                        org.assertj.core.groups.Tuple.tuple("5GHz", 36, "80MHz", 2));
        assertThat(summary.getRadios().get(0).getNoiseDbm()).isEqualTo(-92);
    }

    @Test
    void tr098Summary() {
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("0002");
        gateway.connect(identity, Tr181Trees.tr098(identity));

        DeviceSummary summary = mapper.map(gateway.twins(), identity.id(), null, NOW);

        assertThat(summary.getDataModel()).isEqualTo("TR-098");
        assertThat(summary.getSoftwareVersion()).isEqualTo("1.0.0");
        assertThat(summary.getWanAddress()).isEqualTo("198.51.100.20");
        assertThat(summary.getWanAccessType()).isEqualTo("DSL");
        assertThat(summary.getHostCount()).isEqualTo(5);
        assertThat(summary.getRadios()).singleElement().satisfies(radio -> {
            assertThat(radio.getChannel()).isEqualTo(11);
            assertThat(radio.getBand()).isEqualTo("2.4GHz");
            assertThat(radio.getClients()).isEqualTo(4);
        });
        assertThat(summary.getBootTime()).isEqualTo("2026-11-25T09:58:00Z");
    }

    @Test
    void bootTimeDoesNotJitterButMovesOnAReboot() {
        assertThat(BootTimes.bootTime(3601, NOW, "2026-11-25T09:00:00Z")).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(BootTimes.bootTime(3598, NOW, "2026-11-25T09:00:00Z")).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(BootTimes.bootTime(30, NOW, "2026-11-25T09:00:00Z")).isEqualTo("2026-11-25T09:59:30Z");
        assertThat(BootTimes.bootTime(-5, NOW, "2026-11-25T09:00:00Z")).isEqualTo("2026-11-25T09:00:00Z");
    }

    @Test
    void hostileValuesAreIgnoredNotThrown() {
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("0003");
        gateway.connect(identity, Map.of(
                "Device.DeviceInfo.SoftwareVersion", "x".repeat(1000),
                "Device.DeviceInfo.UpTime", "soon",
                "Device.DeviceInfo.ProcessStatus.CPUUsage", "250",
                "Device.DeviceInfo.MemoryStatus.Total", "0",
                "Device.DeviceInfo.MemoryStatus.Free", "10",
                "Device.DeviceInfo.TemperatureStatus.TemperatureSensor.1.Value", "-274",
                "Device.WiFi.Radio.1.Channel", "NaN",
                "Device.Hosts.HostNumberOfEntries", "-3"));

        DeviceSummary summary = mapper.map(gateway.twins(), identity.id(), null, null);

        assertThat(summary.getSoftwareVersion()).hasSize(256);
        assertThat(summary.getBootTime()).isNull();
        assertThat(summary.getCpuPercent()).isNull();
        assertThat(summary.getMemoryPercent()).isNull();
        assertThat(summary.getTemperatureCelsius()).isNull();
        assertThat(summary.getRadios()).singleElement().satisfies(r -> assertThat(r.getChannel()).isNull());
    }
}

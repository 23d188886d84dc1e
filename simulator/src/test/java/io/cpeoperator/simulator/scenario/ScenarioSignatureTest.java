package io.cpeoperator.simulator.scenario;

import io.cpeoperator.simulator.clock.ManualClock;
import io.cpeoperator.simulator.device.DataModelReader;
import io.cpeoperator.simulator.device.Param;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.model.ModelCatalog;
import io.cpeoperator.simulator.model.VendorModel;
import io.cpeoperator.simulator.support.TestDevices;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each scenario leaves its documented signature in the data, and the healthy control does not. */
class ScenarioSignatureTest {

    private static final long SEED = 12345;
    private final ManualClock clock = new ManualClock(TestDevices.START);

    private VirtualDevice with(Scenario scenario) {
        return with(ModelCatalog.NORDLINK_AX3000, scenario);
    }

    private VirtualDevice with(VendorModel model, Scenario scenario) {
        return TestDevices.cwmp(model, clock, scenario == null ? Set.of() : Set.of(scenario), SEED);
    }

    private VirtualDevice healthy() {
        return with((Scenario) null);
    }

    private static long num(VirtualDevice d, String path) {
        return Long.parseLong(d.valueOf(path));
    }

    /** Values of every present parameter matching "prefix*suffix". */
    private static List<Long> all(VirtualDevice d, String prefix, String suffix) throws Exception {
        List<Long> values = new ArrayList<>();
        for (Param p : DataModelReader.read(d, prefix)) {
            if (p.path().endsWith(suffix)) {
                values.add(Long.parseLong(p.value()));
            }
        }
        return values;
    }

    @Test
    void weakSignalShowsInAssociatedDeviceSignalStrength() throws Exception {
        assertThat(all(with(Scenario.WEAK_SIGNAL), "Device.WiFi.AccessPoint.1.AssociatedDevice.", ".SignalStrength"))
                .anyMatch(s -> s <= -78);
        assertThat(all(healthy(), "Device.WiFi.AccessPoint.", ".SignalStrength")).allMatch(s -> s > -75);
    }

    @Test
    void interferenceCrowdsTheOwnChannelWithStrongNeighbours() throws Exception {
        VirtualDevice d = with(Scenario.INTERFERENCE);
        long own = num(d, "Device.WiFi.Radio.1.Channel");
        long strongCoChannel = DataModelReader.read(d, "Device.WiFi.NeighboringWiFiDiagnostic.").stream()
                .filter(p -> p.path().endsWith(".Channel") && Long.parseLong(p.value()) == own)
                .map(p -> d.valueOf(p.objectPath() + "SignalStrength"))
                .filter(s -> Long.parseLong(s) > -65).count();
        assertThat(strongCoChannel).isGreaterThanOrEqualTo(8);
        assertThat(num(d, "Device.WiFi.Radio.1.Stats.ErrorsSent")).isGreaterThan(10 * num(healthy(), "Device.WiFi.Radio.1.Stats.ErrorsSent"));
    }

    @Test
    void highNoiseRaisesTheFiveGigahertzNoiseFloor() {
        assertThat(num(with(Scenario.HIGH_NOISE), "Device.WiFi.Radio.2.Stats.Noise")).isBetween(-72L, -65L);
        assertThat(num(healthy(), "Device.WiFi.Radio.2.Stats.Noise")).isBetween(-97L, -92L);
    }

    @Test
    void stickyClientsAreDualBandCapableOnTwoPointFour() throws Exception {
        VirtualDevice d = with(Scenario.STICKY_2G);
        long stuck = DataModelReader.read(d, "Device.WiFi.AccessPoint.1.AssociatedDevice.").stream()
                .filter(p -> p.path().endsWith("X_CPEOP_SupportedFrequencyBands") && p.value().contains("5GHz"))
                .filter(p -> Long.parseLong(d.valueOf(p.objectPath() + "SignalStrength")) > -50)
                .count();
        assertThat(stuck).isGreaterThanOrEqualTo(2);
    }

    @Test
    void cpuOverloadPinsTheCpu() {
        assertThat(num(with(Scenario.CPU_OVERLOAD), "Device.DeviceInfo.ProcessStatus.CPUUsage")).isGreaterThanOrEqualTo(90);
        assertThat(num(healthy(), "Device.DeviceInfo.ProcessStatus.CPUUsage")).isLessThan(90);
    }

    @Test
    void memoryLeakEatsFreeMemoryWithUptime() {
        VirtualDevice d = with(Scenario.MEMORY_LEAK);
        long before = num(d, "Device.DeviceInfo.MemoryStatus.Free");
        clock.advance(Duration.ofDays(3));
        long after = num(d, "Device.DeviceInfo.MemoryStatus.Free");
        assertThat(after).isLessThan(before / 2).isLessThan(num(d, "Device.DeviceInfo.MemoryStatus.Total") / 10);
        assertThat(num(healthy(), "Device.DeviceInfo.MemoryStatus.Free")).isGreaterThan(num(healthy(), "Device.DeviceInfo.MemoryStatus.Total") / 3);
    }

    @Test
    void overheatingPassesTheHighAlarm() {
        VirtualDevice d = with(Scenario.OVERHEATING);
        assertThat(num(d, "Device.DeviceInfo.TemperatureStatus.TemperatureSensor.1.Value"))
                .isGreaterThan(num(d, "Device.DeviceInfo.TemperatureStatus.TemperatureSensor.1.HighAlarmValue"));
        assertThat(d.valueOf("Device.DeviceInfo.TemperatureStatus.TemperatureSensor.1.HighAlarmTime")).doesNotStartWith("0001");
        assertThat(num(healthy(), "Device.DeviceInfo.TemperatureStatus.TemperatureSensor.1.Value")).isLessThan(85);
    }

    @Test
    void wanLossShowsInPingResults() {
        VirtualDevice d = with(Scenario.WAN_LOSS);
        assertThat(num(d, "Device.IP.Diagnostics.IPPing.FailureCount")).isBetween(2L, 4L);
        assertThat(num(d, "Device.IP.Diagnostics.IPPing.AverageResponseTime")).isGreaterThanOrEqualTo(180);
        assertThat(num(healthy(), "Device.IP.Diagnostics.IPPing.AverageResponseTime")).isLessThan(60);
    }

    @Test
    void pppoeFlapsKeepResettingTheSession() {
        VirtualDevice d = with(Scenario.PPPOE_FLAPS);
        assertThat(d.valueOf("Device.PPP.Interface.1.LastConnectionError")).isEqualTo("ERROR_ISP_TIME_OUT");
        long max = 0;
        for (int i = 0; i < 20; i++) {
            max = Math.max(max, num(d, "Device.PPP.Interface.1.LastChange"));
            clock.advance(Duration.ofSeconds(37));
        }
        assertThat(max).isLessThan(240);
        assertThat(num(healthy(), "Device.PPP.Interface.1.LastChange")).isGreaterThan(3000);
    }

    @Test
    void dhcpChurnShortensLeasesAndChangesClients() {
        VirtualDevice d = with(Scenario.DHCP_CHURN);
        assertThat(d.valueOf("Device.DHCPv4.Server.Pool.1.LeaseTime")).isEqualTo("120");
        assertThat(num(d, "Device.Hosts.Host.1.LeaseTimeRemaining")).isLessThanOrEqualTo(120);
        String mac = d.valueOf("Device.Hosts.Host.1.PhysAddress");
        clock.advance(Duration.ofMinutes(7));
        assertThat(d.valueOf("Device.Hosts.Host.1.PhysAddress")).isNotEqualTo(mac);
        assertThat(healthy().valueOf("Device.DHCPv4.Server.Pool.1.LeaseTime")).isEqualTo("86400");
    }

    @Test
    void rebootLoopRunsTheBuggyFirmwareAndCountsWatchdogBoots() {
        VirtualDevice d = with(Scenario.REBOOT_LOOP);
        assertThat(d.softwareVersion()).isEqualTo(ModelCatalog.NORDLINK_AX3000.buggyFirmware());
        long crashedBefore = num(d, "Device.DeviceInfo.Reboots.WatchdogBootCount");
        assertThat(crashedBefore).as("crashes before the simulation started").isBetween(3L, 14L);
        d.boot(io.cpeoperator.simulator.device.BootCause.LOCAL_REBOOT, "");
        d.boot(io.cpeoperator.simulator.device.BootCause.LOCAL_REBOOT, "");
        assertThat(num(d, "Device.DeviceInfo.Reboots.WatchdogBootCount")).isEqualTo(crashedBefore + 2);
        assertThat(num(d, "Device.DeviceInfo.UpTime")).isZero();
        assertThat(healthy().valueOf("Device.DeviceInfo.Reboots.WatchdogBootCount")).isEqualTo("0");
    }

    @Test
    void meshBackhaulIsWeakOnlyOnTheAffectedNode() {
        VirtualDevice d = with(ModelCatalog.AURORA_MESH, Scenario.MESH_BACKHAUL);
        String stats = "Device.WiFi.DataElements.Network.Device.1.MultiAPDevice.Backhaul.Stats.";
        assertThat(num(d, stats + "SignalStrength")).isBetween(40L, 70L);
        assertThat(num(d, stats + "LastDataDownlinkRate")).isLessThan(60_000);
        assertThat(num(with(ModelCatalog.AURORA_MESH, null), stats + "SignalStrength")).isGreaterThan(120);
    }

    @Test
    void healthyControlStaysInNormalRangesAllDay() {
        VirtualDevice d = healthy();
        for (int hour = 0; hour < 24; hour++) {
            assertThat(num(d, "Device.DeviceInfo.ProcessStatus.CPUUsage")).isLessThan(90);
            assertThat(num(d, "Device.DeviceInfo.TemperatureStatus.TemperatureSensor.1.Value")).isLessThan(85);
            assertThat(num(d, "Device.WiFi.Radio.2.Stats.Noise")).isLessThan(-85);
            clock.advance(Duration.ofHours(1));
        }
    }

    @Test
    void clientsComeAndGoOverTheDay() {
        VirtualDevice d = healthy();
        List<Long> counts = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            counts.add(num(d, "Device.Hosts.HostNumberOfEntries"));
            clock.advance(Duration.ofHours(1));
        }
        assertThat(counts.stream().distinct().count()).isGreaterThan(2);
    }
}

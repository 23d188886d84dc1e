package io.cpeoperator.simulator.engine;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.simulator.clock.CompressedClock;
import io.cpeoperator.simulator.device.BootCause;
import io.cpeoperator.simulator.device.DeviceEnvironment;
import io.cpeoperator.simulator.device.DeviceProfile;
import io.cpeoperator.simulator.device.TransferResult;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.model.ModelCatalog;
import io.cpeoperator.simulator.model.VendorModel;
import io.cpeoperator.simulator.scenario.Scenario;
import io.cpeoperator.simulator.support.CountingAgent;
import io.cpeoperator.simulator.support.TestDevices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceLifecycleTest {

    private final ScheduledExecutorService scheduler = new ScheduledThreadPoolExecutor(1);
    private final Timing fast = new Timing(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMinutes(8), Duration.ZERO);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private VirtualDevice device(VendorModel model, Set<Scenario> scenarios, CompressedClock clock) {
        DeviceProfile profile = new DeviceProfile(DeviceId.cwmp(model.oui(), model.productClass(), "L1"), model,
                TestDevices.CATALOG.schema(model, null), DeviceProfile.Transport.CWMP, "L1", "",
                scenarios.contains(Scenario.REBOOT_LOOP) ? model.buggyFirmware() : model.firmwareVersions().get(0), 3, scenarios);
        return new VirtualDevice(profile, DeviceEnvironment.of(clock), clock.millis());
    }

    @Test
    void rebootLoopKeepsRebootingOnlyOnTheBuggyFirmware() throws Exception {
        // 8 simulated minutes pass in 100 ms
        CompressedClock clock = new CompressedClock(4800);
        VirtualDevice device = device(ModelCatalog.NORDLINK_AX3000, Set.of(Scenario.REBOOT_LOOP), clock);
        CountingAgent agent = new CountingAgent();
        DeviceLifecycle lifecycle = new DeviceLifecycle(device, scheduler, fast, clock);
        lifecycle.attach(agent);
        agent.onlineLatch = new CountDownLatch(4);
        lifecycle.powerOn();
        assertThat(agent.onlineLatch.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(device.bootCount()).isGreaterThanOrEqualTo(4);
        assertThat(device.takePendingBoots()).extracting(VirtualDevice.BootRecord::cause).contains(BootCause.LOCAL_REBOOT);

        // a fixed firmware stops the loop
        device.installFirmware(ModelCatalog.NORDLINK_AX3000.latestFirmware());
        lifecycle.reboot(BootCause.FIRMWARE_UPGRADE, "fix");
        Thread.sleep(200);
        int boots = device.bootCount();
        Thread.sleep(600);
        assertThat(device.bootCount()).isEqualTo(boots);
        lifecycle.powerOff();
    }

    @Test
    void firmwareDownloadInstallsAndRebootsOrFailsWithoutReboot() throws Exception {
        CompressedClock clock = new CompressedClock(1);
        VirtualDevice device = device(ModelCatalog.VEXON_VX7000, Set.of(), clock);
        CountingAgent agent = new CountingAgent();
        DeviceLifecycle lifecycle = new DeviceLifecycle(device, scheduler, fast, clock);
        lifecycle.attach(agent);
        lifecycle.powerOn();
        agent.onlineLatch = new CountDownLatch(1);
        AtomicReference<TransferResult> result = new AtomicReference<>();
        FirmwareInstaller.start(lifecycle, "http://fw.example/vx7000-7.2.0.bin", "ck-1", result::set, () -> { });
        assertThat(agent.onlineLatch.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(result.get().succeeded()).isTrue();
        assertThat(device.softwareVersion()).isEqualTo("7.2.0");
        assertThat(device.previousSoftwareVersion()).isEqualTo("7.0.12");
        assertThat(device.valueOf("Device.DeviceInfo.FirmwareImage.2.Version")).isEqualTo("7.0.12");
        assertThat(device.pendingTransfer().commandKey()).isEqualTo("ck-1");

        CountDownLatch failed = new CountDownLatch(1);
        int boots = device.bootCount();
        FirmwareInstaller.start(lifecycle, "http://fw.example/vx7000-7.3.0-corrupt.bin", "ck-2", result::set, failed::countDown);
        assertThat(failed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(result.get().faultCode()).isEqualTo(9018);
        assertThat(device.softwareVersion()).isEqualTo("7.2.0");
        assertThat(device.bootCount()).isEqualTo(boots);
        assertThat(FirmwareInstaller.versionFromUrl("http://h/fw/V5R020C00S070.bin?token=1")).isEqualTo("V5R020C00S070");
        lifecycle.powerOff();
    }
}

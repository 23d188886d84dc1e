package io.cpeoperator.simulator.engine;

import io.cpeoperator.simulator.clock.CompressedClock;
import io.cpeoperator.simulator.device.BootCause;
import io.cpeoperator.simulator.device.TransferResult;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.model.ModelCatalog;
import io.cpeoperator.simulator.scenario.FirmwareDefect;
import io.cpeoperator.simulator.scenario.FirmwareDefects;
import io.cpeoperator.simulator.support.CountingAgent;
import io.cpeoperator.simulator.support.QoeProbe;
import io.cpeoperator.simulator.support.TestDevices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Firmware defects in a device's life: the crash loop of a bad version, and the downloads that fail. */
class FirmwareDefectLifecycleTest {

    private final ScheduledExecutorService scheduler = new ScheduledThreadPoolExecutor(2);
    private final Timing fast = new Timing(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMinutes(8), Duration.ZERO);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aRebootLoopVersionCrashesEveryPeriodFromTheBootIntoItUntilAnotherVersionIsInstalled() throws Exception {
        // 8 simulated minutes of uptime pass in 500 ms
        CompressedClock clock = new CompressedClock(960);
        FirmwareDefects defects = new FirmwareDefects();
        defects.declare("9.0.0", FirmwareDefect.rebootLoop());
        VirtualDevice device = TestDevices.running(ModelCatalog.NORDLINK_AX3000, clock, "3.5.2", 3, defects);
        DeviceLifecycle lifecycle = new DeviceLifecycle(device, scheduler, fast, clock);
        CountingAgent agent = new CountingAgent();
        lifecycle.attach(agent);
        lifecycle.powerOn();

        install(lifecycle, "8.0.0");
        int boots = device.bootCount();
        Thread.sleep(1_000);
        assertThat(device.bootCount()).as("a good version boots once and stays up").isEqualTo(boots);
        assertThat(QoeProbe.num(device, "Device.DeviceInfo.Reboots.WatchdogBootCount")).isZero();

        install(lifecycle, "9.0.0");
        int upgraded = device.bootCount();
        await(() -> device.bootCount() >= upgraded + 3, "three crashes on 9.0.0");
        assertThat(QoeProbe.num(device, "Device.DeviceInfo.Reboots.WatchdogBootCount")).isGreaterThanOrEqualTo(3);
        assertThat(QoeProbe.num(device, "Device.DeviceInfo.UpTime")).isLessThan(900);
        assertThat(QoeProbe.findings(device)).containsExactly("RebootLoop");
        assertThat(device.takePendingBoots()).extracting(VirtualDevice.BootRecord::cause).contains(BootCause.LOCAL_REBOOT);

        // a download can die with a crash, as on a real device: the fix is retried until it is installed
        for (int attempt = 0; attempt < 20 && !device.softwareVersion().equals("9.0.1"); attempt++) {
            FirmwareInstaller.start(lifecycle, "http://fw.example/nl-ax3000-9.0.1.bin", "fix-" + attempt, r -> { }, () -> { });
            Thread.sleep(150);
        }
        assertThat(device.softwareVersion()).isEqualTo("9.0.1");
        Thread.sleep(300);
        int fixed = device.bootCount();
        Thread.sleep(1_000);
        assertThat(device.bootCount()).as("no crash after the boot into 9.0.1").isEqualTo(fixed);
        lifecycle.powerOff();
    }

    @Test
    void aDownloadFailsVersionFailsWith9010OnThePickedDevicesAndInstallsOnTheOthers() throws Exception {
        CompressedClock clock = new CompressedClock(1);
        FirmwareDefects defects = new FirmwareDefects();
        FirmwareDefect defect = FirmwareDefect.downloadFails(30);
        defects.declare("9.2.0", defect);
        Map<VirtualDevice, TransferResult> results = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(200);
        List<DeviceLifecycle> lifecycles = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            VirtualDevice device = TestDevices.running(ModelCatalog.VEXON_VX7000, clock, "7.1.3", i, defects);
            DeviceLifecycle lifecycle = new DeviceLifecycle(device, scheduler, fast, clock);
            lifecycle.attach(new CountingAgent());
            lifecycle.powerOn();
            lifecycles.add(lifecycle);
            FirmwareInstaller.start(lifecycle, "http://fw.example/vx7000-9.2.0.bin", "ck-" + i, result -> {
                results.put(device, result);
                done.countDown();
            }, () -> { });
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);

        int failed = 0;
        for (Map.Entry<VirtualDevice, TransferResult> entry : results.entrySet()) {
            VirtualDevice device = entry.getKey();
            TransferResult result = entry.getValue();
            boolean picked = defect.failsDownloadFor(device.id().toString());
            if (picked) {
                failed++;
                assertThat(result.faultCode()).isEqualTo(9010);
                assertThat(result.faultString()).isEqualTo("Download failure");
                assertThat(result.uspFaultCode()).isEqualTo(7022);
                assertThat(device.softwareVersion()).as("keeps its version").isEqualTo("7.1.3");
                assertThat(device.bootCount()).as("does not reboot").isEqualTo(1);
            } else {
                assertThat(result.succeeded()).as(device.id() + " was not picked").isTrue();
                assertThat(device.softwareVersion()).isEqualTo("9.2.0");
                assertThat(device.bootCount()).isEqualTo(2);
            }
        }
        assertThat(failed).as("devices of 200 failing at 30%").isBetween(44, 76);
        lifecycles.forEach(DeviceLifecycle::powerOff);
    }

    /** Downloads a good image and waits for the boot into it. */
    private static void install(DeviceLifecycle lifecycle, String version) throws InterruptedException {
        VirtualDevice device = lifecycle.device();
        int boots = device.bootCount();
        FirmwareInstaller.start(lifecycle, "http://fw.example/nl-ax3000-" + version + ".bin", "ck-" + version, r -> { }, () -> { });
        await(() -> device.softwareVersion().equals(version) && device.bootCount() > boots && device.isOnline(),
                "the boot into " + version);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within 10 s");
            }
            Thread.sleep(10);
        }
    }
}

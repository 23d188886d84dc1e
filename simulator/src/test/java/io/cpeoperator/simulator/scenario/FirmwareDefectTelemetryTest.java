package io.cpeoperator.simulator.scenario;

import io.cpeoperator.simulator.clock.ManualClock;
import io.cpeoperator.simulator.device.BootCause;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.model.Band;
import io.cpeoperator.simulator.model.ModelCatalog;
import io.cpeoperator.simulator.model.ScenarioFit;
import io.cpeoperator.simulator.model.VendorModel;
import io.cpeoperator.simulator.support.QoeProbe;
import io.cpeoperator.simulator.support.TestDevices;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wifi-degraded version drives the telemetry through the interference and high-noise scenarios: from the boot into
 * it until the boot into another, on every model that can show them, and the findings are the ones promised.
 */
class FirmwareDefectTelemetryTest {

    private static final String DEGRADED = "9.1.0";
    private static final List<String> WIFI_FINDINGS = List.of("WifiChannelCongested", "WifiHighNoise");

    @Test
    void wifiDegradedShowsFromTheBootIntoTheVersionUntilTheBootIntoAnother() throws Exception {
        FirmwareDefects defects = new FirmwareDefects();
        defects.declare(DEGRADED, FirmwareDefect.wifiDegraded());
        int checked = 0;
        for (VendorModel model : ModelCatalog.ALL) {
            if (!model.perClientWifiData()) {
                continue;
            }
            for (long seed = 1; seed <= 6; seed++) {
                ManualClock clock = new ManualClock(TestDevices.START + seed * 3_701_000L);
                VirtualDevice device = TestDevices.running(model, clock, model.latestFirmware(), seed * 7919, defects);
                String what = model.productClass() + ", seed " + seed;
                assertThat(QoeProbe.findings(device)).as(what + " before").isEmpty();
                assertThat(utilization(device, model)).as(what + " before").isBetween(10L, 45L);

                device.installFirmware(DEGRADED);
                assertThat(QoeProbe.findings(device)).as(what + ": installed, not yet booted into").isEmpty();
                device.boot(BootCause.FIRMWARE_UPGRADE, "fw");
                assertThat(device.runningDefect()).contains(FirmwareDefect.wifiDegraded());
                for (int step = 0; step < 4; step++) {
                    assertThat(QoeProbe.findings(device)).as(what + " on the bad version, step " + step)
                            .containsExactlyElementsOf(WIFI_FINDINGS)
                            .containsExactlyElementsOf(FirmwareDefect.wifiDegraded()
                                    .expectedFindings(s -> ScenarioFit.fits(s, model)));
                    assertThat(utilization(device, model)).as(what).isBetween(75L, 95L);
                    assertThat(QoeProbe.num(device, "Device.WiFi.Radio." + model.radioOf(Band.GHZ_5) + ".Stats.Noise"))
                            .as(what).isBetween(-72L, -65L);
                    clock.advance(Duration.ofMinutes(173));
                }
                assertThat(device.scenarios()).as("the device itself suffers from nothing").isEmpty();

                device.installFirmware("9.1.1");
                device.boot(BootCause.FIRMWARE_UPGRADE, "fix");
                assertThat(device.runningDefect()).isEmpty();
                assertThat(QoeProbe.findings(device)).as(what + " after the fix").isEmpty();
                assertThat(utilization(device, model)).as(what + " after the fix").isBetween(10L, 45L);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(12);
    }

    @Test
    void aModelWithoutWifiDataShowsNothingAndIsPromisedNothing() throws Exception {
        FirmwareDefects defects = new FirmwareDefects();
        defects.declare(DEGRADED, FirmwareDefect.wifiDegraded());
        VendorModel ont = ModelCatalog.MERIDIAN_ONT;
        VirtualDevice device = TestDevices.running(ont, new ManualClock(TestDevices.START), DEGRADED, 11, defects);
        assertThat(device.runningDefect()).contains(FirmwareDefect.wifiDegraded());
        assertThat(QoeProbe.findings(device)).isEmpty();
        assertThat(device.has(Scenario.INTERFERENCE)).isFalse();
        assertThat(FirmwareDefect.wifiDegraded().expectedFindings(s -> ScenarioFit.fits(s, ont))).isEmpty();
    }

    @Test
    void aDefectDeclaredForTheRunningVersionShowsAtOnceAndAddsToTheScenarios() throws Exception {
        FirmwareDefects defects = new FirmwareDefects();
        VendorModel model = ModelCatalog.NORDLINK_AX3000;
        VirtualDevice device = TestDevices.running(model, new ManualClock(TestDevices.START), "3.5.2", 5, defects);
        device.scenarios(Set.of(Scenario.CPU_OVERLOAD));
        assertThat(QoeProbe.findings(device)).containsExactly("CpuOverload");

        defects.declare("3.5.2", FirmwareDefect.wifiDegraded());
        assertThat(QoeProbe.findings(device)).as("not told yet").containsExactly("CpuOverload");
        device.firmwareDefectsChanged();
        assertThat(QoeProbe.findings(device)).containsExactly("CpuOverload", "WifiChannelCongested", "WifiHighNoise");
        assertThat(device.scenarios()).containsExactly(Scenario.CPU_OVERLOAD);

        device.scenarios(Set.of());
        assertThat(QoeProbe.findings(device)).as("the firmware's effects outlive a scenario change")
                .containsExactlyElementsOf(WIFI_FINDINGS);
    }

    private static long utilization(VirtualDevice device, VendorModel model) {
        return QoeProbe.num(device, "Device.WiFi.Radio." + model.radioOf(Band.GHZ_2_4) + ".ChannelUtilization");
    }
}

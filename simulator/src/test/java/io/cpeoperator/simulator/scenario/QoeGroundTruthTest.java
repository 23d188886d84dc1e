package io.cpeoperator.simulator.scenario;

import io.cpeoperator.simulator.clock.ManualClock;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.model.ModelCatalog;
import io.cpeoperator.simulator.model.ScenarioFit;
import io.cpeoperator.simulator.model.VendorModel;
import io.cpeoperator.simulator.support.QoeProbe;
import io.cpeoperator.simulator.support.TestDevices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ground truth is scoreable: one snapshot of a device with a scenario crosses exactly the thresholds of the
 * scenario's finding codes, on every model that can show it, at any time of day; a healthy device crosses none.
 */
class QoeGroundTruthTest {

    /** Simulated moments spread over a day and a half: night, morning, evening peak, next afternoon. */
    private static final List<Duration> MOMENTS = List.of(Duration.ZERO, Duration.ofHours(7), Duration.ofHours(17),
            Duration.ofHours(33).plusMinutes(41));

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = "HEALTHY", mode = EnumSource.Mode.EXCLUDE)
    void everyScenarioShowsExactlyItsFindingsInOneSnapshot(Scenario scenario) throws Exception {
        int checked = 0;
        for (VendorModel model : ModelCatalog.ALL) {
            if (!ScenarioFit.fits(scenario, model)) {
                continue;
            }
            for (long seed = 1; seed <= 12; seed++) {
                ManualClock clock = new ManualClock(TestDevices.START);
                VirtualDevice device = TestDevices.planned(model, clock, Set.of(scenario), seed * 7919);
                long elapsed = 0;
                for (Duration moment : MOMENTS) {
                    clock.advance(moment.minusMillis(elapsed));
                    elapsed = moment.toMillis();
                    if (scenario == Scenario.REBOOT_LOOP && device.uptimeSeconds() > 600) {
                        // a crash-looping device never stays up that long: the watchdog fires again
                        device.boot(io.cpeoperator.simulator.device.BootCause.LOCAL_REBOOT, "");
                    }
                    assertThat(QoeProbe.findings(device))
                            .as("%s on %s, seed %d, after %s", scenario.cliName(), model.productClass(), seed, moment)
                            .containsExactlyElementsOf(Scenario.expectedFindings(Set.of(scenario)));
                    checked++;
                }
            }
        }
        assertThat(checked).as("models able to show " + scenario.cliName()).isPositive();
    }

    @Test
    void healthyDevicesNeverCrossAThreshold() throws Exception {
        for (long seed = 0; seed < 300; seed++) {
            VendorModel model = ModelCatalog.ALL.get((int) (seed % ModelCatalog.ALL.size()));
            ManualClock clock = new ManualClock(TestDevices.START + seed * 977_000L);
            VirtualDevice device = TestDevices.planned(model, clock, Set.of(), seed * 104_729 + 3);
            for (int step = 0; step < 6; step++) {
                assertThat(QoeProbe.findings(device)).as("healthy %s, seed %d, step %d", model.productClass(), seed, step)
                        .isEmpty();
                if (model.perClientWifiData()) {
                    for (int r = 1; r <= model.radios(); r++) {
                        assertThat(QoeProbe.num(device, "Device.WiFi.Radio." + r + ".ChannelUtilization")).isBetween(10L, 45L);
                    }
                }
                clock.advance(Duration.ofMinutes(227));
            }
        }
    }

    @Test
    void interferenceAlsoFillsTheTwoGigahertzChannel() {
        for (VendorModel model : List.of(ModelCatalog.NORDLINK_AX3000, ModelCatalog.VEXON_VX7000, ModelCatalog.NORDLINK_BE7200)) {
            VirtualDevice d = TestDevices.planned(model, new ManualClock(TestDevices.START), Set.of(Scenario.INTERFERENCE), 5);
            int twoGhz = model.radioOf(io.cpeoperator.simulator.model.Band.GHZ_2_4);
            for (int r = 1; r <= model.radios(); r++) {
                long utilization = QoeProbe.num(d, "Device.WiFi.Radio." + r + ".ChannelUtilization");
                if (r == twoGhz) {
                    assertThat(utilization).as(model.productClass() + " interfered radio " + r).isBetween(75L, 95L);
                } else {
                    assertThat(utilization).as(model.productClass() + " radio " + r).isBetween(10L, 45L);
                }
            }
        }
    }

    @Test
    void memoryLeakStartsAtLeastNinetyPercentUsed() {
        VirtualDevice d = TestDevices.planned(ModelCatalog.MERIDIAN_ONT, new ManualClock(TestDevices.START),
                Set.of(Scenario.MEMORY_LEAK), 42);
        assertThat(d.uptimeSeconds()).isGreaterThanOrEqualTo(84 * 3600L);
        double total = QoeProbe.num(d, "InternetGatewayDevice.DeviceInfo.MemoryStatus.Total");
        assertThat(QoeProbe.num(d, "InternetGatewayDevice.DeviceInfo.MemoryStatus.Free") / total).isLessThanOrEqualTo(0.1);
    }

    @Test
    void groundTruthFindingsAreTheSortedUnionOfTheScenarios() {
        assertThat(Scenario.expectedFindings(EnumSet.of(Scenario.WAN_LOSS, Scenario.CPU_OVERLOAD, Scenario.HEALTHY)))
                .containsExactly("CpuOverload", "WanHighLatency", "WanPacketLoss");
        assertThat(Scenario.HEALTHY.expectedFindings()).isEmpty();
        GroundTruth truth = new GroundTruth("cwmp:x", "cwmp", "m", "p", "1", "Device.", List.of("a"), List.of("s"),
                List.of("WanPacketLoss", "CpuOverload", "WanPacketLoss"));
        assertThat(truth.expectedFindings()).containsExactly("CpuOverload", "WanPacketLoss");
    }
}

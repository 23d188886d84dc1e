package io.cpeoperator.operator.fleet;

import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.RolloutStatus;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.fleet.rollout.RolloutPlanner;
import io.cpeoperator.operator.testing.SimulatedOperatorFixture;
import io.cpeoperator.simulator.engine.Timing;
import io.cpeoperator.simulator.scenario.FirmwareDefect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollout pauses itself on a bad version, against simulated USP devices whose ground truth names it: a version
 * that makes devices reboot in a loop is stopped by the failure budget inside its first wave, and a version that
 * degrades Wi-Fi without a single reboot is stopped by the QoE guard.
 */
class FleetRolloutGuardsTest {

    private static final String NS = "cpe-rollout-guards";
    private static final String LOOPING = "9.0.0";
    private static final String DEGRADING = "9.1.0";
    /** A device on the looping version crashes 15 s after each boot. */
    private static final Timing LOOPS_FAST = new Timing(Duration.ofSeconds(1), Duration.ofMillis(300),
            Duration.ofSeconds(15), Duration.ZERO);
    private static SimulatedOperatorFixture fixture;
    private static FleetRolloutSupport support;
    private static List<DeviceId> loopGroup;
    private static List<DeviceId> wifiGroup;

    @BeforeAll
    static void start() throws Exception {
        fixture = new SimulatedOperatorFixture(NS, 0, 40, "--status-write-interval", "0s",
                // QoE telemetry re-read every 5 s: a device is judged on an evaluation after its settle time
                "--qoe-interval", "1s", "--qoe-telemetry-interval", "5s", "--last-contact-interval", "2s");
        fixture.startDevices(1.0, "", "", LOOPS_FAST);
        fixture.declareFirmwareDefect(LOOPING, FirmwareDefect.rebootLoop());
        fixture.declareFirmwareDefect(DEGRADING, FirmwareDefect.wifiDegraded());
        support = new FleetRolloutSupport(fixture, 0, 40);
        loopGroup = support.ids().subList(0, 20);
        wifiGroup = support.ids().subList(20, 40);
        support.awaitReady(id -> loopGroup.contains(id) ? "loop" : "wifi");
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aVersionThatRebootLoopsIsPausedInsideItsFirstWave() throws Exception {
        // the upgraded devices are watched for 25 s (their first crash comes 15 s after the boot) before a wave ends
        support.createFleet("loop", "loop", LOOPING, FleetRolloutSupport.rollout(List.of(10, 50, 100), "PT1S",
                "PT25S"));

        CpeFleet paused = support.awaitRollout("loop", r -> RolloutPlanner.PAUSED.equals(r.getState()),
                Duration.ofSeconds(120));
        RolloutStatus rollout = paused.getStatus().getRollout();
        assertThat(rollout.getReason()).isEqualTo(RolloutPlanner.REASON_FAILURE_BUDGET);
        assertThat(rollout.getWave()).isEqualTo(1);
        // caught by the boot after the upgrade that nobody asked for
        assertThat(rollout.getMessage()).contains("rebooted on its own").contains(LOOPING);
        assertThat(Conditions.find(paused.getStatus().getConditions(), "Degraded").orElseThrow().getStatus())
                .isEqualTo("True");
        assertThat(fixture.awaitEvent("loop", "RolloutPaused").getType()).isEqualTo("Warning");

        // held: the first wave (2 of 20) is all the bad version ever reaches
        Thread.sleep(5_000);
        assertThat(support.askedToDownload(loopGroup)).isEqualTo(2);
        assertThat(support.admitted("loop")).isEqualTo(2);
        assertThat(support.fleet("loop").getStatus().getRollout().getState()).isEqualTo(RolloutPlanner.PAUSED);
        // the ground truth names the version the rollout was stopped on
        assertThat(loopGroup.stream().filter(id -> LOOPING.equals(fixture.simulated(id).state().softwareVersion()))
                .map(id -> fixture.groundTruth().get(id.toString()).firmwareDefect()))
                .hasSize(2).containsOnly("reboot-loop");
    }

    @Test
    void aVersionThatDegradesWifiIsPausedByTheQoeGuard() throws Exception {
        support.createFleet("wifi", "wifi", DEGRADING, FleetRolloutSupport.rollout(List.of(10, 50, 100), "PT1S",
                "PT5S"));

        CpeFleet paused = support.awaitRollout("wifi", r -> RolloutPlanner.PAUSED.equals(r.getState()),
                Duration.ofSeconds(120));
        RolloutStatus rollout = paused.getStatus().getRollout();
        assertThat(rollout.getReason()).isEqualTo(RolloutPlanner.REASON_QOE_GUARD);
        assertThat(rollout.getFailed()).isZero();
        assertThat(rollout.getMessage()).contains(DEGRADING);
        Thread.sleep(3_000);
        assertThat(support.askedToDownload(wifiGroup)).isEqualTo(2);
        assertThat(support.running(DEGRADING, wifiGroup)).isEqualTo(2);
        assertThat(wifiGroup.stream().filter(id -> DEGRADING.equals(fixture.simulated(id).state().softwareVersion()))
                .map(id -> fixture.groundTruth().get(id.toString()).firmwareDefect()))
                .containsOnly("wifi-degraded");
        // the degraded devices never rebooted on their own: the guard, not the budget, stopped it
        assertThat(support.fleet("wifi").getStatus().getRollout().getReason())
                .isEqualTo(RolloutPlanner.REASON_QOE_GUARD);
    }
}

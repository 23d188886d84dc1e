package io.cpeoperator.operator.fleet;

import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.RolloutSpec;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.fleet.rollout.RolloutPlanner;
import io.cpeoperator.operator.testing.SimulatedOperatorFixture;
import io.fabric8.kubernetes.api.model.IntOrString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staged firmware rollout across 200 simulated devices (100 CWMP, 100 USP) through the real bridges: waves
 * [2, 20, 100] advance one after the other, {@code spec.rollout.paused} holds it, and an operator restart in the
 * middle of a wave resumes it where it was, with not one device asked to download twice.
 */
class FleetRolloutTest {

    private static final String NS = "cpe-rollout";
    private static final String GOOD = "9.5.0";
    private static SimulatedOperatorFixture fixture;
    private static FleetRolloutSupport support;

    @BeforeAll
    static void start() throws Exception {
        fixture = new SimulatedOperatorFixture(NS, 100, 100, "--status-write-interval", "0s",
                "--qoe-interval", "1s", "--qoe-telemetry-interval", "0s", "--last-contact-interval", "2s");
        fixture.startDevices(1.0);
        support = new FleetRolloutSupport(fixture, 100, 100);
        support.awaitReady(id -> "all");
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void wavesAdvanceOneAfterAnotherHoldWhenPausedAndSurviveARestartWithoutASecondDownload() throws Exception {
        List<DeviceId> all = support.ids();
        RolloutSpec rollout = FleetRolloutSupport.rollout(List.of(2, 20, 100), "PT3S", "PT0S");
        rollout.setMaxUnavailable(new IntOrString(10));
        support.createFleet("all", "all", GOOD, rollout);

        // wave 1: 4 of 200 devices, and no more until it is done
        CpeFleet waveOneDone = support.awaitRollout("all", r -> r.getWave() == 1
                && RolloutPlanner.REASON_BETWEEN_WAVES.equals(r.getReason()), Duration.ofSeconds(90));
        assertThat(waveOneDone.getStatus().getRollout().getUpdated()).isEqualTo(4);
        assertThat(support.running(GOOD, all)).isEqualTo(4);
        assertThat(support.askedToDownload(all)).isEqualTo(4);
        assertThat(waveOneDone.getStatus().getRollout().getWaveTarget()).isEqualTo(4);

        // wave 2 (up to 40): restart the operator while devices of the wave are upgrading
        support.awaitRollout("all", r -> r.getWave() == 2 && r.getInProgress() > 0, Duration.ofSeconds(60));
        long admittedBefore = support.admitted("all");
        fixture.stopOperator();
        Thread.sleep(2_000);
        fixture.startOperator();
        CpeFleet afterRestart = support.awaitRollout("all", r -> r.getWave() >= 2, Duration.ofSeconds(30));
        assertThat(afterRestart.getStatus().getRollout().getWave()).isEqualTo(2);
        assertThat(support.admitted("all")).isGreaterThanOrEqualTo(admittedBefore);

        // hold it with spec.rollout.paused: nobody new is admitted
        support.setPaused("all", true);
        support.awaitRollout("all", r -> RolloutPlanner.REASON_PAUSED_BY_SPEC.equals(r.getReason()),
                Duration.ofSeconds(30));
        long admittedWhilePaused = support.admitted("all");
        Thread.sleep(4_000);
        assertThat(support.admitted("all")).isEqualTo(admittedWhilePaused);
        assertThat(support.fleet("all").getStatus().getRollout().getState()).isEqualTo(RolloutPlanner.PAUSED);
        support.setPaused("all", false);

        CpeFleet completed = support.awaitRollout("all", r -> RolloutPlanner.COMPLETED.equals(r.getState()),
                Duration.ofSeconds(240));
        assertThat(completed.getStatus().getRollout().getUpdated()).isEqualTo(200);
        assertThat(completed.getStatus().getFirmwareCurrent()).isEqualTo(200);
        assertThat(support.running(GOOD, all)).isEqualTo(200);
        assertThat(support.mostDownloadsOfOneDevice(all)).as("no device was asked to download twice").isEqualTo(1);
        assertThat(Conditions.find(completed.getStatus().getConditions(), "RolloutProgressing").orElseThrow()
                .getReason()).isEqualTo(RolloutPlanner.REASON_COMPLETED);
        List<String> reasons = support.fleetEventReasons("all");
        assertThat(reasons.stream().filter("RolloutWaveStarted"::equals).count()).isEqualTo(3);
        assertThat(reasons).contains("RolloutWaveCompleted", "RolloutPaused", "RolloutResumed", "RolloutCompleted");
    }
}

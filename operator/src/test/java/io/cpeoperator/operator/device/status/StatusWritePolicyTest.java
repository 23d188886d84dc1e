package io.cpeoperator.operator.device.status;

import io.cpeoperator.api.v1alpha1.CpeDeviceStatus;
import io.cpeoperator.api.v1alpha1.DeviceSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StatusWritePolicyTest {

    private final io.cpeoperator.operator.testing.MutableClock clock = new io.cpeoperator.operator.testing.MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final StatusWritePolicy policy = new StatusWritePolicy(clock, Duration.ofSeconds(10),
            Duration.ofMinutes(5), new SimpleMeterRegistry());

    @Test
    void unchangedStatusIsNotWritten() {
        assertThat(policy.decide("ns/a", status("1.0", 10), status("1.0", 10)))
                .isInstanceOf(StatusWritePolicy.Decision.Unchanged.class);
    }

    @Test
    void materialChangeIsWrittenThenRateLimitedAndDeferredNotDropped() {
        assertThat(policy.decide("ns/a", status("1.0", 10), status("1.1", 10)))
                .isEqualTo(new StatusWritePolicy.Decision.Write(true));
        policy.written("ns/a", status("1.1", 10));
        clock.advance(Duration.ofSeconds(3));
        assertThat(policy.decide("ns/a", status("1.1", 10), status("1.2", 10)))
                .isEqualTo(new StatusWritePolicy.Decision.Defer(Duration.ofSeconds(7)));
        clock.advance(Duration.ofSeconds(7));
        assertThat(policy.decide("ns/a", status("1.1", 10), status("1.2", 10)))
                .isEqualTo(new StatusWritePolicy.Decision.Write(true));
    }

    @Test
    void recentlyWrittenStatusStandsInForAStaleCache() {
        CpeDeviceStatus written = status("1.1", 10);
        policy.written("ns/a", written);
        assertThat(policy.stored("ns/a", status("1.0", 10))).isSameAs(written);
        CpeDeviceStatus caughtUp = status("1.1", 10);
        assertThat(policy.stored("ns/a", caughtUp)).isSameAs(caughtUp);
        assertThat(policy.stored("ns/a", status("1.0", 10))).extracting(s -> s.getSummary().getSoftwareVersion())
                .isEqualTo("1.0");
    }

    @Test
    void telemetryAloneIsRefreshedEveryFiveMinutesAtMost() {
        CpeDeviceStatus stored = status("1.0", 0);
        policy.written("ns/a", stored);
        int writes = 0;
        for (int second = 1; second <= 3600; second++) {
            clock.advance(Duration.ofSeconds(1));
            CpeDeviceStatus computed = status("1.0", second);
            StatusWritePolicy.Decision decision = policy.decide("ns/a", stored, computed);
            if (decision instanceof StatusWritePolicy.Decision.Write) {
                policy.written("ns/a", computed);
                stored = computed;
                writes++;
            }
        }
        assertThat(writes).isEqualTo(12);
        assertThat(policy.patchesAvoided()).isGreaterThan(3000);
        assertThat(policy.statusChanges()).isGreaterThan(3500);
    }

    @Test
    void specOutcomesAreWrittenAtOnceWithinASmallBurstAndLaterOnesWait() {
        CpeDeviceStatus stored = configStatus(1, "False", "Applying", 10);
        policy.written("ns/a", stored);
        String[][] outcomes = {{"Unknown", "Verifying"}, {"True", "Applied"}, {"False", "Applying"}};
        for (String[] outcome : outcomes) {
            clock.advance(Duration.ofMillis(200));
            CpeDeviceStatus next = configStatus(1, outcome[0], outcome[1], 10);
            assertThat(policy.decide("ns/a", stored, next)).as(outcome[1])
                    .isEqualTo(new StatusWritePolicy.Decision.Write(true));
            policy.written("ns/a", next);
            stored = next;
        }
        clock.advance(Duration.ofMillis(200));
        // the burst is spent: the next outcome waits for the window after the last write
        assertThat(policy.decide("ns/a", stored, configStatus(1, "True", "Applied", 10)))
                .isEqualTo(new StatusWritePolicy.Decision.Defer(Duration.ofMillis(9800)));
        clock.advance(Duration.ofMillis(9800));
        assertThat(policy.decide("ns/a", stored, configStatus(1, "True", "Applied", 10)))
                .isEqualTo(new StatusWritePolicy.Decision.Write(true));
    }

    @Test
    void aMaterialChangeThatAnswersNoSpecChangeStillWaitsForTheWindow() {
        CpeDeviceStatus stored = configStatus(1, "True", "Applied", 10);
        policy.written("ns/a", stored);
        clock.advance(Duration.ofSeconds(1));
        CpeDeviceStatus newFirmware = configStatus(1, "True", "Applied", 10);
        newFirmware.getSummary().setSoftwareVersion("2.0");
        assertThat(policy.decide("ns/a", stored, newFirmware))
                .isEqualTo(new StatusWritePolicy.Decision.Defer(Duration.ofSeconds(9)));
    }

    @Test
    void aNewGenerationIsAcknowledgedAtOnce() {
        CpeDeviceStatus stored = configStatus(1, "True", "Applied", 10);
        policy.written("ns/a", stored);
        clock.advance(Duration.ofSeconds(1));
        assertThat(policy.decide("ns/a", stored, configStatus(2, "True", "Applied", 10)))
                .isEqualTo(new StatusWritePolicy.Decision.Write(true));
    }

    private static CpeDeviceStatus configStatus(long generation, String conditionStatus, String reason, int cpu) {
        CpeDeviceStatus status = status("1.0", cpu);
        status.setObservedGeneration(generation);
        status.setConditions(new java.util.ArrayList<>(java.util.List.of(new io.fabric8.kubernetes.api.model.ConditionBuilder()
                .withType("ConfigApplied").withStatus(conditionStatus).withReason(reason)
                .withObservedGeneration(generation).build())));
        return status;
    }

    private static CpeDeviceStatus status(String firmware, int cpu) {
        CpeDeviceStatus status = new CpeDeviceStatus();
        DeviceSummary summary = new DeviceSummary();
        summary.setSoftwareVersion(firmware);
        summary.setCpuPercent(cpu);
        summary.setLastContact("2026-11-25T10:00:" + String.format("%02d", cpu % 60) + "Z");
        status.setSummary(summary);
        return status;
    }
}

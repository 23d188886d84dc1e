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

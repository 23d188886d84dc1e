package io.cpeoperator.bridge.twin;

import io.cpeoperator.bridge.device.DeviceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefreshScheduleTest {

    private final RefreshSchedule schedule = new RefreshSchedule(Duration.ofMinutes(5), 0.2);

    @Test
    void jitterIsDeterministicAndWithinTheSpread() {
        DeviceId id = DeviceId.cwmp("00D09E", "BM632w", "SN0001");
        assertThat(schedule.jitter(id)).isEqualTo(new RefreshSchedule(Duration.ofMinutes(5), 0.2).jitter(id));
        assertThat(schedule.jitter(DeviceId.parse(id.toString()))).isEqualTo(schedule.jitter(id));
        for (int n = 0; n < 1_000; n++) {
            Duration jitter = schedule.jitter(DeviceId.cwmp("00D09E", "BM632w", "SN" + n));
            assertThat(jitter).isBetween(Duration.ZERO, Duration.ofMinutes(1).minusMillis(1));
        }
    }

    @Test
    void aFleetIsSpreadOverTheWindow() {
        Set<Long> tenSecondBuckets = new HashSet<>();
        Instant last = Instant.parse("2026-11-25T10:00:00Z");
        for (int n = 0; n < 1_000; n++) {
            Instant next = schedule.nextRefresh(DeviceId.usp("os::00D09E-" + n), last);
            assertThat(next).isBetween(last.plus(Duration.ofMinutes(4)), last.plus(Duration.ofMinutes(5)));
            tenSecondBuckets.add(Duration.between(last, next).toSeconds() / 10);
        }
        assertThat(tenSecondBuckets).as("all six 10-second buckets of the 1-minute window are used").hasSize(6);
    }

    @Test
    void maxAgeIsTheIntervalMinusTheJitter() {
        DeviceId id = DeviceId.usp("os::00D09E-1");
        assertThat(schedule.maxAgeFor(id)).isEqualTo(Duration.ofMinutes(5).minus(schedule.jitter(id)));
        assertThat(new RefreshSchedule(Duration.ofMinutes(5), 0).maxAgeFor(id)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RefreshSchedule(Duration.ZERO, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefreshSchedule(Duration.ofMinutes(1), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

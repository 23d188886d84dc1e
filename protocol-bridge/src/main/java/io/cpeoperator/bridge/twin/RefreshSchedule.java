package io.cpeoperator.bridge.twin;

import io.cpeoperator.bridge.device.DeviceId;

import java.time.Duration;
import java.time.Instant;

/**
 * Staggers periodic refreshes over a fleet: each device gets a fixed offset within a fraction of the interval,
 * derived from its identity ({@link DeviceHash}), so the same device refreshes at the same phase on every replica
 * and after every restart, while 100,000 devices with the same 5-minute telemetry policy do not all go stale (and
 * get polled) in the same second.
 *
 * <p>Use {@link #maxAgeFor} as the max age of {@link TwinStore#readWithMaxAge}, or {@link #nextRefresh} to schedule.
 */
public final class RefreshSchedule {

    private final Duration interval;
    private final double spread;

    /**
     * @param interval how often values should be refreshed
     * @param spread   the fraction of the interval over which devices are spread, 0 (lockstep) to 1
     */
    public RefreshSchedule(Duration interval, double spread) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        if (!(spread >= 0 && spread <= 1)) {
            throw new IllegalArgumentException("spread must be between 0 and 1");
        }
        this.interval = interval;
        this.spread = spread;
    }

    /** The device's fixed offset, in {@code [0, interval * spread)}. */
    public Duration jitter(DeviceId id) {
        long window = (long) (interval.toMillis() * spread);
        if (window <= 0) {
            return Duration.ZERO;
        }
        // top 53 bits as a fraction in [0, 1): uniform, and the same for the same identity everywhere
        double fraction = (DeviceHash.of(id) >>> 11) * 0x1.0p-53;
        return Duration.ofMillis((long) (fraction * window));
    }

    /** The max age to read the device's values with: the interval shortened by the device's jitter. */
    public Duration maxAgeFor(DeviceId id) {
        return interval.minus(jitter(id));
    }

    /** When the device's values refreshed at {@code lastRefresh} should be refreshed next. */
    public Instant nextRefresh(DeviceId id, Instant lastRefresh) {
        return lastRefresh.plus(maxAgeFor(id));
    }
}

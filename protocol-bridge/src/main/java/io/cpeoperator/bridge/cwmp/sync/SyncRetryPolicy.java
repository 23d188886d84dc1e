package io.cpeoperator.bridge.cwmp.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * How soon the ACS asks a device for another session (a Connection Request) after its full sync failed for a
 * reason that may pass: without it the device would stay unsynchronised until its next periodic Inform, hours away.
 * The delay doubles from {@code initialDelay} up to {@code maxDelay}, spread by {@code jitter} so a fleet that failed
 * together does not come back together; after {@code maxAttempts} Connection Requests the ACS waits for the device.
 *
 * @param initialDelay delay before the first retry
 * @param maxDelay     the longest delay between retries
 * @param maxAttempts  Connection Requests sent per device between two successful syncs; 0 turns retries off
 * @param jitter       fraction (0..1) by which each delay is randomly shortened or lengthened
 */
public record SyncRetryPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts, double jitter) {

    public SyncRetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 < initialDelay <= maxDelay");
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must not be negative");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be within 0..1");
        }
    }

    /** 30 s, 1 min, 2 min ... capped at 30 min, ±20 %, at most 6 Connection Requests. */
    public static SyncRetryPolicy defaults() {
        return new SyncRetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), 6, 0.2);
    }

    public static SyncRetryPolicy disabled() {
        return new SyncRetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), 0, 0);
    }

    public boolean enabled() {
        return maxAttempts > 0;
    }

    /**
     * The delay before retry number {@code attempt} (1-based).
     *
     * @param random a uniform draw from [0, 1): 0.5 gives the undisturbed delay
     */
    public Duration delayBefore(int attempt, double random) {
        long initial = initialDelay.toMillis();
        long max = maxDelay.toMillis();
        int doublings = Math.max(0, Math.min(attempt - 1, 40));
        long base = initial > (max >> doublings) ? max : Math.min(max, initial << doublings);
        double spread = 1 + jitter * (2 * random - 1);
        return Duration.ofMillis(Math.max(1, Math.min(max, Math.round(base * spread))));
    }
}
